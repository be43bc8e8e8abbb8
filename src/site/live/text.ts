/**
 * The live pages' words, from their own message files (i18n/messages/live.<language>.json,
 * ICU MessageFormat like the site's). Kept apart until they are merged into the edition's
 * message files; then `liveText(ctx, key)` becomes `ctx.t(key)`. live.en.json is the
 * reference: its keys are LiveKey, so a view cannot ask for a message that does not exist.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { ComponentChild } from 'preact';
import type { Language } from '../../core/articles.js';
import type { MessageValues, RichValues } from '../i18n/translate.js';
import en from '../i18n/messages/live.en.json' with { type: 'json' };
import es from '../i18n/messages/live.es.json' with { type: 'json' };

export type LiveKey = keyof typeof en;

export const LIVE_MESSAGES: Record<Language, Partial<Record<LiveKey, string>>> = { en, es };

/** What the helpers need of a page context. */
export interface TextContext {
  language: Language;
  edition: { locale: string };
}

const compiled = new Map<string, IntlMessageFormat>();

function format(ctx: TextContext, key: LiveKey): IntlMessageFormat {
  const cacheKey = `${ctx.language}|${ctx.edition.locale}|${key}`;
  let f = compiled.get(cacheKey);
  if (!f) {
    const own = LIVE_MESSAGES[ctx.language][key];
    // A message not yet translated shows in English rather than as its key.
    f = new IntlMessageFormat(own ?? en[key], own === undefined ? 'en' : ctx.edition.locale);
    compiled.set(cacheKey, f);
  }
  return f;
}

export function liveText(ctx: TextContext, key: LiveKey, values?: MessageValues): string {
  return String(format(ctx, key).format(values));
}

/** A message with markup (`<home>home page</home>`), as Preact children. */
export function liveRich(ctx: TextContext, key: LiveKey, values: RichValues): ComponentChild {
  return format(ctx, key).format<ComponentChild>(values) as ComponentChild;
}
