/**
 * The island's words, in the page's language. The server renders them into the comments
 * section from the edition's message file (src/site/i18n/messages/*.json):
 * `data-messages='{"locale":"es-419","messages":{"comments.staff":"Redacción",…}}'`, the
 * ICU sources of ISLAND_KEYS. The island holds no text of its own: without them it does
 * not start, and the plain links and forms do the work.
 */
import { formatNumber, formatParts, formatText } from './icu.js';
import type { Tags, Values } from './icu.js';

/** Every message the island uses (the server sends exactly these; its type checks they exist). */
export const ISLAND_KEYS = [
  'comments.staff',
  'comments.commentingAs',
  'comments.edit',
  'comments.delete',
  'comments.follow',
  'comments.following',
  'comments.repliesTo',
  'comments.pendingTitle',
  'comments.more',
  'comments.formTitle',
  'comments.yourComment',
  'comments.post',
  'comments.replyTo',
  'comments.yourReply',
  'comments.postReply',
  'comments.cancelReply',
  'comments.island.deleteConfirm',
  'comments.island.likeFailed',
  'comments.island.moreLoaded',
  'comments.island.repliesLoaded',
  'comments.island.sorted',
  'comments.island.ownPublished',
  'comments.island.newFrom',
  'comments.island.parentRemoved',
  'comments.island.postFailed',
  'comments.island.unexpected',
  'comments.island.offline',
  'comments.island.httpError',
] as const;

export type IslandKey = (typeof ISLAND_KEYS)[number];

/** What the server puts in data-messages. */
export interface IslandMessages {
  locale: string;
  messages: Record<IslandKey, string>;
}

let current: IslandMessages | undefined;

/** Reads the section's data-messages; false when they are missing or incomplete (the island then stays off). */
export function loadMessages(section: HTMLElement): boolean {
  try {
    const data = JSON.parse(section.dataset.messages ?? 'null') as unknown;
    if (typeof data !== 'object' || data === null) return false;
    const { locale, messages } = data as { locale?: unknown; messages?: unknown };
    if (typeof locale !== 'string' || typeof messages !== 'object' || messages === null) return false;
    const given = messages as Record<string, unknown>;
    if (!ISLAND_KEYS.every((key) => typeof given[key] === 'string')) return false;
    current = { locale, messages: given as Record<IslandKey, string> };
    return true;
  } catch {
    return false;
  }
}

/** A message as text: t('comments.island.newFrom', { author }). */
export function t(key: IslandKey, values?: Values): string {
  if (!current) return '';
  try {
    return formatText(current.messages[key], current.locale, values);
  } catch {
    return '';
  }
}

/** A message with tags, as DOM children: rich('comments.edit', {}, { hidden: (c) => el('span', …, c) }). */
export function rich(key: IslandKey, values: Values, tags: Tags<Node>): Array<string | Node> {
  if (!current) return [];
  try {
    return formatParts(current.messages[key], current.locale, values, tags);
  } catch {
    return [];
  }
}

/** A number as readers of this edition write it (like counts). */
export const number = (n: number): string => (current ? formatNumber(n, current.locale) : String(n));
