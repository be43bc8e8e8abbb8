/**
 * The comments block: count, Editor's picks, the thread (threaded replies), sort links,
 * "more comments", and the posting form. Everything works as plain links and form posts;
 * the comments island (client/comments) enhances the same markup with live updates.
 * The article page renders it viewer-independent (the page is cached and shared); the
 * comments page (/articles/:id/comments) adds what only this viewer sees.
 */
import type { ComponentChild } from 'preact';
import { ISLAND_KEYS } from '../../../../client/comments/messages.js';
import type { IslandMessages } from '../../../../client/comments/messages.js';
import { COMMENT_SORTS } from '../../../core/comments/settings.js';
import type { CommentSort } from '../../../core/comments/settings.js';
import type { CommentThread, CommentView } from '../../../services/comments.js';
import { formatDateTime, formatNumber } from '../../format.js';
import type { FormError } from '../../i18n/problems.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import { MESSAGES } from '../../i18n/translate.js';
import { CommentBody } from '../components/CommentBody.js';
import { FormErrors, invalid } from '../components/FormErrors.js';
import type { PageContext } from '../context.js';

const SORT_KEYS: Record<CommentSort, MessageKey> = { newest: 'comments.sort.newest', oldest: 'comments.sort.oldest', replies: 'comments.sort.replies', liked: 'comments.sort.liked' };

/** "0 Comments", "1 Comment", "1,234 Comments" in the edition's words and digits. */
export const countText = (t: Translate, n: number) => t('comments.count', { count: n });

/** Words a screen reader hears with a control ("Reply<hidden> to Ana</hidden>"). */
const hidden = (chunks: ComponentChild[]) => <span class="visually-hidden">{chunks}</span>;

/** Per translator: the same JSON for every story page of a language. */
const islandMessagesOf = new WeakMap<Translate, string>();

/**
 * The island's words (client/comments/messages.ts): the ICU sources of ISLAND_KEYS in the
 * page's language, for `data-messages`. The island formats them itself, with this locale.
 */
export function islandMessages(t: Translate): string {
  let json = islandMessagesOf.get(t);
  if (json === undefined) {
    json = buildIslandMessages(t);
    islandMessagesOf.set(t, json);
  }
  return json;
}

function buildIslandMessages(t: Translate): string {
  const own = MESSAGES[t.language];
  const keys: readonly MessageKey[] = ISLAND_KEYS;
  const messages = Object.fromEntries(keys.map((key) => [key, own[key] ?? MESSAGES.en[key] ?? ''])) as IslandMessages['messages'];
  const data: IslandMessages = { locale: t.locale, messages };
  return JSON.stringify(data);
}

export interface CommentsViewer {
  name: string;
  kind: 'reader' | 'staff';
  /** Comments of this viewer waiting for a moderator: shown to them only. */
  pending: CommentView[];
  /** This reader's own comments (id -> editable until) and followed threads. */
  actions?: ItemActions;
}

/** Per-reader controls on comments: edit and delete one's own, follow a thread. */
export interface ItemActions {
  own: ReadonlyMap<number, string>;
  following: ReadonlySet<number>;
  now: string;
}

function OwnerActions({ t, c, actions }: { t: Translate; c: CommentView; actions: ItemActions }) {
  const editableUntil = actions.own.get(c.id);
  const following = actions.following.has(c.id);
  return (
    <>
      {editableUntil !== undefined && editableUntil > actions.now && (
        <a class="comment-edit comment-owner" href={`/comments/${c.id}/edit`}>
          {t.rich('comments.edit', { hidden })}
        </a>
      )}
      {editableUntil !== undefined && (
        <form method="post" action={`/comments/${c.id}/delete`} class="comment-delete-form comment-owner">
          <button type="submit" class="comment-delete">
            {t.rich('comments.delete', { hidden })}
          </button>
        </form>
      )}
      {c.depth === 0 && (
        <form method="post" action={`/comments/${c.id}/follow`} class="comment-follow-form comment-owner">
          <input type="hidden" name="follow" value={following ? '0' : '1'} />
          <button type="submit" class="comment-follow" aria-pressed={following ? 'true' : 'false'}>
            {t.rich(following ? 'comments.following' : 'comments.follow', { author: c.authorName, hidden })}
          </button>
        </form>
      )}
    </>
  );
}

