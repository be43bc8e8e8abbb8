/** The story page's "Translations" panel: its versions in the other editions, link, unlink, start one. */
import type { Edition } from '../../core/editions.js';
import type { TranslationMember } from '../../storage/repositories/translations.js';
import type { AdminContext } from './AdminLayout.js';
import { Csrf } from './AdminLayout.js';

export interface TranslationPanelModel {
  articleId: number;
  language: string;
  members: TranslationMember[];
  /** Editions this story has no version in yet. */
  missing: Edition[];
  editionName: (language: string) => string;
  canEdit: boolean;
}

export function TranslationPanel({ ctx, m }: { ctx: AdminContext; m: TranslationPanelModel }) {
  const base = `/admin/articles/${m.articleId}/translations`;
  return (
    <section class="translations" aria-labelledby="translations-title">
      <h2 id="translations-title">Translations</h2>
      <p class="hint">Linked versions show readers a “Read in …” link and tell search engines they are the same story (hreflang).</p>
      {m.members.length === 0 ? (
        <p>This story is not linked to a version in another edition.</p>
      ) : (
        <ul>
          {m.members.map((t) => (
            <li key={t.id}>
              {m.editionName(t.language)}: <a href={`/admin/articles/${t.id}`}>{t.headline}</a> ({t.status})
            </li>
          ))}
        </ul>
      )}
      {m.canEdit && (
        <>
          {m.missing.map((e) => (
            <form key={e.language} method="post" action={`${base}/start`} class="inline-form">
              <Csrf ctx={ctx} />
              <input type="hidden" name="language" value={e.language} />
              <button type="submit">Start the {e.name} version</button>
            </form>
          ))}
          <form method="post" action={base}>
            <Csrf ctx={ctx} />
            <label for="translation-of">Link an existing story in another edition (its number or its address)</label>
            <input id="translation-of" name="other" required maxLength={500} placeholder="e.g. 42 or /es/noticias/..." />
            <button type="submit">Link</button>
          </form>
          {m.members.length > 0 && (
            <form method="post" action={`${base}/unlink`}>
              <Csrf ctx={ctx} />
              <button type="submit" class="danger">
                Unlink this story from its translations
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
