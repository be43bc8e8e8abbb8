/**
 * The structured body of an article. It follows the ProseMirror/TipTap JSON shape so the
 * newsroom editor can store exactly what the reader site renders, with no HTML in between.
 * Anything not described here is rejected on write (see `parseDocument`).
 */
import { z } from 'zod';
import { parseEmbedUrl } from './embeds.js';
import { isSafeHref } from './links.js';

export { LINK_PROTOCOLS, isSafeHref } from './links.js';

const href = z.string().trim().min(1).max(2048).refine(isSafeHref, { message: 'link must be http(s), mailto or a site path' });

const boldMark = z.object({ type: z.literal('bold') }).strict();
const italicMark = z.object({ type: z.literal('italic') }).strict();
const linkMark = z.object({ type: z.literal('link'), attrs: z.object({ href }).strict() }).strict();
export const markSchema = z.discriminatedUnion('type', [boldMark, italicMark, linkMark]);

const textNode = z.object({ type: z.literal('text'), text: z.string().min(1).max(20_000), marks: z.array(markSchema).max(3).optional() }).strict();
const hardBreak = z.object({ type: z.literal('hardBreak') }).strict();
export const inlineSchema = z.discriminatedUnion('type', [textNode, hardBreak]);
const inlineContent = z.array(inlineSchema).max(2_000);

const paragraph = z.object({ type: z.literal('paragraph'), content: inlineContent.optional() }).strict();
const heading = z.object({ type: z.literal('heading'), attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }).strict(), content: inlineContent.optional() }).strict();
const listItem = z.object({ type: z.literal('listItem'), content: z.array(paragraph).min(1).max(20) }).strict();
const bulletList = z.object({ type: z.literal('bulletList'), content: z.array(listItem).min(1).max(200) }).strict();
const orderedList = z.object({ type: z.literal('orderedList'), content: z.array(listItem).min(1).max(200) }).strict();
const blockquote = z.object({
  type: z.literal('blockquote'),
  attrs: z.object({ attribution: z.string().max(300).optional() }).strict().optional(),
  content: z.array(paragraph).min(1).max(50),
}).strict();
const pullQuote = z.object({ type: z.literal('pullQuote'), attrs: z.object({ text: z.string().min(1).max(600), attribution: z.string().max(300).optional() }).strict() }).strict();
const figure = z.object({
  type: z.literal('figure'),
  attrs: z.object({
    mediaId: z.number().int().positive(),
    alt: z.string().max(500).optional(),
    caption: z.string().max(1000).optional(),
    credit: z.string().max(300).optional(),
  }).strict(),
}).strict();
const embed = z.object({
  type: z.literal('embed'),
  attrs: z.object({
    url: z.string().trim().max(2048).refine((u) => parseEmbedUrl(u) !== undefined, { message: 'embeds must be a YouTube, Vimeo or X link' }),
    caption: z.string().max(1000).optional(),
  }).strict(),
}).strict();
const relatedArticle = z.object({ type: z.literal('relatedArticle'), attrs: z.object({ articleId: z.number().int().positive() }).strict() }).strict();

export const blockSchema = z.discriminatedUnion('type', [paragraph, heading, bulletList, orderedList, blockquote, pullQuote, figure, embed, relatedArticle]);
export const documentSchema = z.object({ type: z.literal('doc'), content: z.array(blockSchema).max(5_000) }).strict();

export type Mark = z.infer<typeof markSchema>;
export type InlineNode = z.infer<typeof inlineSchema>;
export type TextNode = z.infer<typeof textNode>;
export type ParagraphNode = z.infer<typeof paragraph>;
export type ListItemNode = z.infer<typeof listItem>;
export type BlockNode = z.infer<typeof blockSchema>;
export type RichTextDocument = z.infer<typeof documentSchema>;

export class InvalidDocumentError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid article body: ${issues.slice(0, 5).join('; ')}`);
    this.name = 'InvalidDocumentError';
  }
}

/** Validates an untrusted body (from the editor, an import, the database) or throws. */
export function parseDocument(input: unknown): RichTextDocument {
  const result = documentSchema.safeParse(input);
  if (!result.success) {
    throw new InvalidDocumentError(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`));
  }
  return result.data;
}

export const emptyDocument = (): RichTextDocument => ({ type: 'doc', content: [] });

function inlineText(content: readonly InlineNode[] | undefined): string {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join('');
}

/** Plain text of a whole document: for word counts, search and descriptions. */
export function documentToPlainText(doc: RichTextDocument): string {
  const parts: string[] = [];
  for (const block of doc.content) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        parts.push(inlineText(block.content));
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of block.content) for (const p of item.content) parts.push(inlineText(p.content));
        break;
      case 'blockquote':
        for (const p of block.content) parts.push(inlineText(p.content));
        break;
      case 'pullQuote':
        parts.push(block.attrs.text);
        break;
      case 'figure':
      case 'embed':
        if (block.attrs.caption) parts.push(block.attrs.caption);
        break;
      case 'relatedArticle':
        break;
    }
  }
  return parts.filter(Boolean).join('\n\n');
}

export function wordCount(doc: RichTextDocument): number {
  return documentToPlainText(doc).split(/\s+/).filter(Boolean).length;
}

/** Articles a document links to by reference (RELATED blocks). */
export function referencedArticleIds(doc: RichTextDocument): number[] {
  return [...new Set(doc.content.flatMap((b) => (b.type === 'relatedArticle' ? [b.attrs.articleId] : [])))];
}

/** Media a document shows inline. */
export function referencedMediaIds(doc: RichTextDocument): number[] {
  return [...new Set(doc.content.flatMap((b) => (b.type === 'figure' ? [b.attrs.mediaId] : [])))];
}
