/** The newsroom's catalogue screens: the section tree, tags and author profiles. */
import type { MediaAsset } from '../../core/media.js';
import type { AuthorLink } from '../../core/people.js';
import type { AuthorListRow, SectionTreeRow, TagListRow } from '../../services/catalog-admin.js';
import { MAX_AUTHOR_LINKS } from '../../services/catalog-admin.js';
import type { AdminContext } from './AdminLayout.js';
import { AdminLayout, Csrf, Messages } from './AdminLayout.js';
import { LanguageSelect, NameAndSlugFields, languageName } from './fields.js';


/** What a section form shows: what is stored, or what was typed when it was refused. */
export interface SectionForm {
  name: string;
  slug: string;
  description: string;
  /** '' for the top level. */
  parentId: string;
  language: string;
}

export interface TagForm {
  name: string;
  slug: string;
}

export interface AuthorForm {
  name: string;
  slug: string;
  role: string;
  bio: string;
  xHandle: string;
  /** '' for none. */
  photoMediaId: string;
  links: AuthorLink[];
}

export interface ImageOption {
  id: number;
  label: string;
}

interface SectionOption {
  id: number;
  trail: string;
  language: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function MoveButtons({ ctx, row, from }: { ctx: AdminContext; row: SectionTreeRow; from: 'list' | 'edit' }) {
  const name = row.section.name;
  return (
    <form method="post" action={`/admin/sections/${row.section.id}/move`} class="inline-form catalog-move">
      <Csrf ctx={ctx} />
      <input type="hidden" name="from" value={from} />
      <button type="submit" name="direction" value="up" disabled={row.isFirst}>
        Up<span class="visually-hidden"> (move {name} before the section above it)</span>
      </button>
      <button type="submit" name="direction" value="down" disabled={row.isLast}>
        Down<span class="visually-hidden"> (move {name} after the section below it)</span>
      </button>
    </form>
  );
}

function ParentSelect({ options, value, id }: { options: SectionOption[]; value: string; id: string }) {
  return (
    <select id={id} name="parentId" aria-describedby={`${id}-hint`}>
      <option value="" selected={value === ''}>
        Top level (in the site navigation)
      </option>
      {options.map((o) => (
        <option key={o.id} value={String(o.id)} selected={value === String(o.id)}>
          {o.trail}
          {o.language !== 'en' ? ` (${languageName(o.language)})` : ''}
        </option>
      ))}
    </select>
  );
}

export function SectionsPage({ ctx, rows, form, errors, notice }: { ctx: AdminContext; rows: SectionTreeRow[]; form: SectionForm; errors?: string[]; notice?: string | undefined }) {
  const languages = [...new Set(rows.map((r) => r.section.language))];
  return (
    <AdminLayout ctx={ctx} title="Sections">
      <div class="page-head">
        <h1>Sections</h1>
      </div>
      <Messages errors={errors} notice={notice} />
      {rows.length === 0 && <p class="empty">No sections yet: add the first one below.</p>}
      {languages.map((language) => (
        <table class="admin-table catalog-tree" key={language}>
          <caption>
            Sections{languages.length > 1 ? ` in ${languageName(language)}` : ''}, in the order readers see them; top-level sections form the site navigation
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Address on the site</th>
              <th scope="col">Stories</th>
              <th scope="col">Order</th>
            </tr>
          </thead>
          <tbody>
            {rows
              .filter((r) => r.section.language === language)
              .map((r) => (
                <tr key={r.section.id}>
                  <th scope="row" class={`tree-name tree-depth-${Math.min(r.depth, 6)}`}>
                    <a href={`/admin/sections/${r.section.id}`}>{r.section.name}</a>
                  </th>
                  <td>
                    <a href={r.path}>{r.path}</a>
                  </td>
                  <td>{r.articleCount}</td>
                  <td>
                    <MoveButtons ctx={ctx} row={r} from="list" />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      <section aria-labelledby="add-section-title">
        <h2 id="add-section-title">Add a section</h2>
        <form method="post" action="/admin/sections" class="catalog-form">
          <Csrf ctx={ctx} />
          <div class="field-grid">
            <NameAndSlugFields idPrefix="section" name={{ value: form.name }} slug={{ value: form.slug, label: 'the address segment; leave blank to make it from the name' }} />
            <div>
              <label for="section-parent">Inside</label>
              <ParentSelect id="section-parent" options={rows.map((r) => ({ id: r.section.id, trail: r.trail, language: r.section.language }))} value={form.parentId} />
              <p class="hint" id="section-parent-hint">
                A subsection appears last among its neighbours; use Up and Down to reorder.
              </p>
            </div>
            <div>
              <label for="section-language">Language (top-level sections only; a subsection takes its parent's)</label>
              <LanguageSelect id="section-language" value={form.language} />
            </div>
          </div>
          <label for="section-description">Description (shown on the section page and to search engines)</label>
          <textarea id="section-description" name="description" rows={2} maxLength={1000}>
            {form.description}
          </textarea>
          <div class="actions">
            <button type="submit" class="primary">
              Add section
            </button>
          </div>
        </form>
      </section>
    </AdminLayout>
  );
}

export function SectionEditPage({ ctx, row, form, parents, errors, notice }: { ctx: AdminContext; row: SectionTreeRow; form: SectionForm; parents: SectionOption[]; errors?: string[]; notice?: string | undefined }) {
  const s = row.section;
  return (
    <AdminLayout ctx={ctx} title={`Section: ${s.name}`}>
      <div class="page-head">
        <h1>Section: {s.name}</h1>
        <a href={row.path} class="button">
          View on site
        </a>
        <a href="/admin/sections">All sections</a>
      </div>
      <Messages errors={errors} notice={notice} />
      <form method="post" action={`/admin/sections/${s.id}`} class="catalog-form">
        <Csrf ctx={ctx} />
        <div class="field-grid">
          <NameAndSlugFields idPrefix="section" name={{ value: form.name }} slug={{ value: form.slug, label: 'the address segment', hint: 'Changing it changes the address of this section and of every story in it.' }} />
          <div>
            <label for="section-parent">Inside</label>
            <ParentSelect id="section-parent" options={parents} value={form.parentId} />
            <p class="hint" id="section-parent-hint">
              Moving it to another section puts it last there. Language: {languageName(s.language)}.
            </p>
          </div>
        </div>
        <label for="section-description">Description (shown on the section page and to search engines)</label>
        <textarea id="section-description" name="description" rows={3} maxLength={1000}>
          {form.description}
        </textarea>
        <div class="actions">
          <button type="submit" class="primary">
            Save section
          </button>
        </div>
      </form>
      <section aria-labelledby="order-title">
        <h2 id="order-title">Order</h2>
        <p class="hint">Moves this section before or after its neighbours{s.parentId === null ? ', which is the order of the site navigation' : ''}.</p>
        <MoveButtons ctx={ctx} row={row} from="edit" />
      </section>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">Delete</h2>
        <p class="hint">
          This section holds {count(row.articleCount, 'story', 'stories')} and {count(row.childCount, 'subsection', 'subsections')}. Only an empty section can be deleted.
        </p>
        <form method="post" action={`/admin/sections/${s.id}/delete`}>
          <Csrf ctx={ctx} />
          <button type="submit" class="danger">
            Delete section
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

export function TagsPage({ ctx, tags, q, limit, notice }: { ctx: AdminContext; tags: TagListRow[]; q: string; limit: number; notice?: string | undefined }) {
  return (
    <AdminLayout ctx={ctx} title="Tags">
      <div class="page-head">
        <h1>Tags</h1>
      </div>
      <Messages notice={notice} />
      <p class="hint">Tags are created from the story editor. Rename or delete them here.</p>
      <form method="get" action="/admin/tags" role="search" aria-label="Search tags" class="filters">
        <div>
          <label for="tag-q">Search by name or slug</label>
          <input id="tag-q" type="search" name="q" value={q} maxLength={120} />
        </div>
        <button type="submit">Search</button>
      </form>
      {tags.length === 0 ? (
        <p class="empty">{q ? 'No tag matches.' : 'No tags yet.'}</p>
      ) : (
        <table class="admin-table">
          <caption>
            Tags by name, with the number of stories carrying each{tags.length >= limit ? ` (the first ${limit}: search to narrow)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Tag page</th>
              <th scope="col">Stories</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  <a href={`/admin/tags/${t.id}`}>{t.name}</a>
                </th>
                <td>
                  <a href={`/tag/${t.slug}`}>/tag/{t.slug}</a>
                </td>
                <td>{t.articleCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export function TagEditPage({ ctx, tag, form, errors, notice }: { ctx: AdminContext; tag: TagListRow; form: TagForm; errors?: string[]; notice?: string | undefined }) {
  return (
    <AdminLayout ctx={ctx} title={`Tag: ${tag.name}`}>
      <div class="page-head">
        <h1>Tag: {tag.name}</h1>
        <a href={`/tag/${tag.slug}`} class="button">
          View on site
        </a>
        <a href="/admin/tags">All tags</a>
      </div>
      <Messages errors={errors} notice={notice} />
      <form method="post" action={`/admin/tags/${tag.id}`} class="catalog-form">
        <Csrf ctx={ctx} />
        <div class="field-grid">
          <NameAndSlugFields idPrefix="tag" name={{ value: form.name }} slug={{ value: form.slug, label: 'leave blank to make it from the name', hint: 'The tag page lives at /tag/<slug>: changing the slug changes that address.' }} />
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            Save tag
          </button>
        </div>
      </form>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">Delete</h2>
        <p class="hint">Deleting the tag takes it off {count(tag.articleCount, 'story', 'stories')}; the stories themselves stay.</p>
        <form method="post" action={`/admin/tags/${tag.id}/delete`}>
          <Csrf ctx={ctx} />
          <button type="submit" class="danger">
            Delete tag
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

export function AuthorsPage({ ctx, authors, notice }: { ctx: AdminContext; authors: AuthorListRow[]; notice?: string | undefined }) {
  return (
    <AdminLayout ctx={ctx} title="Authors">
      <div class="page-head">
        <h1>Authors</h1>
        <a href="/admin/authors/new" class="button primary">
          New author
        </a>
      </div>
      <Messages notice={notice} />
      {authors.length === 0 ? (
        <p class="empty">No authors yet.</p>
      ) : (
        <table class="admin-table">
          <caption>Bylines and their profile pages, by name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Profile page</th>
              <th scope="col">Stories</th>
            </tr>
          </thead>
          <tbody>
            {authors.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <a href={`/admin/authors/${a.id}`}>{a.name}</a>
                </th>
                <td>{a.role}</td>
                <td>
                  <a href={`/author/${a.slug}`}>/author/{a.slug}</a>
                </td>
                <td>{a.articleCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export function AuthorEditPage({ ctx, id, slug, form, images, photo, errors, notice }: { ctx: AdminContext; id: number | null; slug: string | null; form: AuthorForm; images: ImageOption[]; photo: MediaAsset | undefined; errors?: string[]; notice?: string | undefined }) {
  const isNew = id === null;
  const title = isNew ? 'New author' : `Author: ${form.name}`;
  // The stored links plus blank rows to add more, up to the limit (more if more were posted).
  const rows = [...form.links];
  while (rows.length < Math.min(MAX_AUTHOR_LINKS, form.links.length + 2)) rows.push({ label: '', url: '' });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <div class="page-head">
        <h1>{isNew ? 'New author' : `Author: ${form.name}`}</h1>
        {slug && (
          <a href={`/author/${slug}`} class="button">
            View profile page
          </a>
        )}
        <a href="/admin/authors">All authors</a>
      </div>
      <Messages errors={errors} notice={notice} />
      <form method="post" action={isNew ? '/admin/authors' : `/admin/authors/${id}`} class="catalog-form">
        <Csrf ctx={ctx} />
        <div class="field-grid">
          <NameAndSlugFields idPrefix="author" name={{ value: form.name }} slug={{ value: form.slug, label: 'the profile address; leave blank to make it from the name' }} />
          <div>
            <label for="author-role">Role (e.g. Middle East correspondent)</label>
            <input id="author-role" name="role" maxLength={120} value={form.role} />
          </div>
          <div>
            <label for="author-x">X handle (e.g. @newsdesk)</label>
            <input id="author-x" name="xHandle" maxLength={16} value={form.xHandle} autocomplete="off" />
          </div>
        </div>
        <label for="author-bio">Bio</label>
        <textarea id="author-bio" name="bio" rows={4} maxLength={2000}>
          {form.bio}
        </textarea>
        <div class="catalog-photo">
          <div>
            <label for="author-photo">Photo (from the media library)</label>
            <select id="author-photo" name="photoMediaId" aria-describedby="author-photo-hint">
              <option value="">No photo</option>
              {images.map((img) => (
                <option key={img.id} value={String(img.id)} selected={form.photoMediaId === String(img.id)}>
                  {img.label}
                </option>
              ))}
            </select>
            <p class="hint" id="author-photo-hint">
              Upload the portrait in <a href="/admin/media">Media</a> first, with alt text, then choose it here.
            </p>
          </div>
          {photo && <img src={`/media/${photo.key}/320.jpeg`} alt={photo.alt || `Current photo of ${form.name}`} width={160} height={Math.round((160 * photo.height) / photo.width)} />}
        </div>
        <fieldset class="catalog-links">
          <legend>Links to profiles elsewhere (https only, at most {MAX_AUTHOR_LINKS})</legend>
          {rows.map((l, i) => (
            <div class="catalog-link-row" key={i}>
              <div>
                <label for={`link-label-${i}`}>Label {i + 1}</label>
                <input id={`link-label-${i}`} name="linkLabel" maxLength={60} value={l.label} />
              </div>
              <div>
                <label for={`link-url-${i}`}>Address {i + 1}</label>
                <input id={`link-url-${i}`} name="linkUrl" type="url" placeholder="https://" maxLength={500} value={l.url} />
              </div>
            </div>
          ))}
          <p class="hint">Leave both fields of a row blank to remove that link. Save to get more rows.</p>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">
            {isNew ? 'Create author' : 'Save author'}
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}
