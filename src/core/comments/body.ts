/**
 * What a reader writes. Comments are plain text with a little formatting (paragraphs,
 * **bold**, *italic*, > quotes, links), never HTML: the stored form is the normalised text,
 * and pages render it through `parseCommentText` into nodes that Preact escapes. Pasted
 * markup is therefore just text, and there is no HTML for a sanitiser to get wrong.
 */
import { isSafeHref } from '../links.js';

export const COMMENT_LIMITS = { minLength: 2, maxLength: 5_000, maxLinks: 10 } as const;

export type CommentInline =
  | { type: 'text'; text: string; bold?: true; italic?: true }
  | { type: 'link'; href: string; text: string }
  | { type: 'break' };

export type CommentBlock = { type: 'paragraph' | 'quote'; content: CommentInline[] };

// Bidirectional overrides and isolates can make text display as something other than what
// it is ("unicode tricks"); zero-width characters hide words from filters.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** The text as it is stored: NFC, no control or invisible characters, at most one blank line in a row. */
export function normaliseCommentText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/gi;
const INLINE_PATTERN = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]{1,2000})\)|\*\*([^*\n]+)\*\*|\*([^*\n]+)\*|(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;

/** Links a comment carries: for "links need approval" and the spam score. */
export function commentLinks(text: string): string[] {
  const links = new Set<string>();
  for (const m of text.matchAll(/\[[^\]\n]{1,200}\]\((https?:\/\/[^\s)]{1,2000})\)/g)) if (m[1]) links.add(m[1]);
  for (const m of text.replace(/\[[^\]\n]{1,200}\]\([^)]*\)/g, '').matchAll(URL_PATTERN)) links.add(m[0]);
  return [...links];
}

function parseInline(line: string): CommentInline[] {
  const out: CommentInline[] = [];
  let last = 0;
  const text = (t: string, marks: { bold?: true; italic?: true } = {}) => {
    if (t) out.push({ type: 'text', text: t, ...marks });
  };
  for (const m of line.matchAll(INLINE_PATTERN)) {
    text(line.slice(last, m.index));
    const [whole, linkText, linkHref, bold, italic, bare] = m;
    if (linkText !== undefined && linkHref !== undefined) {
      if (isSafeHref(linkHref)) out.push({ type: 'link', href: linkHref, text: linkText });
      else text(whole);
    } else if (bold !== undefined) text(bold, { bold: true });
    else if (italic !== undefined) text(italic, { italic: true });
    else if (bare !== undefined) {
      if (isSafeHref(bare)) out.push({ type: 'link', href: bare, text: bare });
      else text(bare);
    }
    last = m.index + whole.length;
  }
  text(line.slice(last));
  return out;
}

function linesToInline(lines: string[]): CommentInline[] {
  return lines.flatMap((line, i) => (i === 0 ? parseInline(line) : [{ type: 'break' as const }, ...parseInline(line)]));
}

/** Paragraphs and quotes, as the page renders them. */
export function parseCommentText(stored: string): CommentBlock[] {
  const blocks: CommentBlock[] = [];
  for (const chunk of stored.split(/\n{2,}/)) {
    const lines = chunk.split('\n');
    // A block whose every line starts with ">" is a quote of another reader or the story.
    if (lines.every((l) => /^>\s?/.test(l))) blocks.push({ type: 'quote', content: linesToInline(lines.map((l) => l.replace(/^>\s?/, ''))) });
    else blocks.push({ type: 'paragraph', content: linesToInline(lines) });
  }
  return blocks.filter((b) => b.content.length > 0);
}

/** Plain words, for length checks, filters and the classifier: formatting marks removed. */
export function commentPlainText(stored: string): string {
  return parseCommentText(stored)
    .flatMap((b) => b.content.map((n) => (n.type === 'break' ? '\n' : n.text)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
