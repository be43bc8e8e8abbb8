import type { MediaAsset } from '../../core/media.js';
import type { MediaUsage } from '../../services/media-library.js';
import type { AdminContext } from './AdminLayout.js';
import { AdminLayout, Csrf, Messages } from './AdminLayout.js';

const thumb = (m: MediaAsset) => `/media/${m.key}/320.jpeg`;

export function MediaListPage({ ctx, items, q, errors, notice, uploadScript, maxMb }: { ctx: AdminContext; items: MediaAsset[]; q: string; errors?: string[]; notice?: string | undefined; uploadScript: { url: string; integrity: string }; maxMb: number }) {
  return (
    <AdminLayout ctx={ctx} title="Media">
      <script type="module" src={uploadScript.url} integrity={uploadScript.integrity} />
      <div class="page-head">
        <h1>Media library</h1>
      </div>
      <Messages errors={errors} notice={notice} />
      <form method="post" action="/admin/media" enctype="multipart/form-data" class="upload-form" id="upload-form">
        <Csrf ctx={ctx} />
        <div class="drop-zone" id="drop-zone">
          <label for="files">Upload images: choose files or drop them here (JPEG, PNG, WebP or AVIF, up to {maxMb} MB each)</label>
          <input id="files" name="files" type="file" accept="image/jpeg,image/png,image/webp,image/avif" multiple required />
          <button type="submit" class="primary">Upload</button>
        </div>
        <ul id="upload-progress" class="upload-progress" aria-live="polite" />
      </form>
      <form method="get" action="/admin/media" role="search" aria-label="Search images" class="filters">
        <label>
          Search alt text, caption and credit <input type="search" name="q" value={q} />
        </label>
        <button type="submit">Search</button>
      </form>
      {items.length === 0 ? (
        <p class="empty">No images found.</p>
      ) : (
        <ul class="media-grid">
          {items.map((m) => (
            <li key={m.id}>
              <a href={`/admin/media/${m.id}`}>
                <img src={thumb(m)} alt={m.alt || 'Image without alt text'} width={320} height={Math.round((320 * m.height) / m.width)} loading="lazy" />
                <span>
                  #{m.id} {m.alt ? '' : '(needs alt text)'}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

export function MediaEditPage({ ctx, m, usage, canDelete, errors, notice }: { ctx: AdminContext; m: MediaAsset; usage: MediaUsage[]; canDelete: boolean; errors?: string[]; notice?: string | undefined }) {
  return (
    <AdminLayout ctx={ctx} title={`Image #${m.id}`}>
      <div class="page-head">
        <h1>Image #{m.id}</h1>
        <a href="/admin/media">Back to the library</a>
      </div>
      <Messages errors={errors} notice={notice} />
      <div class="media-edit">
        <img src={`/media/${m.key}/640.jpeg`} alt={m.alt} width={640} height={Math.round((640 * m.height) / m.width)} />
        <form method="post" action={`/admin/media/${m.id}`}>
          <Csrf ctx={ctx} />
          <p>
            {m.width} x {m.height} pixels, {m.mime}
          </p>
          <label for="alt">Alt text (what the image shows, for people who cannot see it)</label>
          <textarea id="alt" name="alt" rows={2} maxLength={500}>
            {m.alt}
          </textarea>
          <label for="caption">Caption</label>
          <textarea id="caption" name="caption" rows={2} maxLength={1000}>
            {m.caption}
          </textarea>
          <label for="credit">Credit (e.g. Photo: Reuters)</label>
          <input id="credit" name="credit" maxLength={300} value={m.credit} />
          <div class="field-grid">
            <div>
              <label for="focalX">Focal point across (0 = left, 1 = right)</label>
              <input id="focalX" name="focalX" type="number" min="0" max="1" step="0.05" value={String(m.focalX)} />
            </div>
            <div>
              <label for="focalY">Focal point down (0 = top, 1 = bottom)</label>
              <input id="focalY" name="focalY" type="number" min="0" max="1" step="0.05" value={String(m.focalY)} />
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="primary">Save</button>
          </div>
        </form>
      </div>
      <section aria-labelledby="usage-title">
        <h2 id="usage-title">Used in</h2>
        {usage.length === 0 ? (
          <p class="hint">Nothing uses this image.</p>
        ) : (
          <ul>
            {usage.map((u) => (
              <li key={`${u.id}-${u.as}`}>
                <a href={u.as === 'author photo' ? `/admin/authors/${u.id}` : `/admin/articles/${u.id}`}>{u.headline}</a> ({u.as === 'lead' ? 'lead image' : u.as === 'inline' ? 'in the body' : u.as})
              </li>
            ))}
          </ul>
        )}
        {canDelete && (
          <form method="post" action={`/admin/media/${m.id}/delete`}>
            <Csrf ctx={ctx} />
            <button type="submit" class="danger" disabled={usage.length > 0}>
              Delete image
            </button>
            {usage.length > 0 && <p class="hint">An image in use cannot be deleted: replace it where it is used first.</p>}
          </form>
        )}
      </section>
    </AdminLayout>
  );
}
