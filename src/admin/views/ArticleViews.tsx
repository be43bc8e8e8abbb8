import { TranslationPanel } from './TranslationPanel.js';
import { LeadVideoFields } from './LeadVideoFields.js';
import type { LeadVideoInput } from '../../services/videos.js';
import type { TranslationPanelModel } from './TranslationPanel.js';
import { LiveBlogPanel } from './LiveBlogPanel.js';
import type { LiveBlogPanel as LiveBlogPanelModel } from '../../services/live-blog.js';
import type { Change } from 'diff';
import { ARTICLE_LABELS, LABEL_NAMES } from '../../core/articles.js';
import type { ArticleStatus } from '../../core/articles.js';
import type { Author } from '../../core/people.js';
import type { articleAbilities } from '../../core/policies.js';
import type { Note, Revision } from '../../services/newsroom.js';
import type { ArticleInput } from '../../services/publishing.js';
import { utcToZonedLocal } from '../time.js';
import type { AdminContext } from './AdminLayout.js';
import { AdminLayout, Csrf, Messages } from './AdminLayout.js';
import { dateTimeFormat } from '../../core/intl.js';

export const STATUS_NAMES: Record<ArticleStatus, string> = { draft: 'Draft', review: 'In review', scheduled: 'Scheduled', published: 'Published' };

export interface ListRow {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionName: string;
  authors: string;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
}

const when = (iso: string | null, ctx: AdminContext) => (iso ? dateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.timeZone }).format(new Date(iso)) : '');

function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span class={`status status-${status}`}>{STATUS_NAMES[status]}</span>;
}

