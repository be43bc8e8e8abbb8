/**
 * Comment moderation under /admin/comments: the queues, decisions (one comment or many, the
 * same path for a click, a keyboard shortcut and a bulk action), a reader's page with
 * warnings, suspensions and bans, the moderation log, and the site's comment settings.
 *
 * Every route checks its policy on the server before anything else runs (a route-level
 * onRequest hook, after the newsroom's session hook): moderateComments for the moderation
 * screens, manageCommentSettings for the settings.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommentSettings } from '../../core/comments/settings.js';
import { ForbiddenError, policies } from '../../core/policies.js';
import type { StaffUser } from '../../core/staff.js';
import type { Decision, Queue, QueueItem, ReaderAction } from '../../services/moderation.js';
import { DECISIONS, QUEUES } from '../../services/moderation.js';
import { NotFoundError, ValidationError } from '../../services/publishing.js';
import type { AdminDeps } from '../context.js';
import { adminContext, field, fields, sendAdminPage } from '../context.js';
import type { ReaderActionForm, SettingsForm, SettingsNumberField } from '../views/ModerationViews.js';
import { LogPage, QueuePage, ReaderPage, SETTINGS_LABELS, SettingsPage } from '../views/ModerationViews.js';

type IdParams = { Params: { id: string } };
type Policy = 'moderateComments' | 'manageCommentSettings';

/** At most this many comments in one bulk decision (a queue page shows 25). */
const MAX_BULK = 100;
/** A reader's page shows this many of their latest comments. */
const READER_COMMENTS = 50;

const isDecision = (v: string): v is Decision => (DECISIONS as readonly string[]).includes(v);
const isQueue = (v: string): v is Queue => (QUEUES as readonly string[]).includes(v);

/** A 400 the newsroom error handler shows as "The request was not understood: ...". */
const badRequest = (message: string) => Object.assign(new Error(message), { statusCode: 400 });

const noticeSchema = {
  done: { type: 'string', maxLength: 20 },
  n: { type: 'integer', minimum: 0, maximum: 10_000 },
  notice: { type: 'string', maxLength: 20 },
} as const;
const queueQuerySchema = {
  type: 'object',
  properties: { queue: { type: 'string', enum: [...QUEUES] }, page: { type: 'integer', minimum: 1, maximum: 100_000 }, ...noticeSchema },
} as const;
const pageQuerySchema = { type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: 100_000 } } } as const;
const noticeQuerySchema = { type: 'object', properties: noticeSchema } as const;

interface NoticeQuery {
  done?: string;
  n?: number;
  notice?: string;
}

const DONE: Record<Decision, string> = {
  approve: 'approved',
  reject: 'rejected',
  feature: "featured as Editor's picks",
  unfeature: "taken out of Editor's picks",
};

/** Notices after a redirect, made from keys and a count: the query string carries no text. */
function decisionNotice(q: NoticeQuery): string | undefined {
  if (q.done === 'none') return 'Nothing was changed: select at least one comment first.';
  if (q.done === undefined || !isDecision(q.done)) return undefined;
  const n = q.n ?? 0;
  if (n === 0) return 'Nothing was changed: those comments already had that decision.';
  return `${n} ${n === 1 ? 'comment' : 'comments'} ${DONE[q.done]}.`;
}

const READER_NOTICES: Record<string, string> = {
  warn: 'Warning recorded.',
  suspend: 'Suspended: they cannot comment until the suspension ends.',
  ban: 'Banned: they cannot comment any more, and their sessions have ended.',
  reinstate: 'Reinstated: they can comment again.',
};

/**
 * Where a decision goes back to: a queue page or a reader's page of this newsroom, rebuilt
 * from its parts, so the form's return field can never send anyone elsewhere.
 */
export function safeReturn(value: string): string {
  const base = 'http://newsroom.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/admin/comments';
  }
  if (url.origin !== base) return '/admin/comments';
  const reader = /^\/admin\/comments\/readers\/(\d{1,9})$/.exec(url.pathname);
  if (reader) return `/admin/comments/readers/${reader[1]}`;
  const out = new URLSearchParams();
  const queue = url.searchParams.get('queue') ?? '';
  if (isQueue(queue)) out.set('queue', queue);
  const page = url.searchParams.get('page') ?? '';
  if (/^\d{1,5}$/.test(page) && Number(page) > 1) out.set('page', String(Number(page)));
  const query = out.toString();
  return `/admin/comments${query ? `?${query}` : ''}`;
}

