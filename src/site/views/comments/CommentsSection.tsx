/**
 * The comments block: count, Editor's picks, the thread (threaded replies), sort links,
 * "more comments", and the posting form. Everything works as plain links and form posts;
 * the comments island (client/comments) enhances the same markup with live updates.
 * The article page renders it viewer-independent (the page is cached and shared); the
 * comments page (/articles/:id/comments) adds what only this viewer sees.
 */
import { COMMENT_SORTS } from '../../../core/comments/settings.js';
import type { CommentSort } from '../../../core/comments/settings.js';
import type { CommentThread, CommentView } from '../../../services/comments.js';
import { formatDateTime } from '../../format.js';
import { CommentBody } from '../components/CommentBody.js';
import type { PageContext } from '../context.js';

export const SORT_NAMES: Record<CommentSort, string> = { newest: 'Newest', oldest: 'Oldest', replies: 'Most replies', liked: 'Most liked' };

export const countText = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'Comment' : 'Comments'}`;

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

function OwnerActions({ c, actions }: { c: CommentView; actions: ItemActions }) {
  const editableUntil = actions.own.get(c.id);
  const following = actions.following.has(c.id);
  return (
    <>
      {editableUntil !== undefined && editableUntil > actions.now && (
        <a class="comment-edit comment-owner" href={`/comments/${c.id}/edit`}>
          Edit<span class="visually-hidden"> your comment</span>
        </a>
      )}
      {editableUntil !== undefined && (
        <form method="post" action={`/comments/${c.id}/delete`} class="comment-delete-form comment-owner">
          <button type="submit" class="comment-delete">
            Delete<span class="visually-hidden"> your comment</span>
          </button>
        </form>
      )}
      {c.depth === 0 && (
        <form method="post" action={`/comments/${c.id}/follow`} class="comment-follow-form comment-owner">
          <input type="hidden" name="follow" value={following ? '0' : '1'} />
          <button type="submit" class="comment-follow" aria-pressed={following ? 'true' : 'false'}>
            {following ? 'Following replies' : 'Follow replies'}
            <span class="visually-hidden"> to {c.authorName}</span>
          </button>
        </form>
      )}
    </>
  );
}

/** `idPrefix`: a second copy of a comment on the page (Editor's picks) needs ids of its own. */
export function CommentItem({ c, ctx, own = false, idPrefix = 'comment', actions }: { c: CommentView; ctx: Pick<PageContext, 'dates'>; own?: boolean; idPrefix?: string; actions?: ItemActions | undefined }) {
  const threadsUrl = `/articles/${c.articleId}/comments`;
  const id = `${idPrefix}-${c.id}`;
  return (
    <li id={id} class="comment-item" data-comment-id={c.id} data-root={c.rootId} data-depth={c.depth}>
      <article class={`comment${c.staff ? ' comment-staff' : ''}${c.featured ? ' comment-featured' : ''}`} aria-labelledby={`${id}-author`}>
        <header class="comment-header">
          <span class="comment-author" id={`${id}-author`}>
            {c.authorName}
          </span>
          {c.staff && <span class="badge badge-staff">Staff</span>}
          {c.featured && <span class="badge badge-pick">Editor’s pick</span>}
          {c.replyingTo && <span class="comment-replying">replying to {c.replyingTo}</span>}
          <a class="comment-time" href={`/comments/${c.id}`}>
            <time datetime={c.createdAt}>{formatDateTime(c.createdAt, ctx.dates)}</time>
          </a>
          {c.editedAt && <span class="comment-edited">(edited)</span>}
          {own && c.status === 'pending' && <span class="badge badge-pending">Awaiting moderation: only you can see this</span>}
        </header>
        <CommentBody text={c.body} />
        {c.status === 'approved' && (
          <footer class="comment-actions">
            <a class="comment-reply" href={`${threadsUrl}?reply=${c.id}#comment-form`} data-reply={c.id}>
              Reply<span class="visually-hidden"> to {c.authorName}</span>
            </a>
            <form method="post" action={`/comments/${c.id}/like`} class="comment-like-form">
              <button type="submit" class="comment-like" data-like={c.id} aria-pressed="false">
                Like<span class="visually-hidden"> comment by {c.authorName}</span> <span class="like-count">{c.likeCount}</span>
              </button>
            </form>
            <a class="comment-report" href={`/comments/${c.id}/report`} data-report={c.id}>
              Report<span class="visually-hidden"> comment by {c.authorName}</span>
            </a>
            {actions && <OwnerActions c={c} actions={actions} />}
          </footer>
        )}
        {c.status === 'pending' && actions?.own.has(c.id) && (
          <footer class="comment-actions">
            <OwnerActions c={c} actions={actions} />
          </footer>
        )}
      </article>
      {c.replies.length > 0 || c.moreReplies > 0 ? (
        <ol class="comment-replies" aria-label={`Replies to ${c.authorName}`}>
          {c.replies.map((r) => (
            <CommentItem key={r.id} c={r} ctx={ctx} actions={actions} />
          ))}
        </ol>
      ) : null}
      {c.moreReplies > 0 && (
        <p class="comment-more-replies">
          <a href={`${threadsUrl}/replies/${c.id}?skip=${c.replies.length}`} data-more-replies={c.id} data-skip={c.replies.length}>
            {c.moreReplies} more {c.moreReplies === 1 ? 'reply' : 'replies'}
          </a>
        </p>
      )}
    </li>
  );
}