function ArticleTable({ ctx, rows, caption }: { ctx: AdminContext; rows: ListRow[]; caption: string }) {
  if (rows.length === 0) return <p class="empty">Nothing here.</p>;
  return (
    <table class="admin-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Status</th>
          <th scope="col">Section</th>
          <th scope="col">Bylines</th>
          <th scope="col">Last change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <a href={`/admin/articles/${r.id}`}>{r.headline}</a>
            </td>
            <td>
              <StatusBadge status={r.status} />
              {r.status === 'scheduled' && r.scheduledAt && <small> for {when(r.scheduledAt, ctx)}</small>}
            </td>
            <td>{r.sectionName}</td>
            <td>{r.authors}</td>
            <td>{when(r.updatedAt, ctx)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DashboardPage({ ctx, review, scheduled, drafts, published }: { ctx: AdminContext; review: ListRow[]; scheduled: ListRow[]; drafts: ListRow[]; published: ListRow[] }) {
  return (
    <AdminLayout ctx={ctx} title="Dashboard">
      <div class="page-head">
        <h1>What needs attention</h1>
        <a class="button primary" href="/admin/articles/new">
          New story
        </a>
      </div>
      <section aria-labelledby="review-title">
        <h2 id="review-title">Waiting for review ({review.length})</h2>
        <ArticleTable ctx={ctx} rows={review} caption="Stories submitted for review" />
      </section>
      <section aria-labelledby="scheduled-title">
        <h2 id="scheduled-title">Scheduled ({scheduled.length})</h2>
        <ArticleTable ctx={ctx} rows={scheduled} caption="Stories that will publish by themselves" />
      </section>
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">Your drafts ({drafts.length})</h2>
        <ArticleTable ctx={ctx} rows={drafts} caption="Drafts you created" />
      </section>
      <section aria-labelledby="published-title">
        <h2 id="published-title">Recently published</h2>
        <ArticleTable ctx={ctx} rows={published} caption="The latest published stories" />
      </section>
    </AdminLayout>
  );
}

export interface ListFilters {
  status?: ArticleStatus | undefined;
  sectionId?: number | undefined;
  authorId?: number | undefined;
  q?: string | undefined;
  page: number;
}

export function ArticleListPage({
  ctx,
  rows,
  filters,
  sections,
  authors,
  totalPages,
  wholeWordsOnly = false,
}: {
  ctx: AdminContext;
  rows: ListRow[];
  filters: ListFilters;
  sections: { id: number; name: string }[];
  authors: Author[];
  totalPages: number;
  /** The text was too short to be looked for inside words (newsroom-lists.ts). */
  wholeWordsOnly?: boolean;
}) {
  const query = (page: number) => {
    const p = new URLSearchParams();
    if (filters.status) p.set('status', filters.status);
    if (filters.sectionId) p.set('sectionId', String(filters.sectionId));
    if (filters.authorId) p.set('authorId', String(filters.authorId));
    if (filters.q) p.set('q', filters.q);
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return s ? `/admin/articles?${s}` : '/admin/articles';
  };
  return (
    <AdminLayout ctx={ctx} title="Articles">
      <div class="page-head">
        <h1>Articles</h1>
        <a class="button primary" href="/admin/articles/new">
          New story
        </a>
      </div>
      <form method="get" action="/admin/articles" class="filters" role="search" aria-label="Filter articles">
        <label>
          Text <input type="search" name="q" value={filters.q ?? ''} />
        </label>
        <label>
          Status{' '}
          <select name="status">
            <option value="">Any</option>
            {(Object.keys(STATUS_NAMES) as ArticleStatus[]).map((s) => (
              <option key={s} value={s} selected={filters.status === s}>
                {STATUS_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Section{' '}
          <select name="sectionId">
            <option value="">Any</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id} selected={filters.sectionId === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author{' '}
          <select name="authorId">
            <option value="">Any</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id} selected={filters.authorId === a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <ArticleTable ctx={ctx} rows={rows} caption="Articles matching the filters" />
      {wholeWordsOnly && <p class="hint">Text this short matches whole words only: type at least three characters to find part of a word.</p>}
      {totalPages > 1 && (
        <nav class="pagination" aria-label="Pagination">
          {filters.page > 1 && <a href={query(filters.page - 1)}>Previous</a>}
          <span>
            Page {filters.page} of {totalPages}
          </span>
          {filters.page < totalPages && <a href={query(filters.page + 1)}>Next</a>}
        </nav>
      )}
    </AdminLayout>
  );
}

export interface EditModel {
  id: number | null;
  version: number;
  status: ArticleStatus;
  input: ArticleInput;
  scheduledAt: string | null;
  embargoUntil: string | null;
  publishedAt: string | null;
  url: string | null;
  abilities: ReturnType<typeof articleAbilities>;
  notes: Note[];
  previewUrl: string | null;
  /** Versions in other editions (existing stories only). */
  translations?: TranslationPanelModel;
  /** Live coverage: the Live updates panel (existing stories only). */
  liveBlog?: LiveBlogPanelModel;
  /** The lead video fieldset's values (views/LeadVideoFields.tsx). */
  leadVideo?: LeadVideoInput | null | undefined;
}

/** A section in the story form's picker, grouped by edition. */
export interface SectionOption {
  id: number;
  name: string;
  /** The edition's name, e.g. English, Español. */
  edition: string;
}

export interface ImageOption {
  id: number;
  label: string;
}

export function ArticleEditPage({ ctx, m, sections, authors, images, errors, notice }: { ctx: AdminContext; m: EditModel; sections: SectionOption[]; authors: Author[]; images: ImageOption[]; errors?: string[]; notice?: string | undefined }) {
  const i = m.input;
  const isNew = m.id === null;
  const action = isNew ? '/admin/articles' : `/admin/articles/${m.id}`;
  const readOnly = !isNew && !m.abilities.edit;
  const bodyJson = JSON.stringify(i.body ?? { type: 'doc', content: [] });
  return (
    <AdminLayout ctx={ctx} title={isNew ? 'New story' : `Edit: ${i.headline}`} editor>
      <div class="page-head">
        <h1>{isNew ? 'New story' : 'Edit story'}</h1>
        {!isNew && <StatusBadge status={m.status} />}
        {m.status === 'scheduled' && m.scheduledAt && <p>Publishes {when(m.scheduledAt, ctx)}</p>}
        {m.url && m.status === 'published' && (
          <a href={m.url} class="button">
            View on site
          </a>
        )}
        {m.previewUrl && (
          <a href={m.previewUrl} class="button" target="_blank" rel="noopener">
            Preview
          </a>
        )}
        {!isNew && <a href={`/admin/articles/${m.id}/revisions`}>Revisions</a>}
      </div>
      <Messages errors={errors} notice={notice} />
      {readOnly && <p class="admin-notice">You can read this story but not change it.</p>}
      <form method="post" action={action} id="article-form" data-autosave-url={isNew || readOnly ? undefined : `/admin/articles/${m.id}/autosave`}>
        <Csrf ctx={ctx} />
        <input type="hidden" name="version" value={String(m.version)} />
        <fieldset disabled={readOnly}>
          <legend class="visually-hidden">Story</legend>
          <label for="headline">Headline</label>
          <input id="headline" name="headline" required maxLength={300} value={i.headline} class="headline-input" />
          <label for="standfirst">Standfirst</label>
          <textarea id="standfirst" name="standfirst" rows={2} maxLength={600}>
            {i.standfirst ?? ''}
          </textarea>
          {/* A label's `for` must name a form control; the editor is a group (toolbar and text
              box) named by this label, and the island gives the text box the same name. */}
          <label id="body-label">Body</label>
          <input type="hidden" name="body" id="body-json" value={bodyJson} />
          <div id="body-editor" role="group" aria-labelledby="body-label">
            <noscript>The body editor needs JavaScript.</noscript>
          </div>
          <p id="autosave-status" role="status" class="autosave-status" />
          <div class="field-grid">
            <div>
              <label for="sectionId">Section</label>
              <select id="sectionId" name="sectionId" required>
                {[...new Set(sections.map((s) => s.edition))].map((edition) => (
                  <optgroup key={edition} label={edition}>
                    {sections
                      .filter((s) => s.edition === edition)
                      .map((s) => (
                        <option key={s.id} value={s.id} selected={i.sectionId === s.id}>
                          {s.name}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
              <p class="hint">Each edition has its own sections: file the story in one of its edition's.</p>
            </div>
            <div>
              <label for="label">Label</label>
              <select id="label" name="label">
                {ARTICLE_LABELS.map((l) => (
                  <option key={l} value={l} selected={(i.label ?? 'news') === l}>
                    {LABEL_NAMES[l]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset class="bylines">
              <legend>Bylines, in order</legend>
              {[0, 1, 2].map((slot) => (
                <div key={slot}>
                  <label for={`authorIds-${slot}`} class="visually-hidden">
                    Byline {slot + 1}
                  </label>
                  <select id={`authorIds-${slot}`} name="authorIds" aria-label={`Byline ${slot + 1}`}>
                    <option value="">{slot === 0 ? 'No byline' : 'None'}</option>
                    {authors.map((a) => (
                      <option key={a.id} value={a.id} selected={(i.authorIds ?? [])[slot] === a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </fieldset>
            <div>
              <label for="tags">Tags (comma-separated)</label>
              <input id="tags" name="tags" value={(i.tags ?? []).join(', ')} />
            </div>
            <div>
              <label for="leadMediaId">Lead image</label>
              <select id="leadMediaId" name="leadMediaId">
                <option value="">No lead image</option>
                {images.map((img) => (
                  <option key={img.id} value={img.id} selected={i.leadMediaId === img.id}>
                    {img.label}
                  </option>
                ))}
              </select>
              <p class="hint">
                Images come from the <a href="/admin/media">media library</a>.
              </p>
            </div>
            <div>
              <label for="socialMediaId">Social card image (blank: the lead image)</label>
              <select id="socialMediaId" name="socialMediaId">
                <option value="">Same as the lead image</option>
                {images.map((img) => (
                  <option key={img.id} value={img.id} selected={i.socialMediaId === img.id}>
                    {img.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="slug">Slug (blank: from the headline)</label>
              <input id="slug" name="slug" maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" value={i.slug ?? ''} />
            </div>
            <div>
              <label for="seoHeadline">SEO and social headline</label>
              <input id="seoHeadline" name="seoHeadline" maxLength={300} value={i.seoHeadline ?? ''} />
            </div>
            <div>
              <label for="seoDescription">SEO description</label>
              <input id="seoDescription" name="seoDescription" maxLength={600} value={i.seoDescription ?? ''} />
            </div>
            <div>
              <label for="embargoUntil">Embargo until ({ctx.timeZone})</label>
              <input id="embargoUntil" name="embargoUntil" type="datetime-local" value={utcToZonedLocal(m.embargoUntil, ctx.timeZone)} />
            </div>
            <div class="checkbox">
              <input id="commentsOpen" name="commentsOpen" type="checkbox" value="1" checked={i.commentsOpen !== false} />
              <label for="commentsOpen">Comments open</label>
            </div>
            <div class="checkbox">
              <input id="commentsPremoderated" name="commentsPremoderated" type="checkbox" value="1" checked={i.commentsPremoderated === true} />
              <label for="commentsPremoderated">Pre-moderate comments (each waits for a moderator)</label>
            </div>
          </div>
          <LeadVideoFields video={m.leadVideo} images={images} errors={errors} />
          {m.status === 'published' && (
            <fieldset class="update-note">
              <legend>Update or correction (shown on the story)</legend>
              <div class="checkbox">
                <input id="markUpdated" name="markUpdated" type="checkbox" value="1" />
                <label for="markUpdated">Show an "Updated" time</label>
              </div>
              <label for="correctionKind">Kind</label>
              <select id="correctionKind" name="correctionKind">
                <option value="update">Update</option>
                <option value="correction">Correction</option>
              </select>
              <label for="correctionNote">Note for readers (optional)</label>
              <textarea id="correctionNote" name="correctionNote" rows={2} maxLength={2000} />
            </fieldset>
          )}
        </fieldset>
        <div class="actions">
          {(isNew || m.abilities.edit) && (
            <button type="submit" name="action" value="save" class="primary">
              {isNew ? 'Create draft' : 'Save'}
            </button>
          )}
          {!isNew && m.abilities.submit && (
            <button type="submit" name="action" value="submit">
              Submit for review
            </button>
          )}
          {!isNew && m.abilities.publish && m.status === 'review' && (
            <button type="submit" name="action" value="return">
              Return to draft
            </button>
          )}
          {!isNew && m.abilities.publish && m.status !== 'published' && (
            <button type="submit" name="action" value="publish">
              Publish now
            </button>
          )}
          {!isNew && m.abilities.publish && m.status !== 'published' && (
            <span class="schedule">
              <label for="scheduleAt">Publish at ({ctx.timeZone})</label>
              <input id="scheduleAt" name="scheduleAt" type="datetime-local" step="1" value={utcToZonedLocal(m.scheduledAt, ctx.timeZone)} />
              <button type="submit" name="action" value="schedule">
                Schedule
              </button>
            </span>
          )}
          {!isNew && m.abilities.publish && m.status === 'scheduled' && (
            <button type="submit" name="action" value="unschedule">
              Unschedule
            </button>
          )}
          {!isNew && m.abilities.publish && m.status === 'published' && (
            <button type="submit" name="action" value="unpublish" class="danger">
              Unpublish
            </button>
          )}
        </div>
      </form>
      {!isNew && (
        <section class="notes" aria-labelledby="notes-title">
          <h2 id="notes-title">Internal notes</h2>
          <p class="hint">Only the newsroom sees these; they never reach the site.</p>
          <ul>
            {m.notes.map((n) => (
              <li key={n.id}>
                <strong>{n.userName ?? 'Someone'}</strong> <time datetime={n.createdAt}>{when(n.createdAt, ctx)}</time>
                <p>{n.body}</p>
              </li>
            ))}
          </ul>
          <form method="post" action={`/admin/articles/${m.id}/notes`}>
            <Csrf ctx={ctx} />
            <label for="note">Add a note</label>
            <textarea id="note" name="body" rows={2} required maxLength={5000} />
            <button type="submit">Add note</button>
          </form>
        </section>
      )}
      {m.translations && <TranslationPanel ctx={ctx} m={m.translations} />}
      {m.liveBlog && <LiveBlogPanel ctx={ctx} m={m.liveBlog} />}
    </AdminLayout>
  );
}

export function RevisionsPage({ ctx, articleId, headline, revisions, version, canRestore }: { ctx: AdminContext; articleId: number; headline: string; revisions: Revision[]; version: number; canRestore: boolean }) {
  return (
    <AdminLayout ctx={ctx} title={`Revisions: ${headline}`}>
      <div class="page-head">
        <h1>Revisions of “{headline}”</h1>
        <a href={`/admin/articles/${articleId}`}>Back to the story</a>
      </div>
      <table class="admin-table">
        <caption>Every save, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Who</th>
            <th scope="col">When</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id}>
              <td>
                {r.version}
                {r.autosave && <small> (autosave)</small>}
              </td>
              <td>{r.userName ?? 'Someone'}</td>
              <td>{when(r.createdAt, ctx)}</td>
              <td class="row-actions">
                <a href={`/admin/articles/${articleId}/revisions/${r.id}`}>Compare with current</a>
                {canRestore && r.version !== version && (
                  <form method="post" action={`/admin/articles/${articleId}/revisions/${r.id}/restore`}>
                    <Csrf ctx={ctx} />
                    <input type="hidden" name="version" value={String(version)} />
                    <button type="submit">Restore</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

export function DiffPage({ ctx, articleId, revision, fields }: { ctx: AdminContext; articleId: number; revision: Revision; fields: { name: string; changes: Change[] }[] }) {
  return (
    <AdminLayout ctx={ctx} title={`Compare version ${revision.version}`}>
      <div class="page-head">
        <h1>Version {revision.version} compared with the current story</h1>
        <a href={`/admin/articles/${articleId}/revisions`}>All revisions</a>
      </div>
      <p class="hint">
        <del>Struck text</del> is only in version {revision.version}; <ins>underlined text</ins> is only in the current story.
      </p>
      {fields.map((f) => (
        <section key={f.name} class="diff">
          <h2>{f.name}</h2>
          {f.changes.every((c) => !c.added && !c.removed) ? (
            <p class="hint">No change.</p>
          ) : (
            <p>{f.changes.map((c, idx) => (c.added ? <ins key={idx}>{c.value}</ins> : c.removed ? <del key={idx}>{c.value}</del> : <span key={idx}>{c.value}</span>))}</p>
          )}
        </section>
      ))}
    </AdminLayout>
  );
}