const withParams = (url: string, params: Record<string, string>) => {
  const [path, query] = url.split('?');
  const search = new URLSearchParams(query ?? '');
  for (const [k, v] of Object.entries(params)) search.set(k, v);
  return `${path ?? ''}?${search.toString()}`;
};

const idOf = (req: FastifyRequest<IdParams>): number => {
  const id = /^\d{1,9}$/.test(req.params.id) ? Number(req.params.id) : 0;
  if (id <= 0) throw new NotFoundError('no such reader');
  return id;
};

// ---- Settings form ---------------------------------------------------------------------

const NUMBER_FIELDS: readonly SettingsNumberField[] = ['premoderateFirstComments', 'autoCloseAfterDays', 'minLength', 'maxLength', 'ratePerMinute', 'ratePerHour', 'editWindowMinutes'];

const toForm = (s: CommentSettings): SettingsForm => ({
  premoderateAll: s.premoderateAll,
  premoderateFirstComments: String(s.premoderateFirstComments),
  linksNeedApproval: s.linksNeedApproval,
  autoCloseAfterDays: String(s.autoCloseAfterDays),
  minLength: String(s.minLength),
  maxLength: String(s.maxLength),
  guestComments: s.guestComments,
  deletedAccountComments: s.deletedAccountComments,
  bannedWords: s.bannedWords.join('\n'),
  suspectWords: s.suspectWords.join('\n'),
  ratePerMinute: String(s.ratePerMinute),
  ratePerHour: String(s.ratePerHour),
  editWindowMinutes: String(s.editWindowMinutes),
});

function readSettingsForm(body: unknown): SettingsForm {
  const on = (name: string) => field(body, name) !== '';
  return {
    premoderateAll: on('premoderateAll'),
    premoderateFirstComments: field(body, 'premoderateFirstComments').slice(0, 20),
    linksNeedApproval: on('linksNeedApproval'),
    autoCloseAfterDays: field(body, 'autoCloseAfterDays').slice(0, 20),
    minLength: field(body, 'minLength').slice(0, 20),
    maxLength: field(body, 'maxLength').slice(0, 20),
    guestComments: on('guestComments'),
    deletedAccountComments: field(body, 'deletedAccountComments').slice(0, 20),
    bannedWords: field(body, 'bannedWords').slice(0, 40_000),
    suspectWords: field(body, 'suspectWords').slice(0, 40_000),
    ratePerMinute: field(body, 'ratePerMinute').slice(0, 20),
    ratePerHour: field(body, 'ratePerHour').slice(0, 20),
    editWindowMinutes: field(body, 'editWindowMinutes').slice(0, 20),
  };
}

const wordList = (text: string) => text.split(/\r?\n/).map((w) => w.trim()).filter(Boolean);

/** The typed form as the service's input, or the messages for fields that are not numbers at all. */
function settingsInput(form: SettingsForm): { input: Record<string, unknown>; errors: string[] } {
  const errors: string[] = [];
  const input: Record<string, unknown> = {
    premoderateAll: form.premoderateAll,
    linksNeedApproval: form.linksNeedApproval,
    guestComments: form.guestComments,
    deletedAccountComments: form.deletedAccountComments,
    bannedWords: wordList(form.bannedWords),
    suspectWords: wordList(form.suspectWords),
  };
  for (const name of NUMBER_FIELDS) {
    const raw = form[name].trim();
    if (!/^-?\d{1,9}$/.test(raw)) errors.push(`${SETTINGS_LABELS[name]}: enter a whole number.`);
    else input[name] = Number(raw);
  }
  return { input, errors };
}

/** "minLength: Too small..." reads "Minimum length (characters): Too small..."; a list entry names the word. */
function labelled(messages: readonly string[], input: Record<string, unknown>): string[] {
  return messages.map((m) => {
    const match = /^([A-Za-z]+)(?:\.(\d+))?: (.*)$/s.exec(m);
    if (!match) return m;
    const [, key = '', index, rest = ''] = match;
    if (!(key in SETTINGS_LABELS)) return m;
    const label = SETTINGS_LABELS[key as keyof SettingsForm];
    const list = input[key];
    const word = index !== undefined && Array.isArray(list) ? (list[Number(index)] as unknown) : undefined;
    return typeof word === 'string' ? `${label}, “${word}”: ${rest}` : `${label}: ${rest}`;
  });
}

