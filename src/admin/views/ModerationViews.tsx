/**
 * The comment moderation screens: the queues (with bulk decisions and keyboard shortcuts),
 * a reader's page (history, warnings, suspensions, bans), the moderation log and the site's
 * comment settings. Comment text is only ever shown through CommentBody (or as escaped plain
 * text for a parent's excerpt): no stored markup reaches the page.
 */
import { COMMENT_LIMITS, commentPlainText } from '../../core/comments/body.js';
import { REPORT_REASONS } from '../../core/comments/settings.js';
import type { Decision, LogEntry, Queue, QueueItem } from '../../services/moderation.js';
import { QUEUES, QUEUE_NAMES } from '../../services/moderation.js';
import type { Reader } from '../../services/readers.js';
import { CommentBody } from '../../site/views/components/CommentBody.js';
import type { AdminAsset, AdminContext } from './AdminLayout.js';
import { AdminLayout, Csrf, Messages } from './AdminLayout.js';
import { dateTimeFormat } from '../../core/intl.js';

const when = (iso: string, ctx: AdminContext) => dateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.timeZone }).format(new Date(iso));
const day = (iso: string, ctx: AdminContext) => dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: ctx.timeZone }).format(new Date(iso));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Time({ iso, ctx }: { iso: string; ctx: AdminContext }) {
  return <time datetime={iso}>{when(iso, ctx)}</time>;
}

/** What the keyboard does on a list of comments: shown on the page and in the help dialog. */
export const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ['j', 'Next comment'],
  ['k', 'Previous comment'],
  ['a', 'Approve the comment'],
  ['r', 'Reject the comment'],
  ['f', "Feature it as an Editor's pick (or unfeature it)"],
  ['x', 'Select or deselect it for a bulk action'],
  ['?', 'Show these shortcuts'],
];