/** `idPrefix`: a second copy of a comment on the page (Editor's picks) needs ids of its own. */
export function CommentItem({ c, ctx, own = false, idPrefix = 'comment', actions }: { c: CommentView; ctx: Pick<PageContext, 'dates' | 't'>; own?: boolean; idPrefix?: string; actions?: ItemActions | undefined }) {
  const { t } = ctx;
  const threadsUrl = `/articles/${c.articleId}/comments`;
  const id = `${idPrefix}-${c.id}`;
  return (
    <li id={id} class="comment-item" data-comment-id={c.id} data-root={c.rootId} data-depth={c.depth}>
      <article class={`comment${c.staff ? ' comment-staff' : ''}${c.featured ? ' comment-featured' : ''}`} aria-labelledby={`${id}-author`}>
        <header class="comment-header">
          <span class="comment-author" id={`${id}-author`}>
            {c.authorName}
          </span>
          {c.staff && <span class="badge badge-staff">{t('comments.staff')}</span>}
          {c.featured && <span class="badge badge-pick">{t('comments.pick')}</span>}
          {c.replyingTo && <span class="comment-replying">{t('comments.replyingTo', { author: c.replyingTo })}</span>}
          <a class="comment-time" href={`/comments/${c.id}`}>
            <time datetime={c.createdAt}>{formatDateTime(c.createdAt, ctx.dates)}</time>
          </a>
          {c.editedAt && <span class="comment-edited">{t('comments.edited')}</span>}
          {own && c.status === 'pending' && <span class="badge badge-pending">{t('comments.awaiting')}</span>}
        </header>
        <CommentBody text={c.body} />
        {c.status === 'approved' && (
          <footer class="comment-actions">
            <a class="comment-reply" href={`${threadsUrl}?reply=${c.id}#comment-form`} data-reply={c.id}>
              {t.rich('comments.reply', { author: c.authorName, hidden })}
            </a>
            <form method="post" action={`/comments/${c.id}/like`} class="comment-like-form">
              <button type="submit" class="comment-like" data-like={c.id} aria-pressed="false">
                {t.rich('comments.like', { author: c.authorName, hidden })} <span class="like-count">{formatNumber(c.likeCount, ctx.dates)}</span>
              </button>
            </form>
            <a class="comment-report" href={`/comments/${c.id}/report`} data-report={c.id}>
              {t.rich('comments.report', { author: c.authorName, hidden })}
            </a>
            {actions && <OwnerActions t={t} c={c} actions={actions} />}
          </footer>
        )}
        {c.status === 'pending' && actions?.own.has(c.id) && (
          <footer class="comment-actions">
            <OwnerActions t={t} c={c} actions={actions} />
          </footer>
        )}
      </article>
      {c.replies.length > 0 || c.moreReplies > 0 ? (
        <ol class="comment-replies" aria-label={t('comments.repliesTo', { author: c.authorName })}>
          {c.replies.map((r) => (
            <CommentItem key={r.id} c={r} ctx={ctx} actions={actions} />
          ))}
        </ol>
      ) : null}
      {c.moreReplies > 0 && (
        <p class="comment-more-replies">
          <a href={`${threadsUrl}/replies/${c.id}?skip=${c.replies.length}`} data-more-replies={c.id} data-skip={c.replies.length}>
            {t('comments.moreReplies', { count: c.moreReplies })}
          </a>
        </p>
      )}
    </li>
  );
}

/** `url` puts a path in the page's edition: its account pages speak its language. */
/** What a guest typed, shown again when the post is refused: nothing they wrote is lost. */
export interface GuestValues {
  name: string;
  email: string;
}

/** The comment form's fields, for the lines of what to correct that are about them. */
const COMMENT_INPUTS = { name: 'guest-name', email: 'guest-email', body: 'comment-body' };

export function CommentForm(props: { t: Translate; url: (path: string) => string; articleId: number; parent?: CommentView | undefined; guests: boolean; viewer?: CommentsViewer | undefined; body?: string; guest?: GuestValues | undefined; errors?: FormError[]; returnTo: string; signInInline?: boolean }) {
  const { t, url, articleId, parent, guests, viewer } = props;
  const signIn = `${url('/account/signin')}?next=${encodeURIComponent(props.returnTo)}`;
  const signUp = `${url('/account/signup')}?next=${encodeURIComponent(props.returnTo)}`;
  return (
    <form id="comment-form" class="comment-form" method="post" action={`/articles/${articleId}/comments`} data-comment-form>
      <h3 class="comment-form-title">{parent ? t('comments.replyTo', { author: parent.authorName }) : t('comments.formTitle')}</h3>
      <FormErrors errors={props.errors} inputs={COMMENT_INPUTS} />
      {parent && <input type="hidden" name="parentId" value={String(parent.id)} />}
      {viewer ? (
        <p class="comment-as">
          {t.rich('comments.commentingAs', { name: viewer.name, strong: (chunks) => <strong>{chunks}</strong> })}
          {viewer.kind === 'staff' && <span class="badge badge-staff">{t('comments.staff')}</span>}
        </p>
      ) : (
        <p class="comment-as" data-signed-out>
          {t.rich(guests ? 'comments.signInGuests' : 'comments.signInMembers', { signin: (chunks) => <a href={signIn}>{chunks}</a>, signup: (chunks) => <a href={signUp}>{chunks}</a> })}
        </p>
      )}
      {props.signInInline && !viewer && (
        <fieldset class="comment-signin">
          <legend>{t('comments.signInToPost')}</legend>
          <p>
            <label for="signin-email">{t('account.email')}</label>
            <input id="signin-email" name="email" type="email" autocomplete="email" required maxLength={254} />
          </p>
          <p>
            <label for="signin-password">{t('account.password')}</label>
            <input id="signin-password" name="password" type="password" autocomplete="current-password" required maxLength={200} />
          </p>
          <p class="form-help">{t.rich('comments.noPassword', { link: (chunks) => <a href={url('/account/signin')}>{chunks}</a> })}</p>
        </fieldset>
      )}
      {guests && !viewer && !props.signInInline && (
        <div class="comment-guest" data-guest-fields>
          <p>
            <label for="guest-name">{t('comments.guestName')}</label>
            <input id="guest-name" name="guestName" autocomplete="name" maxLength={40} value={props.guest?.name ?? ''} aria-invalid={invalid(props.errors, 'name')} />
          </p>
          <p>
            <label for="guest-email">{t('comments.guestEmail')}</label>
            <input id="guest-email" name="guestEmail" type="email" autocomplete="email" maxLength={254} value={props.guest?.email ?? ''} aria-invalid={invalid(props.errors, 'email')} />
          </p>
        </div>
      )}
      <p>
        <label for="comment-body">{parent ? t('comments.yourReply') : t('comments.yourComment')}</label>
        <textarea id="comment-body" name="body" rows={5} required minLength={2} maxLength={5000} aria-describedby="comment-format-help" aria-invalid={invalid(props.errors, 'body')}>
          {props.body ?? ''}
        </textarea>
      </p>
      <p id="comment-format-help" class="form-help">
        {t('comments.formatHelp')}
      </p>
      <p>
        <button type="submit" class="button">
          {parent ? t('comments.postReply') : t('comments.post')}
        </button>
      </p>
    </form>
  );
}

