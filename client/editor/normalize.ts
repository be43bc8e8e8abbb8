/**
 * Converts TipTap's JSON (`editor.getJSON()`, or whatever sits in the hidden input) into the
 * stored body format of src/core/richtext.ts, which `parseDocument` checks with strict
 * objects. It rebuilds every node from an allow-list, so TipTap's extra attributes
 * (`textAlign: null`, the link's `target`/`rel`/`class`, an ordered list's `start`) and empty
 * values never reach the server. Pure and DOM-free: the e2e test runs it in Node too.
 */
import type { BlockNode, InlineNode, ListItemNode, Mark, ParagraphNode, RichTextDocument } from '../../src/core/richtext.js';
import { parseEmbedUrl } from '../../src/core/embeds.js';
import { isSafeHref } from './links.js';

type Json = Record<string, unknown>;

/** The schema's ceilings for single values (src/core/richtext.ts). */
export const LIMITS = { text: 20_000, pullQuote: 600, attribution: 300, alt: 500, caption: 1_000, credit: 300, href: 2_048 } as const;

const asObject = (value: unknown): Json | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const typeOf = (value: unknown): string | undefined => {
  const type = asObject(value)?.type;
  return typeof type === 'string' ? type : undefined;
};

/** A trimmed, non-empty string cut to `max` characters, or undefined. */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text ? text.slice(0, max) : undefined;
}

/** A positive integer id from a number or a digit string (HTML attributes), or undefined. */
export function positiveId(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function normaliseMarks(value: unknown): Mark[] {
  const marks: Mark[] = [];
  const seen = new Set<string>();
  for (const raw of asArray(value)) {
    const type = typeOf(raw);
    if (!type || seen.has(type)) continue;
    if (type === 'bold' || type === 'italic') {
      marks.push({ type });
    } else if (type === 'link') {
      const href = cleanText(asObject(asObject(raw)?.attrs)?.href, Number.POSITIVE_INFINITY);
      if (!href || href.length > LIMITS.href || !isSafeHref(href)) continue;
      marks.push({ type: 'link', attrs: { href } });
    } else {
      continue;
    }
    seen.add(type);
  }
  return marks;
}

/** Splits text longer than the schema allows per node, without cutting a surrogate pair. */
function chunks(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > LIMITS.text) {
    let cut = LIMITS.text;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

function normaliseInline(value: unknown): InlineNode[] {
  const out: InlineNode[] = [];
  for (const raw of asArray(value)) {
    const node = asObject(raw);
    const type = typeOf(raw);
    if (type === 'hardBreak') {
      out.push({ type: 'hardBreak' });
    } else if (type === 'text' && typeof node?.text === 'string' && node.text.length > 0) {
      const marks = normaliseMarks(node.marks);
      for (const text of chunks(node.text)) out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
    }
  }
  return out;
}

function paragraph(content: InlineNode[]): ParagraphNode {
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** The paragraphs inside any node: flattens headings, nested lists and quotes into paragraphs. */
function toParagraphs(value: unknown): ParagraphNode[] {
  const node = asObject(value);
  switch (typeOf(value)) {
    case 'paragraph':
    case 'heading':
    case 'codeBlock':
      return [paragraph(normaliseInline(node?.content))];
    case 'text':
    case 'hardBreak':
      return [];
    case 'pullQuote': {
      const text = cleanText(asObject(node?.attrs)?.text, LIMITS.text);
      return text ? [paragraph([{ type: 'text', text }])] : [];
    }
    default:
      return asArray(node?.content).flatMap(toParagraphs);
  }
}

function paragraphsOrEmpty(value: unknown): ParagraphNode[] {
  const paragraphs = asArray(asObject(value)?.content).flatMap(toParagraphs);
  return paragraphs.length ? paragraphs : [{ type: 'paragraph' }];
}

function headingLevel(value: unknown): 2 | 3 | 4 {
  const level = asObject(asObject(value)?.attrs)?.level;
  if (level === 3 || level === 4) return level;
  return typeof level === 'number' && level > 4 ? 4 : 2;
}

function normaliseBlock(value: unknown): BlockNode[] {
  const node = asObject(value);
  const attrs = asObject(node?.attrs) ?? {};
  switch (typeOf(value)) {
    case 'paragraph':
      return [paragraph(normaliseInline(node?.content))];
    case 'heading': {
      const content = normaliseInline(node?.content);
      const level = headingLevel(value);
      return [content.length ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } }];
    }
    case 'bulletList':
    case 'orderedList': {
      const items: ListItemNode[] = asArray(node?.content)
        .filter((item) => typeOf(item) === 'listItem')
        .map((item) => ({ type: 'listItem', content: paragraphsOrEmpty(item) }));
      if (!items.length) return [];
      return [{ type: typeOf(value) === 'orderedList' ? 'orderedList' : 'bulletList', content: items }];
    }
    case 'blockquote': {
      const attribution = cleanText(attrs.attribution, LIMITS.attribution);
      const content = paragraphsOrEmpty(value);
      return [attribution ? { type: 'blockquote', attrs: { attribution }, content } : { type: 'blockquote', content }];
    }
    case 'pullQuote': {
      const text = cleanText(attrs.text, LIMITS.pullQuote);
      if (!text) return [];
      const attribution = cleanText(attrs.attribution, LIMITS.attribution);
      return [{ type: 'pullQuote', attrs: attribution ? { text, attribution } : { text } }];
    }
    case 'figure': {
      const mediaId = positiveId(attrs.mediaId);
      if (!mediaId) return [];
      const figure: { mediaId: number; alt?: string; caption?: string; credit?: string } = { mediaId };
      const alt = cleanText(attrs.alt, LIMITS.alt);
      const caption = cleanText(attrs.caption, LIMITS.caption);
      const credit = cleanText(attrs.credit, LIMITS.credit);
      if (alt) figure.alt = alt;
      if (caption) figure.caption = caption;
      if (credit) figure.credit = credit;
      return [{ type: 'figure', attrs: figure }];
    }
    case 'relatedArticle': {
      const articleId = positiveId(attrs.articleId);
      return articleId ? [{ type: 'relatedArticle', attrs: { articleId } }] : [];
    }
    case 'embed': {
      const url = cleanText(attrs.url, LIMITS.href);
      if (!url || !parseEmbedUrl(url)) return [];
      const caption = cleanText(attrs.caption, LIMITS.caption);
      return [{ type: 'embed', attrs: caption ? { url, caption } : { url } }];
    }
    default:
      // Anything else (an old code block, a rule) keeps its words as paragraphs.
      return toParagraphs(value);
  }
}

const isEmptyParagraph = (block: BlockNode | undefined): boolean => block?.type === 'paragraph' && !block.content?.length;

/** The stored form of an editor document. Never throws: unusable input gives an empty body. */
export function normaliseDocument(value: unknown): RichTextDocument {
  const content = typeOf(value) === 'doc' ? asArray(asObject(value)?.content).flatMap(normaliseBlock) : [];
  // The editor keeps an empty paragraph after a final image or quote so there is somewhere to type.
  while (isEmptyParagraph(content[content.length - 1])) content.pop();
  return { type: 'doc', content };
}

/** Reads the hidden input's JSON; anything unparseable starts an empty document. */
export function parseStoredBody(json: string): RichTextDocument {
  try {
    return normaliseDocument(JSON.parse(json) as unknown);
  } catch {
    return { type: 'doc', content: [] };
  }
}