export function CommentForm(props: { articleId: number; parent?: CommentView | undefined; guests: boolean; viewer?: CommentsViewer | undefined; body?: string; errors?: string[]; returnTo: string; signInInline?: boolean }) {
  const { articleId, parent, guests, viewer } = props;
  return (
    <form id="comment-form" class="comment-form" method="post" action={`/articles/${articleId}/comments`} data-comment-form>
      <h3 class="comment-form-title">{parent ? `Reply to ${parent.authorName}` : 'Join the conversation'}</h3>
      {props.errors && props.errors.length > 0 && (
        <div class="form-errors" role="alert">
          <ul>
            {props.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {parent && <input type="hidden" name="parentId" value={String(parent.id)} />}
      {viewer ? (
        <p class="comment-as">
          Commenting as <strong>{viewer.name}</strong>
          {viewer.kind === 'staff' && <span class="badge badge-staff">Staff</span>}
        </p>
      ) : (
        <p class="comment-as" data-signed-out>
          <a href={`/account/signin?next=${encodeURIComponent(props.returnTo)}`}>Sign in</a> or <a href={`/account/signup?next=${encodeURIComponent(props.returnTo)}`}>create an account</a> to comment
          {guests ? ', or give your name and email below (your comment will be read by a moderator first).' : '. If you write first, your words are kept while you sign in.'}
        </p>
      )}
      {props.signInInline && !viewer && (
        <fieldset class="comment-signin">
          <legend>Sign in to post</legend>
          <p>
            <label for="signin-email">Email</label>
            <input id="signin-email" name="email" type="email" autocomplete="email" required maxLength={254} />
          </p>
          <p>
            <label for="signin-password">Password</label>
            <input id="signin-password" name="password" type="password" autocomplete="current-password" required maxLength={200} />
          </p>
          <p class="form-help">
            No password? <a href="/account/signin">Get a sign-in link by email</a> (copy your comment first).
          </p>
        </fieldset>
      )}
      {guests && !viewer && !props.signInInline && (
        <div class="comment-guest" data-guest-fields>
          <p>
            <label for="guest-name">Name</label>
            <input id="guest-name" name="guestName" autocomplete="name" maxLength={40} />
          </p>
          <p>
            <label for="guest-email">Email (never shown)</label>
            <input id="guest-email" name="guestEmail" type="email" autocomplete="email" maxLength={254} />
          </p>
        </div>
      )}
      <p>
        <label for="comment-body">{parent ? 'Your reply' : 'Your comment'}</label>
        <textarea id="comment-body" name="body" rows={5} required minLength={2} maxLength={5000} aria-describedby="comment-format-help">
          {props.body ?? ''}
        </textarea>
      </p>
      <p id="comment-format-help" class="form-help">
        Plain text. **bold**, *italic*, a line starting with &gt; quotes; links are written out. Please keep to our community rules.
      </p>
      <p>
        <button type="submit" class="button">
          {parent ? 'Post reply' : 'Post comment'}
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
  page?: { viewer?: CommentsViewer | undefined; replyTo?: CommentView | undefined; body?: string; errors?: string[]; notice?: string | undefined; signInInline?: boolean };
}

export function CommentsSection({ ctx, thread, guests, page }: CommentsSectionProps) {
  const { count, articleId } = thread;
  const base = `/articles/${articleId}/comments`;
  const returnTo = page?.replyTo ? `${base}?reply=${page.replyTo.id}` : base;
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title" data-comments data-article={articleId} data-sort={thread.sort} data-page={thread.page} data-open={thread.open ? '1' : '0'}>
      <h2 id="comments-title">Comment</h2>
      <p class="comments-count" aria-live="polite">
        <span data-comment-count>{countText(count)}</span>
      </p>
      {page?.notice && (
        <p class="comments-notice" role="status">
          {page.notice}
        </p>
      )}
      {thread.featured.length > 0 && (
        <section class="comment-picks" aria-labelledby="picks-title">
          <h3 id="picks-title">Editor’s picks</h3>
          <ol class="comment-list">
            {thread.featured.map((c) => (
              <CommentItem key={`pick-${c.id}`} c={{ ...c, replies: [], moreReplies: 0 }} ctx={ctx} idPrefix="pick" />
            ))}
          </ol>
        </section>
      )}
      {thread.open ? (
        <CommentForm articleId={articleId} parent={page?.replyTo} guests={guests} viewer={page?.viewer} body={page?.body ?? ''} errors={page?.errors ?? []} returnTo={returnTo} signInInline={page?.signInInline ?? false} />
      ) : (
        <p class="comments-closed">Comments are closed on this story.</p>
      )}
      {page?.viewer && page.viewer.pending.length > 0 && (
        <section class="comment-pending" aria-labelledby="pending-title">
          <h3 id="pending-title">Your comments awaiting moderation</h3>
          <ol class="comment-list">
            {page.viewer.pending.map((c) => (
              <CommentItem key={c.id} c={c} ctx={ctx} own actions={page.viewer?.actions} />
            ))}
          </ol>
        </section>
      )}
      {count === 0 && thread.comments.length === 0 ? (
        <p class="comments-empty" data-comments-empty>
          Post with no comments.
        </p>
      ) : (
        <nav class="comment-sort" aria-label="Sort comments">
          <span>Sort by:</span>
          <ul>
            {COMMENT_SORTS.map((s) => (
              <li key={s}>
                <a href={`${base}?sort=${s}`} aria-current={s === thread.sort ? 'true' : undefined} data-sort-link={s}>
                  {SORT_NAMES[s]}
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
            More comments
          </a>
        </p>
      )}
    </section>
  );
}