export function registerModerationRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { moderation, comments } = deps;

  const staff = (req: FastifyRequest): StaffUser => {
    if (!req.staff) throw new ForbiddenError('moderateComments');
    return req.staff.user;
  };
  /** The signed-in user, if the policy allows them; a 403 otherwise. */
  const allowed = (req: FastifyRequest, policy: Policy): StaffUser => {
    const user = staff(req);
    if (!policies[policy](user)) throw new ForbiddenError(policy);
    return user;
  };
  // Runs after the newsroom's session hook and before the body is parsed or validated.
  const only = (policy: Policy) => ({
    onRequest: (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
      try {
        allowed(req, policy);
      } catch (err) {
        return done(err as Error);
      }
      done();
    },
  });

  const script = () => ({ url: deps.assets.url('moderation.js'), integrity: deps.assets.integrity('moderation.js') });
  /** Editors may open the story behind a comment in the editor; moderators write nothing. */
  const canEditStories = (u: StaffUser) => policies.editArticle(u, { status: 'published', createdBy: null, authorIds: [] });

  // ---- Queues and decisions ------------------------------------------------------------

  app.get<{ Querystring: { queue?: Queue; page?: number } & NoticeQuery }>('/admin/comments', { ...only('moderateComments'), schema: { querystring: queueQuerySchema } }, async (req, reply) => {
    const user = allowed(req, 'moderateComments');
    const queue = req.query.queue ?? 'pending';
    const page = req.query.page ?? 1;
    const [counts, list] = await Promise.all([moderation.counts(), moderation.queue(queue, page)]);
    return sendAdminPage(
      reply,
      <QueuePage
        ctx={adminContext(deps, req, reply)}
        queue={queue}
        page={page}
        counts={counts}
        items={list.items}
        hasMore={list.hasMore}
        notice={decisionNotice(req.query)}
        canEditStories={canEditStories(user)}
        canManageSettings={policies.manageCommentSettings(user)}
        script={script()}
      />,
    );
  });

  app.post('/admin/comments/decide', only('moderateComments'), async (req, reply) => {
    const user = allowed(req, 'moderateComments');
    const decision = field(req.body, 'decision');
    if (!isDecision(decision)) throw badRequest(`decision: choose one of ${DECISIONS.join(', ')}`);
    const raw = fields(req.body, 'ids');
    if (raw.length > MAX_BULK) throw badRequest(`ids: at most ${MAX_BULK} comments at once`);
    if (raw.some((v) => !/^\d{1,9}$/.test(v) || Number(v) <= 0)) throw badRequest('ids: comment numbers only');
    const ids = [...new Set(raw.map(Number))];
    const back = safeReturn(field(req.body, 'return'));
    if (ids.length === 0) return reply.redirect(withParams(back, { done: 'none' }), 303);
    const changed = await moderation.decide(ids, decision, user);
    return reply.redirect(withParams(back, { done: decision, n: String(changed) }), 303);
  });

  // ---- A reader ------------------------------------------------------------------------

  async function readerPage(req: FastifyRequest, reply: FastifyReply, id: number, status = 200, errors?: string[], form?: ReaderActionForm) {
    const user = allowed(req, 'moderateComments');
    const reader = await moderation.reader(id);
    if (!reader) throw new NotFoundError('no such reader');
    const filter = { readerId: id };
    const [pending, approved, rejected, log] = await Promise.all([
      moderation.queue('pending', 1, filter),
      moderation.queue('approved', 1, filter),
      moderation.queue('rejected', 1, filter),
      moderation.logEntries(1, filter),
    ]);
    const items: QueueItem[] = [...pending.items, ...approved.items, ...rejected.items].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id)).slice(0, READER_COMMENTS);
    const q = req.query as NoticeQuery;
    const notice = status === 200 ? (READER_NOTICES[q.notice ?? ''] ?? decisionNotice(q)) : undefined;
    return sendAdminPage(
      reply,
      <ReaderPage
        ctx={adminContext(deps, req, reply)}
        reader={reader}
        comments={items}
        log={log.entries}
        logHasMore={log.hasMore}
        errors={errors}
        notice={notice}
        form={form}
        canEditStories={canEditStories(user)}
        canManageSettings={policies.manageCommentSettings(user)}
        script={script()}
      />,
      status,
    );
  }

  app.get<IdParams & { Querystring: NoticeQuery }>('/admin/comments/readers/:id', { ...only('moderateComments'), schema: { querystring: noticeQuerySchema } }, (req, reply) => readerPage(req, reply, idOf(req)));

  app.post<IdParams>('/admin/comments/readers/:id/action', only('moderateComments'), async (req, reply) => {
    const user = allowed(req, 'moderateComments');
    const id = idOf(req);
    const form: ReaderActionForm = { action: field(req.body, 'action').slice(0, 20), days: field(req.body, 'days').slice(0, 20), note: field(req.body, 'note').slice(0, 2000) };
    let input: ReaderAction;
    if (form.action === 'suspend') {
      if (!/^\d{1,9}$/.test(form.days.trim())) return readerPage(req, reply, id, 400, ['Days: enter a whole number from 1 to 365.'], form);
      input = { action: 'suspend', days: Number(form.days.trim()), note: form.note };
    } else {
      // Anything else is checked by the service, which names what it does not know.
      input = { action: form.action, note: form.note } as ReaderAction;
    }
    try {
      await moderation.actOnReader(id, input, user);
    } catch (err) {
      if (err instanceof ValidationError) {
        const messages = err.issues.map((m) => m.replace(/^days: /, 'Days: ').replace(/^note: /, 'Note: ').replace(/^action: /, 'Action: '));
        return readerPage(req, reply, id, 400, messages, form);
      }
      throw err;
    }
    return reply.redirect(`/admin/comments/readers/${id}?notice=${form.action}`, 303);
  });

  // ---- The log -------------------------------------------------------------------------

  app.get<{ Querystring: { page?: number } }>('/admin/comments/log', { ...only('moderateComments'), schema: { querystring: pageQuerySchema } }, async (req, reply) => {
    const user = allowed(req, 'moderateComments');
    const page = req.query.page ?? 1;
    const { entries, hasMore } = await moderation.logEntries(page);
    // Names for the readers on this page (at most 50, usually a handful).
    const readerIds = [...new Set(entries.map((e) => e.readerId).filter((id): id is number => id !== null))];
    const readers = await Promise.all(readerIds.map((id) => moderation.reader(id)));
    const readerNames = new Map(readers.flatMap((r) => (r ? [[r.id, r.displayName] as const] : [])));
    return sendAdminPage(reply, <LogPage ctx={adminContext(deps, req, reply)} entries={entries} page={page} hasMore={hasMore} readerNames={readerNames} canManageSettings={policies.manageCommentSettings(user)} />);
  });

  // ---- Settings ------------------------------------------------------------------------

  app.get<{ Querystring: { notice?: string } }>('/admin/comments/settings', { ...only('manageCommentSettings'), schema: { querystring: noticeQuerySchema } }, async (req, reply) => {
    allowed(req, 'manageCommentSettings');
    const settings = await comments.settings();
    return sendAdminPage(reply, <SettingsPage ctx={adminContext(deps, req, reply)} form={toForm(settings)} notice={req.query.notice === 'saved' ? 'Saved.' : undefined} />);
  });

  app.post('/admin/comments/settings', only('manageCommentSettings'), async (req, reply) => {
    allowed(req, 'manageCommentSettings');
    const form = readSettingsForm(req.body);
    const { input, errors } = settingsInput(form);
    const refused = (messages: string[]) => sendAdminPage(reply, <SettingsPage ctx={adminContext(deps, req, reply)} form={form} errors={messages} />, 400);
    if (errors.length) return refused(errors);
    try {
      await comments.saveSettings(input);
    } catch (err) {
      if (err instanceof ValidationError) return refused(labelled(err.issues, input));
      throw err;
    }
    return reply.redirect('/admin/comments/settings?notice=saved', 303);
  });
}
