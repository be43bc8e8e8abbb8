/**
 * The body's own block nodes: images (figure), RELATED story links, pull quotes, a block
 * quote with an attribution and a list item that holds paragraphs only (the stored format
 * has no nested lists). The atom nodes draw themselves with small DOM node views that fetch
 * what they show (thumbnail, headline) from the newsroom API.
 */
import { EMBED_PROVIDER_NAMES, parseEmbedUrl } from '../../src/core/embeds.js';
import { Node as TiptapNode, mergeAttributes, wrappingInputRule } from '@tiptap/core';
import type { Attribute, Editor, NodeViewRendererProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { getArticleSummary, getMedia, thumbnailUrl } from './api.js';
import { cleanText, LIMITS, positiveId } from './normalize.js';
import { el } from './dom.js';
import { askText } from './prompts.js';

type Attrs = Record<string, unknown>;
const attrsOf = (node: PMNode): Attrs => node.attrs;
const sameAttrs = (a: PMNode, b: PMNode): boolean => JSON.stringify(a.attrs) === JSON.stringify(b.attrs);

/** A string attribute kept in a data-* attribute for copy and paste inside the editor. */
function textAttribute(name: string, max: number): Attribute {
  const data = `data-${name.toLowerCase()}`;
  return {
    default: null,
    parseHTML: (element) => cleanText(element.getAttribute(data), max) ?? null,
    renderHTML: (attributes: Attrs) => {
      const value = cleanText(attributes[name], max);
      return value ? { [data]: value } : {};
    },
  };
}

function idAttribute(name: string): Attribute {
  const data = `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return {
    default: null,
    parseHTML: (element) => positiveId(element.getAttribute(data)) ?? null,
    renderHTML: (attributes: Attrs) => {
      const id = positiveId(attributes[name]);
      return id ? { [data]: String(id) } : {};
    },
  };
}

/** Shared behaviour of the atom node views: a boxed block with an optional Edit button. */
abstract class AtomView implements NodeView {
  readonly dom: HTMLElement;
  protected node: PMNode;
  private renderToken = 0;

  constructor(
    protected readonly props: NodeViewRendererProps,
    tag: 'div' | 'figure',
    className: string,
  ) {
    this.node = props.node;
    this.dom = el(tag, { class: `nd-block ${className}` });
    this.dom.dataset.type = props.node.type.name;
    this.draw();
  }

  /** Rebuilds the view; `isCurrent` tells async work whether the node is still the same. */
  protected abstract render(isCurrent: () => boolean): void;

  private draw(): void {
    const token = ++this.renderToken;
    this.dom.replaceChildren();
    this.render(() => token === this.renderToken);
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    const changed = !sameAttrs(node, this.node);
    this.node = node;
    if (changed) this.draw();
    return true;
  }

  /** Clicks and keys on the view's own buttons are not editor input. */
  stopEvent(event: Event): boolean {
    return event.target instanceof Element && event.target.closest('button') !== null;
  }

  ignoreMutation(): boolean {
    return true;
  }

  protected get editor(): Editor {
    return this.props.editor;
  }

  /** The block's header row: its kind, and its Edit button on the right. */
  protected head(label: string, button: HTMLButtonElement): HTMLElement {
    return el('div', { class: 'nd-block-head' }, [el('span', { class: 'nd-block-label', text: label }), button]);
  }

  protected editButton(label: string, onClick: () => void): HTMLButtonElement {
    const button = el('button', { class: 'nd-node-button', text: label, attrs: { type: 'button' } });
    button.addEventListener('click', (event) => {
      event.preventDefault();
      onClick();
    });
    if (!this.editor.isEditable) button.hidden = true;
    return button;
  }

  /** Replaces some attributes of this node, as one undoable step. */
  protected setAttrs(patch: Attrs): void {
    const pos = this.props.getPos();
    if (typeof pos !== 'number') return;
    const { state, view } = this.editor;
    view.dispatch(state.tr.setNodeMarkup(pos, undefined, { ...attrsOf(this.node), ...patch }));
    this.editor.commands.focus();
  }
}

class FigureView extends AtomView {
  constructor(props: NodeViewRendererProps) {
    super(props, 'figure', 'nd-figure');
  }

  protected render(isCurrent: () => boolean): void {
    const attrs = attrsOf(this.node);
    const mediaId = positiveId(attrs.mediaId);
    const alt = cleanText(attrs.alt, LIMITS.alt);
    const caption = cleanText(attrs.caption, LIMITS.caption);
    const credit = cleanText(attrs.credit, LIMITS.credit);
    const frame = el('div', { class: 'nd-figure-frame', text: mediaId ? `Loading image ${mediaId}…` : 'Missing image' });
    const figcaption = el('figcaption');
    figcaption.append(caption ? el('span', { class: 'nd-caption', text: caption }) : el('span', { class: 'nd-missing', text: 'No caption' }));
    if (credit) figcaption.append(' ', el('span', { class: 'nd-credit', text: credit }));
    this.dom.append(this.head('Image', this.editButton('Edit caption', () => this.edit())), frame, figcaption);
    if (!mediaId) return;
    this.dom.dataset.mediaId = String(mediaId);
    getMedia(mediaId).then(
      (asset) => {
        if (!isCurrent()) return;
        const img = el('img', { attrs: { src: thumbnailUrl(asset), alt: alt ?? asset.alt ?? '', loading: 'lazy', decoding: 'async' } });
        if (asset.width && asset.height) {
          img.width = 480;
          img.height = Math.round((480 * asset.height) / asset.width);
        }
        frame.replaceChildren(img);
      },
      () => {
        if (isCurrent()) frame.textContent = `Image ${mediaId} could not be loaded`;
      },
    );
  }

  private edit(): void {
    const attrs = attrsOf(this.node);
    const caption = askText('Caption', cleanText(attrs.caption, LIMITS.caption), LIMITS.caption);
    if (caption === null) return;
    const credit = askText('Credit (photographer or agency)', cleanText(attrs.credit, LIMITS.credit), LIMITS.credit);
    if (credit === null) return;
    const alt = askText('Alternative text (describe the image for people who cannot see it)', cleanText(attrs.alt, LIMITS.alt), LIMITS.alt);
    if (alt === null) return;
    this.setAttrs({ caption: caption || null, credit: credit || null, alt: alt || null });
  }
}

class RelatedArticleView extends AtomView {
  constructor(props: NodeViewRendererProps) {
    super(props, 'div', 'nd-related');
  }

  protected render(isCurrent: () => boolean): void {
    const articleId = positiveId(attrsOf(this.node).articleId);
    const headline = el('span', { class: 'nd-related-headline', text: articleId ? `story ${articleId}…` : 'missing story' });
    this.dom.append(el('span', { class: 'nd-block-label', text: 'RELATED:' }), ' ', headline);
    if (!articleId) return;
    this.dom.dataset.articleId = String(articleId);
    getArticleSummary(articleId).then(
      (summary) => {
        if (!isCurrent()) return;
        headline.textContent = summary.headline;
        if (summary.status && summary.status !== 'published') this.dom.append(' ', el('span', { class: 'nd-status', text: `(${summary.status})` }));
      },
      () => {
        if (isCurrent()) headline.textContent = `story ${articleId} could not be found`;
      },
    );
  }
}

class PullQuoteView extends AtomView {
  constructor(props: NodeViewRendererProps) {
    super(props, 'div', 'nd-pullquote');
  }

  protected render(): void {
    const attrs = attrsOf(this.node);
    const text = cleanText(attrs.text, LIMITS.pullQuote) ?? '';
    const attribution = cleanText(attrs.attribution, LIMITS.attribution);
    this.dom.append(this.head('Pull quote', this.editButton('Edit pull quote', () => this.edit())), el('p', { class: 'nd-pullquote-text', text }));
    if (attribution) this.dom.append(el('p', { class: 'nd-pullquote-attribution', text: `— ${attribution}` }));
  }

  private edit(): void {
    const attrs = attrsOf(this.node);
    const text = askText('Pull quote text', cleanText(attrs.text, LIMITS.pullQuote), LIMITS.pullQuote);
    if (!text) return;
    const attribution = askText('Attribution (optional)', cleanText(attrs.attribution, LIMITS.attribution), LIMITS.attribution);
    if (attribution === null) return;
    this.setAttrs({ text, attribution: attribution || null });
  }
}

class EmbedView extends AtomView {
  constructor(props: NodeViewRendererProps) {
    super(props, 'div', 'nd-embed');
  }

  protected render(): void {
    const attrs = attrsOf(this.node);
    const url = cleanText(attrs.url, LIMITS.href) ?? '';
    const embed = parseEmbedUrl(url);
    const caption = cleanText(attrs.caption, LIMITS.caption);
    this.dom.append(this.head(embed ? `Embed: ${EMBED_PROVIDER_NAMES[embed.provider]}` : 'Embed', this.editButton('Edit embed caption', () => this.edit())), el('p', { class: 'nd-embed-url', text: url }));
    if (caption) this.dom.append(el('p', { class: 'nd-embed-caption', text: caption }));
  }

  private edit(): void {
    const caption = askText('Caption (optional)', cleanText(attrsOf(this.node).caption, LIMITS.caption), LIMITS.caption);
    if (caption === null) return;
    this.setAttrs({ caption: caption || null });
  }
}

/** A YouTube, Vimeo or X link shown click-to-load on the site (src/core/embeds.ts). */
export const EmbedNode = TiptapNode.create({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { url: textAttribute('url', LIMITS.href), caption: textAttribute('caption', LIMITS.caption) };
  },
  parseHTML() {
    return [{ tag: 'div[data-type="embed"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'embed' })];
  },
  addNodeView() {
    return (props) => new EmbedView(props);
  },
});

export const Figure = TiptapNode.create({
  name: 'figure',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { mediaId: idAttribute('mediaId'), alt: textAttribute('alt', LIMITS.alt), caption: textAttribute('caption', LIMITS.caption), credit: textAttribute('credit', LIMITS.credit) };
  },
  parseHTML() {
    return [{ tag: 'figure[data-type="figure"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-type': 'figure' })];
  },
  addNodeView() {
    return (props) => new FigureView(props);
  },
});

export const RelatedArticle = TiptapNode.create({
  name: 'relatedArticle',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { articleId: idAttribute('articleId') };
  },
  parseHTML() {
    return [{ tag: 'div[data-type="related-article"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'related-article' })];
  },
  addNodeView() {
    return (props) => new RelatedArticleView(props);
  },
});

export const PullQuote = TiptapNode.create({
  name: 'pullQuote',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { text: textAttribute('text', LIMITS.pullQuote), attribution: textAttribute('attribution', LIMITS.attribution) };
  },
  parseHTML() {
    return [{ tag: 'div[data-type="pull-quote"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'pull-quote' })];
  },
  addNodeView() {
    return (props) => new PullQuoteView(props);
  },
});

/** Block quote of paragraphs with an optional attribution, shown as a caption by editor.css. */
export const Quote = TiptapNode.create({
  name: 'blockquote',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  addAttributes() {
    return { attribution: textAttribute('attribution', LIMITS.attribution) };
  },
  parseHTML() {
    return [{ tag: 'blockquote' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['blockquote', HTMLAttributes, 0];
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-b': () => this.editor.commands.toggleWrap(this.name) };
  },
  addInputRules() {
    return [wrappingInputRule({ find: /^\s*>\s$/, type: this.type })];
  },
});

/**
 * List items hold paragraphs only. Tab is left to the browser (no nesting to do), so it
 * still moves focus out of the editor for keyboard users.
 */
export const ListItem = TiptapNode.create({
  name: 'listItem',
  content: 'paragraph+',
  defining: true,
  parseHTML() {
    return [{ tag: 'li' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['li', HTMLAttributes, 0];
  },
  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitListItem(this.name),
      'Shift-Tab': () => this.editor.commands.liftListItem(this.name),
    };
  },
});
