/**
 * Live coverage: a story's timestamped updates (docs/live-blog.md). An update's body is the
 * same rich-text document as an article body (core/richtext.ts), limited to what a quick
 * update needs: paragraphs with line breaks, bold, italic and links. The newsroom writes it
 * as text with light markup (`**bold**`, `*italic*`, `[text](https://...)`, a blank line
 * between paragraphs); `textToDocument` turns that into the document, `documentToText` back.
 */
import type { InlineNode, Mark, ParagraphNode, RichTextDocument } from './richtext.js';
import { InvalidDocumentError, documentToPlainText, parseDocument } from './richtext.js';

export const LIVE_UPDATE_LIMITS = { headline: 200, body: 10_000 } as const;

/** How many updates an article page shows before "Load older updates". */
export const LIVE_UPDATES_PER_PAGE = 20;

export interface LiveUpdate {
  id: number;
  articleId: number;
  headline: string | null;
  body: RichTextDocument;
  pinned: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
}

/** What a story's live coverage is: on (a live blog), ended, or never started. */
export interface LiveCoverage {
  /** 1 in the database: the story is a live blog now. */
  live: boolean;
  /** Embed the edition's live TV player at the top of the live blog. */
  player: boolean;
  startedAt: string | null;
  endedAt: string | null;
}

/** Text as people type it: NFC, no control characters (tabs and newlines kept), trimmed lines. */
export function normaliseUpdateText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f]/g, '')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * `**bold**`, `*italic*` and `[text](url)` inside one line; nesting is not supported. Also
 * reads the demo newsroom's paragraphs (seed/demo-to-doc.ts).
 */
export function parseInline(text: string): InlineNode[] {
  const out: InlineNode[] = [];
  const pattern = /\*\*([^*\n]+)\*\*|\*([^*\n]+)\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  const push = (t: string, marks?: Mark[]) => {
    if (t) out.push(marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
  };
  for (const m of text.matchAll(pattern)) {
    push(text.slice(last, m.index));
    if (m[1] !== undefined) push(m[1], [{ type: 'bold' }]);
    else if (m[2] !== undefined) push(m[2], [{ type: 'italic' }]);
    else if (m[3] !== undefined && m[4] !== undefined) push(m[3], [{ type: 'link', attrs: { href: m[4] } }]);
    last = m.index + m[0].length;
  }
  push(text.slice(last));
  return out;
}

/** The newsroom's text (light markup) as a rich-text document. Not validated: see `parseDocument`. */
export function textToDocument(text: string): RichTextDocument {
  const paragraphs = normaliseUpdateText(text)
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p): ParagraphNode => {
      const content: InlineNode[] = [];
      p.split('\n').forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' });
        content.push(...parseInline(line));
      });
      return { type: 'paragraph', content };
    });
  return { type: 'doc', content: paragraphs };
}

function inlineToText(nodes: readonly InlineNode[] | undefined): string {
  return (nodes ?? [])
    .map((n) => {
      if (n.type === 'hardBreak') return '\n';
      let t = n.text;
      for (const mark of n.marks ?? []) {
        if (mark.type === 'bold') t = `**${t}**`;
        else if (mark.type === 'italic') t = `*${t}*`;
      }
      const link = n.marks?.find((m) => m.type === 'link');
      return link && link.type === 'link' ? `[${t}](${link.attrs.href})` : t;
    })
    .join('');
}

/** A stored body back as the text the newsroom edits (paragraphs and inline markup). */
export function documentToText(doc: RichTextDocument): string {
  return doc.content
    .map((b) => (b.type === 'paragraph' || b.type === 'heading' ? inlineToText(b.content) : documentToPlainText({ type: 'doc', content: [b] })))
    .filter(Boolean)
    .join('\n\n');
}

export interface LiveUpdateInput {
  headline: string;
  text: string;
}

/** A checked update: the headline (null when empty) and the body document, or the problems. */
export function validateLiveUpdate(input: LiveUpdateInput): { ok: true; headline: string | null; body: RichTextDocument } | { ok: false; issues: string[] } {
  const issues: string[] = [];
  const headline = normaliseUpdateText(input.headline).replace(/\s+/g, ' ');
  const text = normaliseUpdateText(input.text);
  if (headline.length > LIVE_UPDATE_LIMITS.headline) issues.push(`Headline: at most ${LIVE_UPDATE_LIMITS.headline} characters (this one has ${headline.length}).`);
  if (text === '') issues.push('Text: write the update (the headline alone is not enough).');
  if (text.length > LIVE_UPDATE_LIMITS.body) issues.push(`Text: at most ${LIVE_UPDATE_LIMITS.body} characters (this one has ${text.length}); split it into two updates.`);
  let body: RichTextDocument | undefined;
  if (text !== '' && text.length <= LIVE_UPDATE_LIMITS.body) {
    try {
      body = parseDocument(textToDocument(text));
    } catch (err) {
      if (!(err instanceof InvalidDocumentError)) throw err;
      issues.push(err.issues.some((i) => i.includes('link')) ? 'Text: links must start with https://, http:// or mailto:, or be a path on this site.' : `Text: ${err.issues[0] ?? 'not valid'}.`);
    }
  }
  if (issues.length > 0 || !body) return { ok: false, issues };
  return { ok: true, headline: headline === '' ? null : headline, body };
}

/** Plain text of an update (JSON-LD articleBody, feeds). */
export const updatePlainText = (u: Pick<LiveUpdate, 'body'>): string => documentToPlainText(u.body);
