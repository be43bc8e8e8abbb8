/**
 * The liveblog island's words: the server puts these messages (ICU MessageFormat, from the
 * site's message files) in the section's data-messages; the island formats them with the
 * comments island's small formatter. No DOM here: the server imports the key list.
 */
import { formatText } from '../comments/icu.js';
import type { Values } from '../comments/icu.js';

export const LIVEBLOG_ISLAND_KEYS = ['liveblog.live', 'liveblog.count', 'liveblog.newUpdates', 'liveblog.showNew', 'liveblog.editedNotice', 'liveblog.removedNotice', 'liveblog.endedNotice'] as const;

export type LiveBlogKey = (typeof LIVEBLOG_ISLAND_KEYS)[number];

let current: { locale: string; messages: Record<string, string> } | undefined;

/** Reads data-messages; false when missing or incomplete (the island then stays off). */
export function loadMessages(raw: string | undefined): boolean {
  try {
    const data = JSON.parse(raw ?? 'null') as unknown;
    if (typeof data !== 'object' || data === null) return false;
    const { locale, messages } = data as { locale?: unknown; messages?: unknown };
    if (typeof locale !== 'string' || typeof messages !== 'object' || messages === null) return false;
    const given = messages as Record<string, unknown>;
    if (!LIVEBLOG_ISLAND_KEYS.every((key) => typeof given[key] === 'string')) return false;
    current = { locale, messages: given as Record<string, string> };
    return true;
  } catch {
    return false;
  }
}

export function t(key: LiveBlogKey, values?: Values): string {
  const source = current?.messages[key];
  if (!current || source === undefined) return '';
  try {
    return formatText(source, current.locale, values);
  } catch {
    return '';
  }
}
