/**
 * Renders the structured article body. Every string goes through Preact's escaping, and
 * link targets are checked again here (isSafeHref), so a body that slipped past validation
 * still cannot run script in a reader's browser.
 */
import type { ComponentChildren } from 'preact';
import type { MediaAsset } from '../../../core/media.js';
import type { BlockNode, InlineNode, ParagraphNode, TextNode } from '../../../core/richtext.js';
import { EMBED_PROVIDER_NAMES, parseEmbedUrl } from '../../../core/embeds.js';
import { isSafeHref } from '../../../core/richtext.js';
import type { Card } from '../../../services/reading.js';
import type { Translate } from '../../i18n/translate.js';
import { Picture } from './Picture.js';

export interface RichTextContext {
  related: ReadonlyMap<number, Card>;
  media: ReadonlyMap<number, MediaAsset>;
  /** The words of the story's edition (picture and embed texts, "Related:"). */
  t: Translate;
  /** The lite edition: no images or players (captions and links instead), links to lite pages. */
  lite?: boolean;
}

function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href.trim());
}

function Text({ node }: { node: TextNode }) {
  let out: ComponentChildren = node.text;
  // Marks apply innermost first: bold and italic inside, the link outside.
  const marks = [...(node.marks ?? [])].sort((a, b) => (a.type === 'link' ? 1 : 0) - (b.type === 'link' ? 1 : 0));
  for (const mark of marks) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (isSafeHref(mark.attrs.href)) {
      out = isExternal(mark.attrs.href) ? (
        <a href={mark.attrs.href.trim()} rel="noopener">
          {out}
        </a>
      ) : (
        <a href={mark.attrs.href.trim()}>{out}</a>
      );
    }
  }
  return <>{out}</>;
}

function Inline({ nodes }: { nodes: readonly InlineNode[] | undefined }) {
  return <>{(nodes ?? []).map((n, i) => (n.type === 'text' ? <Text key={i} node={n} /> : <br key={i} />))}</>;
}

function Paragraphs({ nodes }: { nodes: readonly ParagraphNode[] }) {
  return <>{nodes.map((p, i) => (p.content?.length ? <p key={i}><Inline nodes={p.content} /></p> : null))}</>;
}

function Block({ node, ctx }: { node: BlockNode; ctx: RichTextContext }) {
  switch (node.type) {
    case 'paragraph':
      return node.content?.length ? <p><Inline nodes={node.content} /></p> : null;
    case 'heading': {
      const H = node.attrs.level === 2 ? 'h2' : node.attrs.level === 3 ? 'h3' : 'h4';
      return <H><Inline nodes={node.content} /></H>;
    }
    case 'bulletList':
    case 'orderedList': {
      const L = node.type === 'bulletList' ? 'ul' : 'ol';
      return <L>{node.content.map((item, i) => <li key={i}><Paragraphs nodes={item.content} /></li>)}</L>;
    }
    case 'blockquote':
      return (
        <figure class="quote">
          <blockquote>
            <Paragraphs nodes={node.content} />
          </blockquote>
          {node.attrs?.attribution && <figcaption>{node.attrs.attribution}</figcaption>}
        </figure>
      );
    case 'pullQuote':
      return (
        <figure class="pull-quote">
          <blockquote>
            <p>{node.attrs.text}</p>
          </blockquote>
          {node.attrs.attribution && <figcaption>{node.attrs.attribution}</figcaption>}
        </figure>
      );
    case 'figure': {
      const asset = ctx.media.get(node.attrs.mediaId);
      if (!asset) return null;
      const caption = node.attrs.caption ?? asset.caption;
      const credit = node.attrs.credit ?? asset.credit;
      if (ctx.lite) {
        return (
          <p class="figure-text">
            [{ctx.t('article.picture', { alt: node.attrs.alt ?? asset.alt })}
            {caption && ` — ${caption}`}
            {credit && ` (${credit})`}]
          </p>
        );
      }
      return (
        <figure class="inline-figure">
          <Picture asset={asset} alt={node.attrs.alt ?? asset.alt} sizes="(min-width: 48em) 42rem, 100vw" />
          {(caption || credit) && (
            <figcaption>
              {caption}
              {credit && <span class="credit"> {credit}</span>}
            </figcaption>
          )}
        </figure>
      );
    }
    case 'embed': {
      const embed = parseEmbedUrl(node.attrs.url);
      if (!embed) return null;
      const provider = EMBED_PROVIDER_NAMES[embed.provider];
      const { t } = ctx;
      if (ctx.lite) {
        return (
          <p>
            <a href={embed.pageUrl} rel="noopener nofollow">
              {embed.playerUrl ? t('article.embedWatch', { provider }) : t('article.embedView', { provider })}
            </a>
            {node.attrs.caption && `: ${node.attrs.caption}`}
          </p>
        );
      }
      return (
        <figure class={`embed embed-${embed.provider}`}>
          {embed.playerUrl ? (
            // Click to load: nothing is fetched from the provider until the reader asks.
            <div class="embed-frame" data-embed-src={embed.playerUrl} data-embed-title={`${t('article.embedTitle', { provider })}${node.attrs.caption ? `: ${node.attrs.caption}` : ''}`}>
              <p>{t('article.embedNotice', { provider, host: new URL(embed.playerUrl).hostname })}</p>
              <button type="button" class="embed-load" hidden>
                {t('article.embedLoad', { provider })}
              </button>{' '}
              <a href={embed.pageUrl} rel="noopener nofollow">
                {t('article.embedWatch', { provider })}
              </a>
            </div>
          ) : (
            <p class="embed-link">
              <a href={embed.pageUrl} rel="noopener nofollow">
                {t('article.embedView', { provider })}
              </a>
            </p>
          )}
          {node.attrs.caption && <figcaption>{node.attrs.caption}</figcaption>}
        </figure>
      );
    }
    case 'relatedArticle': {
      const card = ctx.related.get(node.attrs.articleId);
      // A related story that was unpublished or deleted simply disappears.
      if (!card) return null;
      return (
        <aside class="related" aria-label={ctx.t('article.relatedStory')}>
          <p>
            <strong class="related-label">{ctx.t('article.related')}</strong> <a href={ctx.lite ? `/lite${card.url}` : card.url}>{card.headline}</a>
          </p>
        </aside>
      );
    }
  }
}

export function RichText({ blocks, ctx }: { blocks: readonly BlockNode[]; ctx: RichTextContext }) {
  return <>{blocks.map((b, i) => <Block key={i} node={b} ctx={ctx} />)}</>;
}
