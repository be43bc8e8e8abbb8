/**
 * The story page's "Live updates" panel (docs/live-blog.md): start or end live coverage,
 * show the live player, post an update, and the updates newest first with edit, pin and
 * delete. Plain forms with the CSRF token; no script needed.
 */
import type { LiveUpdate } from '../../core/live-blog.js';
import { LIVE_UPDATE_LIMITS, documentToText } from '../../core/live-blog.js';
import { documentToPlainText } from '../../core/richtext.js';
import type { LiveBlogPanel as Model } from '../../services/live-blog.js';
import type { AdminContext } from './AdminLayout.js';
import { AdminLayout, Csrf, Messages } from './AdminLayout.js';
import { dateTimeFormat } from '../../core/intl.js';

const when = (iso: string, ctx: AdminContext) => dateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.timeZone }).format(new Date(iso));

const base = (articleId: number) => `/admin/articles/${articleId}/live`;

/** Headline and text fields, for posting and editing. */
function UpdateFields({ idPrefix, headline, text }: { idPrefix: string; headline: string; text: string }) {
  return (
    <>
      <label for={`${idPrefix}-headline`}>Headline (optional)</label>
      <input id={`${idPrefix}-headline`} name="headline" maxLength={LIVE_UPDATE_LIMITS.headline} value={headline} />
      <label for={`${idPrefix}-body`}>Update</label>
      <textarea id={`${idPrefix}-body`} name="body" rows={5} required maxLength={LIVE_UPDATE_LIMITS.body} aria-describedby={`${idPrefix}-hint`}>
        {text}
      </textarea>
      <p class="hint" id={`${idPrefix}-hint`}>
        A blank line starts a new paragraph. **bold**, *italic* and [link text](https://…) work.
      </p>
    </>
  );
}

function UpdateRow({ ctx, m, u }: { ctx: AdminContext; m: Model; u: LiveUpdate }) {
  const path = `${base(m.articleId)}/updates/${u.id}`;
  const text = documentToPlainText(u.body);
  return (
    <li class="live-update-row" id={`live-update-${u.id}`}>
      <p class="live-update-meta">
        <time datetime={u.createdAt}>{when(u.createdAt, ctx)}</time>
        {u.pinned && <strong class="status status-published"> Key update</strong>}
      </p>
      {u.headline && <p class="live-update-headline">{u.headline}</p>}
      <p class="live-update-text">{text.length > 280 ? `${text.slice(0, 279)}…` : text}</p>
      {m.canPost && (
        <div class="live-update-actions">
          <a href={`${path}/edit`}>Edit</a>
          <form method="post" action={`${path}/pin`} class="inline-form">
            <Csrf ctx={ctx} />
            <input type="hidden" name="pinned" value={u.pinned ? '0' : '1'} />
            <button type="submit">{u.pinned ? 'Unpin' : 'Pin as key update'}</button>
          </form>
          <form method="post" action={`${path}/delete`} class="inline-form">
            <Csrf ctx={ctx} />
            <button type="submit" class="danger">
              Delete
            </button>
          </form>
        </div>
      )}
    </li>
  );
}

export function LiveBlogPanel({ ctx, m }: { ctx: AdminContext; m: Model }) {
  const path = base(m.articleId);
  const { coverage } = m;
  return (
    <section class="live-blog-panel" id="live-updates" aria-labelledby="live-updates-title">
      <h2 id="live-updates-title">Live updates</h2>
      <p class="hint">
        {coverage.live
          ? `Live coverage is on${coverage.startedAt ? ` since ${when(coverage.startedAt, ctx)}` : ''}: the story shows a LIVE badge and new updates appear on readers’ pages as you post them.${m.published ? '' : ' The story is not published yet: readers see the updates once it is.'}`
          : coverage.endedAt
            ? `Live coverage ended ${when(coverage.endedAt, ctx)}. The updates stay on the story.`
            : 'Turn this story into a live blog for breaking news: timestamped updates that appear on readers’ pages as they are posted.'}
      </p>
      {m.canPost && (
        <div class="live-blog-controls">
          <form method="post" action={`${path}/${coverage.live ? 'end' : 'start'}`} class="inline-form">
            <Csrf ctx={ctx} />
            <button type="submit" class={coverage.live ? 'danger' : 'primary'}>
              {coverage.live ? 'End live coverage' : 'Start live coverage'}
            </button>
          </form>
          {coverage.live && (
            <form method="post" action={`${path}/player`} class="inline-form">
              <Csrf ctx={ctx} />
              <input type="hidden" name="on" value={coverage.player ? '0' : '1'} />
              <button type="submit" aria-pressed={coverage.player ? 'true' : 'false'}>
                Show the live player
              </button>
            </form>
          )}
        </div>
      )}
      {m.canPost && coverage.live && (
        <form method="post" action={`${path}/updates`} class="live-update-form">
          <Csrf ctx={ctx} />
          <UpdateFields idPrefix="live-update" headline="" text="" />
          <label class="checkbox">
            <input type="checkbox" name="pinned" value="1" /> Pin as a key update
          </label>
          <button type="submit" class="primary">
            Post update
          </button>
        </form>
      )}
      {m.updates.length === 0 ? (
        <p class="empty">No updates yet.</p>
      ) : (
        <ol class="live-update-list" aria-label="Updates, newest first">
          {m.updates.map((u) => (
            <UpdateRow key={u.id} ctx={ctx} m={m} u={u} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Editing one update, or a post that did not validate (with its problems and the text kept). */
export function LiveUpdateFormPage({ ctx, articleId, headline, update, input, errors }: { ctx: AdminContext; articleId: number; headline: string; update: LiveUpdate | undefined; input?: { headline: string; text: string; pinned?: boolean }; errors?: string[] }) {
  const action = update ? `${base(articleId)}/updates/${update.id}` : `${base(articleId)}/updates`;
  const title = update ? 'Edit live update' : 'Post a live update';
  return (
    <AdminLayout ctx={ctx} title={`${title}: ${headline}`}>
      <div class="page-head">
        <h1>{title}</h1>
        <a href={`/admin/articles/${articleId}#live-updates`}>Back to the story</a>
      </div>
      <p>{headline}</p>
      <Messages errors={errors} />
      <form method="post" action={action} class="live-update-form">
        <Csrf ctx={ctx} />
        <UpdateFields idPrefix="live-update" headline={input?.headline ?? update?.headline ?? ''} text={input?.text ?? (update ? documentToText(update.body) : '')} />
        {!update && (
          <label class="checkbox">
            <input type="checkbox" name="pinned" value="1" checked={input?.pinned === true} /> Pin as a key update
          </label>
        )}
        <button type="submit" class="primary">
          {update ? 'Save update' : 'Post update'}
        </button>
      </form>
    </AdminLayout>
  );
}
