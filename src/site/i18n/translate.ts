/**
 * The reader site's words, per language, from message files (./messages/*.json, ICU
 * MessageFormat: plurals, numbers and dates follow the edition's locale). Views never
 * hold English text of their own: they ask `ctx.t('key', values)`.
 *
 * en.json is the reference: its keys are the type MessageKey, so a view cannot ask for a
 * message that does not exist, and a test checks every other file has the same keys and
 * placeholders.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { ComponentChild } from 'preact';
import type { Language } from '../../core/articles.js';
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type MessageValues = Record<string, string | number | Date>;
/** Values for a message with tags (`<link>home page</link>`): a tag is a function of its content. */
export type RichValues = Record<string, string | number | Date | ((chunks: ComponentChild[]) => ComponentChild)>;

export const MESSAGES: Record<Language, Partial<Messages>> = { en, es };

export interface Translate {
  (key: MessageKey, values?: MessageValues): string;
  /** A message with markup in it, as Preact children. */
  rich(key: MessageKey, values: RichValues): ComponentChild;
  readonly language: Language;
  readonly locale: string;
}

const translators = new Map<string, Translate>();

/** The translator of a language (kept: compiled messages are reused by every page). */
export function translator(language: Language, locale: string): Translate {
  const cacheKey = `${language}|${locale}`;
  const existing = translators.get(cacheKey);
  if (existing) return existing;
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const own = MESSAGES[language];
  const format = (key: MessageKey): IntlMessageFormat => {
    let f = compiled.get(key);
    if (!f) {
      // A message not yet translated shows in English rather than as its key.
      const source = own[key] ?? en[key];
      f = new IntlMessageFormat(source, own[key] === undefined ? 'en' : locale);
      compiled.set(key, f);
    }
    return f;
  };
  // A message without values reads the same every time: format it once (a page asks for
  // about a hundred, and formatting showed in the cache-miss profile).
  const plain = new Map<MessageKey, string>();
  const t = ((key: MessageKey, values?: MessageValues) => {
    if (values !== undefined) return String(format(key).format(values));
    let text = plain.get(key);
    if (text === undefined) {
      text = String(format(key).format());
      plain.set(key, text);
    }
    return text;
  }) as Translate;
  Object.assign(t, {
    rich: (key: MessageKey, values: RichValues) => format(key).format<ComponentChild>(values) as ComponentChild,
    language,
    locale,
  });
  translators.set(cacheKey, t);
  return t;
}