export interface CommentsSectionProps {
  ctx: PageContext;
  thread: CommentThread;
  /** The article's public URL (sort links and "back to story"). */
  articleUrl: string;
  guests: boolean;
  /** On the comments page: where the links point and what this viewer sees. */
  page?: { viewer?: CommentsViewer | undefined; replyTo?: CommentView | undefined; body?: string; guest?: GuestValues | undefined; errors?: FormError[]; notice?: string | undefined; signInInline?: boolean };
}

export function CommentsSection({ ctx, thread, guests, page }: CommentsSectionProps) {
  const { t } = ctx;
  const { count, articleId } = thread;
  const base = `/articles/${articleId}/comments`;
  const returnTo = page?.replyTo ? `${base}?reply=${page.replyTo.id}` : base;
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title" data-comments data-article={articleId} data-sort={thread.sort} data-page={thread.page} data-open={thread.open ? '1' : '0'} data-messages={islandMessages(t)}>
      <h2 id="comments-title">{t('comments.title')}</h2>
      <p class="comments-count" aria-live="polite">
        <span data-comment-count>{countText(t, count)}</span>
      </p>
      {page?.notice && (
        <p class="comments-notice" role="status">
          {page.notice}
        </p>
      )}
      {thread.featured.length > 0 && (
        <section class="comment-picks" aria-labelledby="picks-title">
          <h3 id="picks-title">{t('comments.picks')}</h3>
          <ol class="comment-list">
            {thread.featured.map((c) => (
              <CommentItem key={`pick-${c.id}`} c={{ ...c, replies: [], moreReplies: 0 }} ctx={ctx} idPrefix="pick" />
            ))}
          </ol>
        </section>
      )}
      {thread.open ? (
        <CommentForm t={t} url={(path) => ctx.url(path)} articleId={articleId} parent={page?.replyTo} guests={guests} viewer={page?.viewer} body={page?.body ?? ''} guest={page?.guest} errors={page?.errors ?? []} returnTo={returnTo} signInInline={page?.signInInline ?? false} />
      ) : (
        <p class="comments-closed">{t('comments.closed')}</p>
      )}
      {page?.viewer && page.viewer.pending.length > 0 && (
        <section class="comment-pending" aria-labelledby="pending-title">
          <h3 id="pending-title">{t('comments.pendingTitle')}</h3>
          <ol class="comment-list">
            {page.viewer.pending.map((c) => (
              <CommentItem key={c.id} c={c} ctx={ctx} own actions={page.viewer?.actions} />
            ))}
          </ol>
        </section>
      )}
      {count === 0 && thread.comments.length === 0 ? (
        <p class="comments-empty" data-comments-empty>
          {t('comments.empty')}
        </p>
      ) : (
        <nav class="comment-sort" aria-label={t('comments.sortLabel')}>
          <span>{t('comments.sortBy')}</span>
          <ul>
            {COMMENT_SORTS.map((s) => (
              <li key={s}>
                <a href={`${base}?sort=${s}`} aria-current={s === thread.sort ? 'true' : undefined} data-sort-link={s}>
                  {t(SORT_KEYS[s])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ol class="comment-list comment-thread" data-thread>
        {thread.comments.map((c) => (
          <CommentItem key={c.id} c={c} ctx={ctx} actions={page?.viewer?.actions} />
        ))}
      </ol>
      {thread.hasMore && (
        <p class="comment-more">
          <a class="button button-secondary" href={`${base}?sort=${thread.sort}&page=${thread.page + 1}`} data-more-comments rel="next">
            {t('comments.more')}
          </a>
        </p>
      )}
    </section>
  );
}
