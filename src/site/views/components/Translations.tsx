/**
 * Links to a story's translations in the other editions. Each link speaks the language it
 * leads to ("Read in English" on the Spanish page, "Leer en español" on the English one), so
 * its words come from that language's message file, not from the page's.
 */
import { Fragment } from 'preact';
import type { Language } from '../../../core/articles.js';
import { LANGUAGES } from '../../../core/articles.js';
import { Editions } from '../../../core/editions.js';
import type { Translation } from '../../../services/reading.js';
import { translator } from '../../i18n/translate.js';

const ALL = new Editions(LANGUAGES);

/** "Read in English", "Leer en español": the invitation in the language it invites to. */
export const readIn = (language: Language): string => translator(language, ALL.of(language).locale)('edition.readIn');

/** `lite`: the links go to the lite copies of the translations. */
export function TranslationLinks({ translations, lite = false }: { translations: readonly Translation[]; lite?: boolean }) {
  if (translations.length === 0) return null;
  return (
    <p class="article-translations">
      {translations.map((tr, i) => (
        <Fragment key={tr.language}>
          {i > 0 && ' · '}
          <a href={lite ? `/lite${tr.url}` : tr.url} hreflang={tr.language} lang={tr.language} title={tr.headline}>
            {readIn(tr.language)}
          </a>
        </Fragment>
      ))}
    </p>
  );
}
