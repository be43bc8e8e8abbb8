/**
 * The newsroom's article body editor (bundled to dist/public/editor.js by
 * scripts/build-client.mjs). It turns `#body-editor` inside `form#article-form` into a TipTap
 * editor, keeps the hidden `#body-json` input in the stored body format of
 * src/core/richtext.ts, and autosaves drafts when the form has `data-autosave-url`.
 *
 * The page's Content-Security-Policy allows no inline styles, so TipTap's injected <style>
 * is off and public/editor.css carries the few rules ProseMirror needs.
 */
import { Editor, Extension } from '@tiptap/core';
import { Link } from '@tiptap/extension-link';
import { StarterKit } from '@tiptap/starter-kit';
import { editLink } from './actions.js';
import { Autosave } from './autosave.js';
import { el } from './dom.js';
import { isSafeHref, linkFromInput } from './links.js';
import { EmbedNode, Figure, ListItem, PullQuote, Quote, RelatedArticle } from './nodes.js';
import { normaliseDocument, parseStoredBody } from './normalize.js';
import { createToolbar } from './toolbar.js';

declare global {
  interface Window {
    /** The mounted editor, for tests and debugging. */
    newsdeskEditor?: Editor;
  }
}

/** Links carry only `href` in the stored format: no target, rel or class attributes. */
const SafeLink = Link.extend({
  addAttributes() {
    return { href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') } };
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: null },
  // Only http:, https:, mailto: and site paths. A bare "example.com" typed in the text may be
  // autolinked (TipTap then stores https://example.com), so it passes the check here too.
  isAllowedUri: (url) => isSafeHref(url) || (!/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) && linkFromInput(url) !== null),
});

/** Ctrl/⌘+K opens the link prompt, Alt+F10 moves to the toolbar (the usual editor keys). */
function shortcuts(focusToolbar: () => void) {
  return Extension.create({
    name: 'newsdeskShortcuts',
    addKeyboardShortcuts() {
      return {
        'Mod-k': () => {
          editLink(this.editor);
          return true;
        },
        'Alt-F10': () => {
          focusToolbar();
          return true;
        },
      };
    },
  });
}

function mountEditor(form: HTMLFormElement, host: HTMLElement): Editor | null {
  const bodyInput = form.querySelector<HTMLInputElement>('input#body-json');
  if (!bodyInput) return null;
  const readOnly = host.closest('fieldset:disabled') !== null;
  const initial = parseStoredBody(bodyInput.value);
  if (initial.content.length === 0) initial.content.push({ type: 'paragraph' });

  // The label names the text box; the host becomes a group holding toolbar and text.
  const contentId = `${host.id || 'body-editor'}-content`;
  const labelledBy = host.getAttribute('aria-labelledby') ?? document.querySelector<HTMLLabelElement>(`label[for="${host.id}"]`)?.id ?? null;
  const label = labelledBy ? document.getElementById(labelledBy) : null;
  if (labelledBy) host.setAttribute('role', 'group');
  host.classList.add('nd-editor');
  host.replaceChildren();
  const content = el('div', { class: 'nd-editor-content' });

  let focusToolbar = (): void => undefined;
  const editor = new Editor({
    element: content,
    injectCSS: false,
    editable: !readOnly,
    content: initial,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        blockquote: false,
        listItem: false,
        link: false,
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
      }),
      SafeLink,
      Quote,
      ListItem,
      Figure,
      RelatedArticle,
      PullQuote,
      EmbedNode,
      shortcuts(() => focusToolbar()),
    ],
    editorProps: {
      attributes: {
        id: contentId,
        class: 'nd-prose',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(labelledBy ? { 'aria-labelledby': labelledBy } : { 'aria-label': 'Article body' }),
        ...(readOnly ? { 'aria-readonly': 'true' } : {}),
      },
    },
  });

  if (!readOnly) {
    const toolbar = createToolbar(editor, contentId);
    focusToolbar = toolbar.focus;
    host.append(toolbar.element);
  }
  host.append(content);
  label?.addEventListener('click', () => editor.commands.focus());

  const autosaveUrl = form.dataset.autosaveUrl;
  const autosave = autosaveUrl && !readOnly ? new Autosave({ form, url: autosaveUrl, status: document.getElementById('autosave-status') }) : null;

  const write = (): void => {
    bodyInput.value = JSON.stringify(normaliseDocument(editor.getJSON()));
  };
  write();
  editor.on('update', () => {
    write();
    autosave?.changed();
  });

  window.newsdeskEditor = editor;
  return editor;
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('form#article-form');
  const host = form?.querySelector<HTMLElement>('#body-editor');
  if (form && host) mountEditor(form, host);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
