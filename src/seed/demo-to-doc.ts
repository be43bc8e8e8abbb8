/** Turns the demo authoring format into the stored rich-text document. */
import { parseInline } from '../core/live-blog.js';
import type { BlockNode, ParagraphNode } from '../core/richtext.js';
import type { DemoBlock } from './demo/types.js';

// Demo paragraphs use the newsroom's light markup (`**bold**`, `*italic*`, links): one reader for both.

const paragraph = (text: string): ParagraphNode => ({ type: 'paragraph', content: parseInline(text) });

export interface DemoRefs {
  /** Article id for a demo key (related blocks); undefined drops the block. */
  articleId(key: string): number | undefined;
  /** Media id of an inline figure, by its position in the body. */
  figureMediaId(index: number): number | undefined;
}

export function demoToBlocks(blocks: readonly DemoBlock[], refs: DemoRefs): BlockNode[] {
  const out: BlockNode[] = [];
  let figureIndex = 0;
  for (const b of blocks) {
    if (typeof b === 'string') out.push(paragraph(b));
    else if ('h' in b) out.push({ type: 'heading', attrs: { level: 2 }, content: parseInline(b.h) });
    else if ('quote' in b) out.push({ type: 'blockquote', ...(b.by ? { attrs: { attribution: b.by } } : {}), content: [paragraph(b.quote)] });
    else if ('pull' in b) out.push({ type: 'pullQuote', attrs: b.by ? { text: b.pull, attribution: b.by } : { text: b.pull } });
    else if ('list' in b) out.push({ type: b.ordered ? 'orderedList' : 'bulletList', content: b.list.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) });
    else if ('related' in b) {
      const id = refs.articleId(b.related);
      if (id !== undefined) out.push({ type: 'relatedArticle', attrs: { articleId: id } });
    } else if ('figure' in b) {
      const mediaId = refs.figureMediaId(figureIndex++);
      if (mediaId !== undefined) out.push({ type: 'figure', attrs: { mediaId, caption: b.figure.caption, credit: b.figure.credit } });
    }
  }
  return out;
}
