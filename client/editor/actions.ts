/** What the toolbar buttons (and a few shortcuts) do beyond a one-line TipTap command. */
import { parseEmbedUrl } from '../../src/core/embeds.js';
import type { Editor } from '@tiptap/core';
import type { ArticleHit, MediaAsset } from './api.js';
import { rememberArticle, rememberMedia, searchArticles, searchMedia, thumbnailUrl } from './api.js';
import { linkFromInput } from './links.js';
import { el } from './dom.js';
import { LIMITS } from './normalize.js';
import { Picker } from './picker.js';
import { askText, tell } from './prompts.js';

/** Link: asks for the address; an empty answer removes the link; unsafe addresses are refused. */
export function editLink(editor: Editor): void {
  const current: unknown = editor.getAttributes('link').href;
  const answer = askText('Link address: https://…, mailto:… or a path on this site such as /news/… (leave empty to remove the link)', typeof current === 'string' ? current : '', LIMITS.href);
  if (answer === null) {
    editor.commands.focus();
    return;
  }
  if (answer === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  const href = linkFromInput(answer);
  if (!href) {
    tell('That link was not added. Links must start with http://, https:// or mailto:, or be a path on this site starting with /.');
    editor.commands.focus();
    return;
  }
  if (editor.state.selection.empty && !editor.isActive('link')) {
    // Nothing selected: the address itself becomes the linked text, and typing carries on unlinked.
    editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).unsetMark('link').run();
    return;
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

/** Quote: wraps the paragraphs in a block quote and asks who is quoted; pressed again, unwraps. */
export function toggleQuote(editor: Editor): void {
  if (editor.isActive('blockquote')) {
    editor.chain().focus().lift('blockquote').run();
    return;
  }
  let wrapped = editor.chain().focus().wrapIn('blockquote').run();
  if (!wrapped && editor.isActive('heading')) wrapped = editor.chain().focus().setParagraph().wrapIn('blockquote').run();
  if (!wrapped) {
    tell('A quote is made of paragraphs: move out of the list first.');
    return;
  }
  const attribution = askText('Who is quoted? Attribution, optional (for example: Jane Smith, mayor)', '', LIMITS.attribution);
  if (attribution) editor.chain().focus().updateAttributes('blockquote', { attribution }).run();
  else editor.commands.focus();
}

/** Embeds by URL: only links the site knows how to show safely (src/core/embeds.ts). */
export function insertEmbed(editor: Editor): void {
  const url = askText('Embed: paste a YouTube, Vimeo or X (Twitter) post link', '', LIMITS.href);
  if (!url) {
    editor.commands.focus();
    return;
  }
  if (!parseEmbedUrl(url)) {
    tell('That link cannot be embedded. Use a YouTube or Vimeo video link, or a link to a post on X.');
    editor.commands.focus();
    return;
  }
  const caption = askText('Caption, optional', '', LIMITS.caption);
  editor
    .chain()
    .focus()
    .insertContent({ type: 'embed', attrs: { url: url.trim(), caption: caption || null } })
    .run();
}

export function insertPullQuote(editor: Editor): void {
  const text = askText('Pull quote: the words to show large', '', LIMITS.pullQuote);
  if (!text) {
    editor.commands.focus();
    return;
  }
  const attribution = askText('Attribution, optional', '', LIMITS.attribution);
  if (attribution === null) {
    editor.commands.focus();
    return;
  }
  editor
    .chain()
    .focus()
    .insertContent({ type: 'pullQuote', attrs: { text, attribution: attribution || null } })
    .run();
}

let mediaPicker: Picker<MediaAsset> | null = null;
let storyPicker: Picker<ArticleHit> | null = null;

function mediaItem(asset: MediaAsset): (Node | string)[] {
  const description = asset.alt ?? asset.caption ?? `Image ${asset.id}`;
  const details = [asset.credit, asset.width && asset.height ? `${asset.width}×${asset.height}` : null].filter(Boolean).join(' · ');
  return [el('img', { attrs: { src: thumbnailUrl(asset), alt: '', loading: 'lazy', decoding: 'async' } }), el('span', { class: 'nd-picker-text' }, [el('span', { class: 'nd-picker-title', text: description }), el('span', { class: 'nd-picker-meta', text: details })])];
}

function storyItem(hit: ArticleHit): (Node | string)[] {
  return [el('span', { class: 'nd-picker-text' }, [el('span', { class: 'nd-picker-title', text: hit.headline }), el('span', { class: 'nd-picker-meta', text: [hit.status, hit.url].filter(Boolean).join(' · ') })])];
}

/** Image: choose from the media library, confirm caption and credit, insert a figure. */
export async function insertImage(editor: Editor): Promise<void> {
  mediaPicker ??= new Picker<MediaAsset>({ id: 'nd-media-picker', title: 'Insert image', searchLabel: 'Search images by description, caption or credit', search: searchMedia, renderItem: mediaItem });
  const asset = await mediaPicker.open();
  if (!asset) {
    editor.commands.focus();
    return;
  }
  const caption = askText('Caption', asset.caption ?? '', LIMITS.caption);
  const credit = caption === null ? null : askText('Credit (photographer or agency)', asset.credit ?? '', LIMITS.credit);
  if (caption === null || credit === null) {
    editor.commands.focus();
    return;
  }
  rememberMedia(asset);
  editor
    .chain()
    .focus()
    .insertContent({ type: 'figure', attrs: { mediaId: asset.id, alt: asset.alt?.trim().slice(0, LIMITS.alt) || null, caption: caption || null, credit: credit || null } })
    .run();
}

/** Related story: choose a story, insert a RELATED block that links to it. */
export async function insertRelated(editor: Editor): Promise<void> {
  storyPicker ??= new Picker<ArticleHit>({ id: 'nd-story-picker', title: 'Insert related story', searchLabel: 'Search stories by headline', search: searchArticles, renderItem: storyItem });
  const hit = await storyPicker.open();
  if (!hit) {
    editor.commands.focus();
    return;
  }
  rememberArticle(hit);
  editor
    .chain()
    .focus()
    .insertContent({ type: 'relatedArticle', attrs: { articleId: hit.id } })
    .run();
}