const STATUS_LABELS: Record<QueueItem['status'], string> = { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', deleted: 'Deleted' };

const REPORT_LABELS: Record<string, string> = REPORT_REASONS;

/** Where the moderation pages link to each other. */
function ModerationNav({ canManageSettings, current }: { canManageSettings: boolean; current: 'queues' | 'log' | 'settings' | 'reader' }) {
  const links = [
    { url: '/admin/comments', name: 'Queues', key: 'queues' },
    { url: '/admin/comments/log', name: 'Moderation log', key: 'log' },
    ...(canManageSettings ? [{ url: '/admin/comments/settings', name: 'Comment settings', key: 'settings' }] : []),
  ];
  return (
    <nav aria-label="Comment moderation" class="mod-subnav">
      <ul>
        {links.map((l) => (
          <li key={l.url}>
            <a href={l.url} aria-current={current === l.key ? 'page' : undefined}>
              {l.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type ReaderSummary = NonNullable<QueueItem['reader']>;

function suspendedUntil(r: Pick<Reader, 'suspendedUntil'>): string | null {
  return r.suspendedUntil !== null && Date.parse(r.suspendedUntil) > Date.now() ? r.suspendedUntil : null;
}

/** Verified, track record, warnings, and any ban or suspension, in one line. */
function ReaderStanding({ r, ctx }: { r: ReaderSummary; ctx: AdminContext }) {
  const until = suspendedUntil(r);
  return (
    <span class="mod-standing">
      {r.banned && <span class="mod-badge mod-badge-danger">Banned</span>}
      {until && (
        <span class="mod-badge mod-badge-warn">
          Suspended until <Time iso={until} ctx={ctx} />
        </span>
      )}
      <span>{r.verified ? 'verified email' : 'email not verified'}</span>
      <span>{plural(r.approvedComments, 'approved comment', 'approved comments')}</span>
      <span>{plural(r.rejectedComments, 'rejected comment', 'rejected comments')}</span>
      <span>{plural(r.warnings, 'warning', 'warnings')}</span>
    </span>
  );
}

const excerpt = (body: string, max = 200) => {
  const text = commentPlainText(body);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export const scoreLine = (item: Pick<QueueItem, 'score' | 'scoreReasons'>) => `score ${item.score}${item.scoreReasons.length ? `: ${item.scoreReasons.join(', ')}` : ''}`;

interface ItemOptions {
  ctx: AdminContext;
  /** The page to come back to after a decision. */
  returnTo: string;
  /** The queue the list shows (undefined on a reader's page, which mixes them). */
  queue: Queue | undefined;
  canEditStories: boolean;
}

function CommentItem({ item, o }: { item: QueueItem; o: ItemOptions }) {
  const { ctx } = o;
  const id = item.id;
  const who = item.authorName;
  // Approving an approved comment only means something where it has not been judged yet.
  const showApprove = item.status !== 'approved' || o.queue === 'reported' || o.queue === 'unmoderated';
  return (
    <article class="mod-item" id={`comment-${id}`} tabindex={-1} data-comment-id={String(id)} aria-labelledby={`comment-${id}-title`}>
      <div class="mod-item-head">
        <input type="checkbox" class="mod-select" id={`select-${id}`} name="ids" value={String(id)} form="bulk-form" />
        <label for={`select-${id}`} class="visually-hidden">
          Select the comment by {who}
        </label>
        <h3 id={`comment-${id}-title`} class="mod-item-title">
          {who}
          {item.staff && <span class="mod-badge mod-badge-staff">Staff</span>}
          <span class="visually-hidden">, comment {id}</span>
        </h3>
        <span class={`mod-badge mod-status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
        {item.featured && <span class="mod-badge mod-badge-pick">Editor's pick</span>}
        <span class="mod-when">
          <Time iso={item.createdAt} ctx={ctx} />
          {item.editedAt && ' (edited)'}
        </span>
      </div>
      <p class="mod-meta">
        {item.reader ? (
          <>
            Reader: <a href={`/admin/comments/readers/${item.reader.id}`}>{item.reader.displayName}</a> <ReaderStanding r={item.reader} ctx={ctx} />
          </>
        ) : item.staff ? (
          'Posted by a member of staff.'
        ) : item.guestEmail ? (
          <>
            Guest, email <span class="mod-email">{item.guestEmail}</span>
          </>
        ) : (
          'Account deleted.'
        )}
      </p>
      <p class="mod-meta">
        On <a href={`/comments/${id}`}>{item.headline}</a>
        {o.canEditStories && (
          <>
            {' '}
            (<a href={`/admin/articles/${item.articleId}`}>edit the story</a>)
          </>
        )}
      </p>
      {item.parent && (
        <div class="mod-parent">
          <p class="mod-parent-label">In reply to {item.parent.authorName}:</p>
          <blockquote>
            <p>{excerpt(item.parent.body)}</p>
          </blockquote>
        </div>
      )}
      <CommentBody text={item.body} />
      <dl class="mod-facts">
        {item.holdReasons.length > 0 && (
          <>
            <dt>Held because</dt>
            <dd>{item.holdReasons.join(', ')}</dd>
          </>
        )}
        <dt>Spam score</dt>
        <dd>{scoreLine(item)}</dd>
        {item.reports.length > 0 && (
          <>
            <dt>{plural(item.reports.length, 'open report', 'open reports')}</dt>
            <dd>
              <ul class="mod-reports">
                {item.reports.map((r, i) => (
                  <li key={i}>
                    {REPORT_LABELS[r.reason] ?? r.reason}
                    {r.note && <>: “{r.note}”</>} (<Time iso={r.createdAt} ctx={ctx} />)
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <form method="post" action="/admin/comments/decide" class="mod-actions">
        <Csrf ctx={ctx} />
        <input type="hidden" name="ids" value={String(id)} />
        <input type="hidden" name="return" value={o.returnTo} />
        {showApprove && (
          <button type="submit" name="decision" value="approve" class="primary" data-shortcut="a" aria-label={`Approve comment by ${who}`}>
            Approve
          </button>
        )}
        {item.status !== 'rejected' && (
          <button type="submit" name="decision" value="reject" class="danger" data-shortcut="r" aria-label={`Reject comment by ${who}`}>
            Reject
          </button>
        )}
        {item.featured ? (
          <button type="submit" name="decision" value="unfeature" data-shortcut="f" aria-label={`Unfeature comment by ${who} (remove from Editor's picks)`}>
            Unfeature
          </button>
        ) : (
          <button type="submit" name="decision" value="feature" data-shortcut="f" aria-label={`Feature comment by ${who} as an Editor's pick`}>
            Feature (Editor's pick)
          </button>
        )}
      </form>
    </article>
  );
}

const BULK: ReadonlyArray<readonly [Decision, string]> = [
  ['approve', 'Approve selected'],
  ['reject', 'Reject selected'],
  ['feature', 'Feature selected'],
  ['unfeature', 'Unfeature selected'],
];

function BulkBar({ ctx, returnTo }: { ctx: AdminContext; returnTo: string }) {
  return (
    <form method="post" action="/admin/comments/decide" id="bulk-form" class="mod-bulk">
      <Csrf ctx={ctx} />
      <input type="hidden" name="return" value={returnTo} />
      <fieldset>
        <legend>With the selected comments</legend>
        <div class="mod-bulk-buttons">
          {BULK.map(([decision, label]) => (
            <button key={decision} type="submit" name="decision" value={decision} class={decision === 'reject' ? 'danger' : undefined}>
              {label}
            </button>
          ))}
        </div>
        <p class="hint">Tick the box beside each comment first.</p>
      </fieldset>
    </form>
  );
}

function ShortcutList() {
  return (
    <dl class="mod-shortcut-list">
      {SHORTCUTS.map(([key, what]) => (
        <div key={key}>
          <dt>
            <kbd>{key}</kbd>
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The shortcuts need the script: it reveals the list and the dialog only once it runs. */
function Shortcuts({ level }: { level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <section class="mod-shortcuts" id="mod-shortcuts" aria-labelledby="mod-shortcuts-title" hidden>
        <Heading id="mod-shortcuts-title">Keyboard shortcuts</Heading>
        <p class="hint">Keys act on the highlighted comment; they do nothing while you type in a field.</p>
        <ShortcutList />
      </section>
      <dialog id="mod-shortcuts-dialog" class="mod-dialog" aria-labelledby="mod-dialog-title">
        <h2 id="mod-dialog-title">Keyboard shortcuts</h2>
        <ShortcutList />
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}

function CommentList({ items, o }: { items: QueueItem[]; o: ItemOptions }) {
  return (
    <div class="mod-list" id="mod-list">
      {items.map((item) => (
        <CommentItem key={item.id} item={item} o={o} />
      ))}
    </div>
  );
}

const EMPTY: Record<Queue, string> = {
  pending: 'Nothing is waiting for a moderator. Well done: every held comment has been read.',
  reported: 'No reported comments. Readers have not flagged anything that is still open.',
  unmoderated: 'Every published comment has been looked at by a moderator.',
  approved: 'No approved comments yet.',
  rejected: 'No rejected comments.',
};

const queueUrl = (queue: Queue, page = 1) => `/admin/comments?queue=${queue}${page > 1 ? `&page=${page}` : ''}`;

export interface QueuePageProps {
  ctx: AdminContext;
  queue: Queue;
  page: number;
  counts: Record<'pending' | 'reported', number>;
  items: QueueItem[];
  hasMore: boolean;
  notice?: string | undefined;
  canEditStories: boolean;
  canManageSettings: boolean;
  script: AdminAsset | undefined;
}

export function QueuePage(p: QueuePageProps) {
  const { ctx, queue, page, counts, items } = p;
  const returnTo = queueUrl(queue, page);
  const label = (q: Queue) => (q === 'pending' || q === 'reported' ? `${QUEUE_NAMES[q]} (${counts[q]})` : QUEUE_NAMES[q]);
  return (
    <AdminLayout ctx={ctx} title={`Comments: ${QUEUE_NAMES[queue]}`}>
      <div class="page-head">
        <h1>Comments</h1>
      </div>
      <ModerationNav canManageSettings={p.canManageSettings} current="queues" />
      <nav aria-label="Queues" class="mod-tabs">
        <ul>
          {QUEUES.map((q) => (
            <li key={q}>
              <a href={queueUrl(q)} aria-current={q === queue ? 'page' : undefined}>
                {label(q)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Messages notice={p.notice} />
      {items.length > 0 && <Shortcuts level={2} />}
      <h2 id="queue-title">
        {QUEUE_NAMES[queue]} comments{page > 1 ? `, page ${page}` : ''}
      </h2>
      {queue === 'reported' && <p class="hint">Approving keeps a reported comment and closes its reports; rejecting takes it off the site.</p>}
      {queue === 'unmoderated' && <p class="hint">Published without a moderator: approve to mark them as read, or reject.</p>}
      {items.length === 0 ? (
        <p class="empty mod-empty">{page > 1 ? 'There is nothing on this page.' : EMPTY[queue]}</p>
      ) : (
        <>
          <BulkBar ctx={ctx} returnTo={returnTo} />
          <CommentList items={items} o={{ ctx, returnTo, queue, canEditStories: p.canEditStories }} />
        </>
      )}
      {(page > 1 || p.hasMore) && (
        <nav class="pagination" aria-label="Pagination">
          {page > 1 && <a href={queueUrl(queue, page - 1)}>Previous page</a>}
          <span>Page {page}</span>
          {p.hasMore && <a href={queueUrl(queue, page + 1)}>Next page</a>}
        </nav>
      )}
      {items.length > 0 && p.script && <script type="module" src={p.script.url} integrity={p.script.integrity} />}
    </AdminLayout>
  );
}

/** What a reader form shows after a refusal: the submitted values of that one form. */
export interface ReaderActionForm {
  action: string;
  days: string;
  note: string;
}

export interface ReaderPageProps {
  ctx: AdminContext;
  reader: Reader;
  comments: QueueItem[];
  log: LogEntry[];
  logHasMore: boolean;
  errors?: string[] | undefined;
  notice?: string | undefined;
  form?: ReaderActionForm | undefined;
  canEditStories: boolean;
  canManageSettings: boolean;
  script: AdminAsset | undefined;
}

function NoteField({ id, value }: { id: string; value: string }) {
  return (
    <div>
      <label for={id}>Note for the log (optional)</label>
      <input id={id} name="note" maxLength={500} value={value} />
    </div>
  );
}

export function ReaderPage(p: ReaderPageProps) {
  const { ctx, reader: r } = p;
  const until = suspendedUntil(r);
  const returnTo = `/admin/comments/readers/${r.id}`;
  const posted = (action: string) => (p.form?.action === action ? p.form : undefined);
  const name = r.displayName;
  return (
    <AdminLayout ctx={ctx} title={`Reader: ${name}`}>
      <div class="page-head">
        <h1>Reader: {name}</h1>
      </div>
      <ModerationNav canManageSettings={p.canManageSettings} current="reader" />
      <Messages errors={p.errors} notice={p.notice} />
      <section aria-labelledby="reader-title">
        <h2 id="reader-title">Account</h2>
        <dl class="mod-reader-facts">
          <dt>Display name</dt>
          <dd>{name}</dd>
          <dt>Email</dt>
          <dd>
            {r.email} ({r.verified ? 'verified' : 'not verified'})
          </dd>
          <dt>Joined</dt>
          <dd>
            <time datetime={r.createdAt}>{day(r.createdAt, ctx)}</time>
          </dd>
          <dt>Comments</dt>
          <dd>
            {r.approvedComments} approved, {r.rejectedComments} rejected
          </dd>
          <dt>Warnings</dt>
          <dd>{r.warnings}</dd>
          <dt>Status</dt>
          <dd>
            {r.banned ? (
              <span class="mod-badge mod-badge-danger">Banned</span>
            ) : until ? (
              <span class="mod-badge mod-badge-warn">
                Suspended until <Time iso={until} ctx={ctx} />
              </span>
            ) : (
              'In good standing'
            )}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        <div class="mod-reader-actions">
          <form method="post" action={`/admin/comments/readers/${r.id}/action`} class="mod-reader-form">
            <Csrf ctx={ctx} />
            <input type="hidden" name="action" value="warn" />
            <h3>Warn</h3>
            <p class="hint">Counts a warning against {name}. It does not stop them posting.</p>
            <NoteField id="warn-note" value={posted('warn')?.note ?? ''} />
            <button type="submit">Warn {name}</button>
          </form>
          <form method="post" action={`/admin/comments/readers/${r.id}/action`} class="mod-reader-form">
            <Csrf ctx={ctx} />
            <input type="hidden" name="action" value="suspend" />
            <h3>Suspend</h3>
            <p class="hint">No posting until the suspension ends.</p>
            <div>
              <label for="suspend-days">Days (1 to 365)</label>
              <input id="suspend-days" name="days" type="number" min={1} max={365} step={1} required value={posted('suspend')?.days ?? '7'} />
            </div>
            <NoteField id="suspend-note" value={posted('suspend')?.note ?? ''} />
            <button type="submit">Suspend {name}</button>
          </form>
          <form method="post" action={`/admin/comments/readers/${r.id}/action`} class="mod-reader-form">
            <Csrf ctx={ctx} />
            <input type="hidden" name="action" value="ban" />
            <h3>Ban</h3>
            <p class="hint">No posting ever again; signs them out on every device.</p>
            <NoteField id="ban-note" value={posted('ban')?.note ?? ''} />
            <button type="submit" class="danger" disabled={r.banned}>
              Ban {name}
            </button>
          </form>
          <form method="post" action={`/admin/comments/readers/${r.id}/action`} class="mod-reader-form">
            <Csrf ctx={ctx} />
            <input type="hidden" name="action" value="reinstate" />
            <h3>Reinstate</h3>
            <p class="hint">Lifts a ban or a suspension. Warnings stay on record.</p>
            <NoteField id="reinstate-note" value={posted('reinstate')?.note ?? ''} />
            <button type="submit" disabled={!r.banned && !until}>
              Reinstate {name}
            </button>
          </form>
        </div>
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">Recent comments</h2>
        {p.comments.length === 0 ? (
          <p class="empty">{name} has not written any comment yet.</p>
        ) : (
          <>
            <Shortcuts level={3} />
            <BulkBar ctx={ctx} returnTo={returnTo} />
            <CommentList items={p.comments} o={{ ctx, returnTo, queue: undefined, canEditStories: p.canEditStories }} />
          </>
        )}
      </section>
      <section aria-labelledby="reader-log-title">
        <h2 id="reader-log-title">Moderation log</h2>
        <LogTable ctx={ctx} entries={p.log} caption={`Decisions about ${name} and their comments, newest first${p.logHasMore ? ' (the latest 50)' : ''}`} readerNames={new Map([[r.id, name]])} />
      </section>
      {p.comments.length > 0 && p.script && <script type="module" src={p.script.url} integrity={p.script.integrity} />}
    </AdminLayout>
  );
}

const ACTION_NAMES: Record<string, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  feature: "Featured (Editor's pick)",
  unfeature: 'Unfeatured',
  warn: 'Warned',
  suspend: 'Suspended',
  ban: 'Banned',
  reinstate: 'Reinstated',
};

function LogTable({ ctx, entries, caption, readerNames }: { ctx: AdminContext; entries: LogEntry[]; caption: string; readerNames: ReadonlyMap<number, string> }) {
  if (entries.length === 0) return <p class="empty">Nothing has been logged yet.</p>;
  // Scrolls sideways on a narrow screen; focusable so the keyboard can scroll it too.
  return (
    <div class="mod-table-wrap" role="region" aria-label={caption} tabindex={0}>
      <table class="admin-table mod-log">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Comment</th>
            <th scope="col">Reader</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <Time iso={e.createdAt} ctx={ctx} />
              </td>
              <td>{e.userName}</td>
              <td>{ACTION_NAMES[e.action] ?? e.action}</td>
              <td>{e.commentId !== null ? <a href={`/comments/${e.commentId}`}>Comment {e.commentId}</a> : ''}</td>
              <td>{e.readerId !== null ? <a href={`/admin/comments/readers/${e.readerId}`}>{readerNames.get(e.readerId) ?? `Reader ${e.readerId}`}</a> : ''}</td>
              <td>{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LogPage({ ctx, entries, page, hasMore, readerNames, canManageSettings }: { ctx: AdminContext; entries: LogEntry[]; page: number; hasMore: boolean; readerNames: ReadonlyMap<number, string>; canManageSettings: boolean }) {
  const pageUrl = (n: number) => (n > 1 ? `/admin/comments/log?page=${n}` : '/admin/comments/log');
  return (
    <AdminLayout ctx={ctx} title="Moderation log">
      <div class="page-head">
        <h1>Moderation log</h1>
      </div>
      <ModerationNav canManageSettings={canManageSettings} current="log" />
      <LogTable ctx={ctx} entries={entries} caption={`Every decision on comments and readers, newest first${page > 1 ? ` (page ${page})` : ''}`} readerNames={readerNames} />
      {(page > 1 || hasMore) && (
        <nav class="pagination" aria-label="Pagination">
          {page > 1 && <a href={pageUrl(page - 1)}>Newer entries</a>}
          <span>Page {page}</span>
          {hasMore && <a href={pageUrl(page + 1)}>Older entries</a>}
        </nav>
      )}
    </AdminLayout>
  );
}

/** The settings form as typed: numbers stay text so a refused value is shown as it was entered. */
export interface SettingsForm {
  premoderateAll: boolean;
  premoderateFirstComments: string;
  linksNeedApproval: boolean;
  autoCloseAfterDays: string;
  minLength: string;
  maxLength: string;
  guestComments: boolean;
  deletedAccountComments: string;
  bannedWords: string;
  suspectWords: string;
  ratePerMinute: string;
  ratePerHour: string;
  editWindowMinutes: string;
}

export type SettingsNumberField = 'premoderateFirstComments' | 'autoCloseAfterDays' | 'minLength' | 'maxLength' | 'ratePerMinute' | 'ratePerHour' | 'editWindowMinutes';

/** Every settings field's label: the form uses them, and so do the error messages. */
export const SETTINGS_LABELS: Record<keyof SettingsForm, string> = {
  premoderateAll: 'Hold every comment for a moderator',
  premoderateFirstComments: "Hold a reader's first comments (how many)",
  linksNeedApproval: 'Hold comments with links',
  autoCloseAfterDays: 'Close comments this many days after publication (0: never)',
  minLength: 'Minimum length (characters)',
  maxLength: 'Maximum length (characters)',
  guestComments: 'Allow comments without an account (always held)',
  deletedAccountComments: "A deleted account's comments",
  bannedWords: 'Banned words (one a line)',
  suspectWords: 'Suspect words (one a line)',
  ratePerMinute: 'Comments per minute',
  ratePerHour: 'Comments per hour',
  editWindowMinutes: 'Edit window (minutes)',
};

const NUMBER_LIMITS: Record<SettingsNumberField, readonly [number, number]> = {
  premoderateFirstComments: [0, 50],
  autoCloseAfterDays: [0, 3650],
  minLength: [1, 200],
  maxLength: [50, COMMENT_LIMITS.maxLength],
  ratePerMinute: [1, 100],
  ratePerHour: [1, 1000],
  editWindowMinutes: [0, 1440],
};

function NumberField({ name, form }: { name: SettingsNumberField; form: SettingsForm }) {
  const [min, max] = NUMBER_LIMITS[name];
  return (
    <div>
      <label for={`s-${name}`}>{SETTINGS_LABELS[name]}</label>
      <input id={`s-${name}`} name={name} type="number" step={1} min={min} max={max} required value={form[name]} />
    </div>
  );
}

function Checkbox({ name, form, hint }: { name: 'premoderateAll' | 'linksNeedApproval' | 'guestComments'; form: SettingsForm; hint?: string }) {
  return (
    <div class="checkbox">
      <input id={`s-${name}`} name={name} type="checkbox" value="1" checked={form[name]} aria-describedby={hint ? `s-${name}-hint` : undefined} />
      <label for={`s-${name}`}>{SETTINGS_LABELS[name]}</label>
      {hint && (
        <span class="hint" id={`s-${name}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

export function SettingsPage({ ctx, form, errors, notice }: { ctx: AdminContext; form: SettingsForm; errors?: string[] | undefined; notice?: string | undefined }) {
  return (
    <AdminLayout ctx={ctx} title="Comment settings">
      <div class="page-head">
        <h1>Comment settings</h1>
      </div>
      <ModerationNav canManageSettings current="settings" />
      <Messages errors={errors} notice={notice} />
      <form method="post" action="/admin/comments/settings" class="mod-settings">
        <Csrf ctx={ctx} />
        <fieldset>
          <legend>
            <h2>Moderation</h2>
          </legend>
          <Checkbox name="premoderateAll" form={form} />
          <Checkbox name="linksNeedApproval" form={form} />
          <div class="field-grid">
            <NumberField name="premoderateFirstComments" form={form} />
            <NumberField name="autoCloseAfterDays" form={form} />
          </div>
        </fieldset>
        <fieldset>
          <legend>
            <h2>Length, pace and editing</h2>
          </legend>
          <div class="field-grid">
            <NumberField name="minLength" form={form} />
            <NumberField name="maxLength" form={form} />
            <NumberField name="ratePerMinute" form={form} />
            <NumberField name="ratePerHour" form={form} />
            <NumberField name="editWindowMinutes" form={form} />
          </div>
        </fieldset>
        <fieldset>
          <legend>
            <h2>Who may comment</h2>
          </legend>
          <Checkbox name="guestComments" form={form} hint="Guests give a name and an email address; their comments always wait for a moderator." />
          <fieldset class="mod-radios">
            <legend>{SETTINGS_LABELS.deletedAccountComments}</legend>
            <div class="checkbox">
              <input id="s-deleted-anonymise" type="radio" name="deletedAccountComments" value="anonymise" checked={form.deletedAccountComments !== 'remove'} />
              <label for="s-deleted-anonymise">Stay on the site as “deleted user”</label>
            </div>
            <div class="checkbox">
              <input id="s-deleted-remove" type="radio" name="deletedAccountComments" value="remove" checked={form.deletedAccountComments === 'remove'} />
              <label for="s-deleted-remove">Are removed from the site</label>
            </div>
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>
            <h2>Word lists</h2>
          </legend>
          <div class="field-grid">
            <div>
              <label for="s-bannedWords">{SETTINGS_LABELS.bannedWords}</label>
              <textarea id="s-bannedWords" name="bannedWords" rows={8} aria-describedby="s-bannedWords-hint">
                {form.bannedWords}
              </textarea>
              <p class="hint" id="s-bannedWords-hint">
                A comment with one of these is refused and the reader asked to rephrase it. Added to the built-in list of English slurs and obscenities.
              </p>
            </div>
            <div>
              <label for="s-suspectWords">{SETTINGS_LABELS.suspectWords}</label>
              <textarea id="s-suspectWords" name="suspectWords" rows={8} aria-describedby="s-suspectWords-hint">
                {form.suspectWords}
              </textarea>
              <p class="hint" id="s-suspectWords-hint">
                A comment with one of these waits for a moderator.
              </p>
            </div>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">
            Save settings
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}
