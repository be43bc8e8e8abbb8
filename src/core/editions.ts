/**
 * Language editions: the site in English and Spanish, each with its own home, sections,
 * navigation, feeds, search and schedule. The first configured edition lives at the root
 * (`/`); every other one under its language code (`/es`). Adding an edition is a matter of
 * configuration (EDITIONS) once its language has a message file and a stemmer.
 */
import type { Language } from './articles.js';
import { LANGUAGES } from './articles.js';

export interface Edition {
  language: Language;
  /** '' for the default edition, '/es' for the others: prepended to every reader URL. */
  prefix: '' | `/${string}`;
  /** BCP 47 locale for Intl (dates, numbers). */
  locale: string;
  /** Open Graph locale, e.g. en_GB. */
  ogLocale: string;
  /** The edition's name in its own language, for the edition switcher. */
  name: string;
}

const LOCALES: Record<Language, { locale: string; ogLocale: string; name: string }> = {
  en: { locale: 'en-GB', ogLocale: 'en_GB', name: 'English' },
  es: { locale: 'es-419', ogLocale: 'es_LA', name: 'Español' },
};

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** Editions from a list of languages, the first being the default (served at `/`). */
export function buildEditions(languages: readonly Language[]): Edition[] {
  return languages.map((language, i) => ({ language, prefix: i === 0 ? '' : `/${language}`, ...LOCALES[language] }));
}

/** A site path inside an edition: editionPath(es, '/') = '/es', editionPath(es, '/tag/x') = '/es/tag/x'. */
export function editionPath(edition: Pick<Edition, 'prefix'>, path: string): string {
  if (path === '/' || path === '') return edition.prefix || '/';
  return `${edition.prefix}${path}`;
}

/** Look-ups over the configured editions. */
export class Editions {
  readonly all: readonly Edition[];
  readonly default: Edition;
  private readonly byLanguage: Map<Language, Edition>;

  constructor(languages: readonly Language[]) {
    if (languages.length === 0) throw new Error('at least one edition is needed');
    this.all = buildEditions(languages);
    this.default = this.all[0] as Edition;
    this.byLanguage = new Map(this.all.map((e) => [e.language, e]));
  }

  /** The edition of a language; a language without an edition falls back to the default one. */
  of(language: string): Edition {
    return (isLanguage(language) ? this.byLanguage.get(language) : undefined) ?? this.default;
  }

  has(language: string): boolean {
    return isLanguage(language) && this.byLanguage.has(language);
  }

  /** The URL prefix of a language's edition ('' or '/es'). */
  prefix(language: string): Edition['prefix'] {
    return this.of(language).prefix;
  }

  /** Which edition a request path belongs to, and the path inside it. */
  fromPath(path: string): { edition: Edition; rest: string } {
    for (const e of this.all) {
      if (e.prefix && (path === e.prefix || path.startsWith(`${e.prefix}/`))) return { edition: e, rest: path.slice(e.prefix.length) || '/' };
    }
    return { edition: this.default, rest: path };
  }
}
