/**
 * The formatting toolbar: a WAI-ARIA toolbar with one tab stop (arrow keys, Home and End
 * move between buttons; Escape goes back to the text), toggle buttons with aria-pressed and
 * unavailable ones marked aria-disabled (they stay focusable, as the toolbar pattern advises).
 */
import type { Editor } from '@tiptap/core';
import { editLink, insertEmbed, insertImage, insertPullQuote, insertRelated, toggleQuote } from './actions.js';
import { el } from './dom.js';

interface Tool {
  id: string;
  label: string;
  /** Shortcut in aria-keyshortcuts form, with "Mod" for Control (Meta on Apple keyboards). */
  keys?: string;
  pressed?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
  run: (editor: Editor) => unknown;
}

const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

export const TOOL_GROUPS: Tool[][] = [
  [
    { id: 'paragraph', label: 'Paragraph', keys: 'Mod+Alt+0', pressed: (e) => e.isActive('paragraph'), enabled: (e) => e.isActive('paragraph') || e.can().setParagraph(), run: (e) => e.chain().focus().setParagraph().run() },
    { id: 'h2', label: 'H2', keys: 'Mod+Alt+2', pressed: (e) => e.isActive('heading', { level: 2 }), enabled: (e) => e.can().toggleHeading({ level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { id: 'h3', label: 'H3', keys: 'Mod+Alt+3', pressed: (e) => e.isActive('heading', { level: 3 }), enabled: (e) => e.can().toggleHeading({ level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  ],
  [
    { id: 'bold', label: 'Bold', keys: 'Mod+B', pressed: (e) => e.isActive('bold'), enabled: (e) => e.can().toggleBold(), run: (e) => e.chain().focus().toggleBold().run() },
    { id: 'italic', label: 'Italic', keys: 'Mod+I', pressed: (e) => e.isActive('italic'), enabled: (e) => e.can().toggleItalic(), run: (e) => e.chain().focus().toggleItalic().run() },
    { id: 'link', label: 'Link', keys: 'Mod+K', pressed: (e) => e.isActive('link'), enabled: (e) => e.can().setLink({ href: 'https://example.com' }) || e.isActive('link'), run: editLink },
  ],
  [
    { id: 'bulletList', label: 'Bulleted list', keys: 'Mod+Shift+8', pressed: (e) => e.isActive('bulletList'), enabled: (e) => e.can().toggleBulletList(), run: (e) => e.chain().focus().toggleBulletList().run() },
    { id: 'orderedList', label: 'Numbered list', keys: 'Mod+Shift+7', pressed: (e) => e.isActive('orderedList'), enabled: (e) => e.can().toggleOrderedList(), run: (e) => e.chain().focus().toggleOrderedList().run() },
    { id: 'quote', label: 'Quote', keys: 'Mod+Shift+B', pressed: (e) => e.isActive('blockquote'), run: toggleQuote },
  ],
  [
    { id: 'pullQuote', label: 'Pull quote', run: insertPullQuote },
    { id: 'image', label: 'Image', run: insertImage },
    { id: 'related', label: 'Related story', run: insertRelated },
    { id: 'embed', label: 'Embed', run: insertEmbed },
  ],
  [
    { id: 'undo', label: 'Undo', keys: 'Mod+Z', enabled: (e) => e.can().undo(), run: (e) => e.chain().focus().undo().run() },
    { id: 'redo', label: 'Redo', keys: 'Mod+Shift+Z', enabled: (e) => e.can().redo(), run: (e) => e.chain().focus().redo().run() },
  ],
];

const ariaKeys = (keys: string): string => keys.replace('Mod', isApple ? 'Meta' : 'Control');
const readableKeys = (keys: string): string => (isApple ? keys.replace('Mod+', '⌘').replace('Alt+', '⌥').replace('Shift+', '⇧') : keys.replace('Mod', 'Ctrl'));

export interface Toolbar {
  element: HTMLElement;
  /** Moves focus to the toolbar (its current button). */
  focus: () => void;
}

export function createToolbar(editor: Editor, controls: string): Toolbar {
  const bar = el('div', { class: 'nd-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Formatting', 'aria-controls': controls } });
  const entries: { tool: Tool; button: HTMLButtonElement }[] = [];

  for (const group of TOOL_GROUPS) {
    const groupEl = el('div', { class: 'nd-toolbar-group' });
    for (const tool of group) {
      const button = el('button', { class: 'nd-tool', text: tool.label, attrs: { type: 'button', 'data-tool': tool.id, tabindex: '-1' } });
      if (tool.pressed) button.setAttribute('aria-pressed', 'false');
      if (tool.keys) {
        button.setAttribute('aria-keyshortcuts', ariaKeys(tool.keys));
        button.title = `${tool.label} (${readableKeys(tool.keys)})`;
      }
      // Keep the text selection (and focus) in the editor when clicking with a mouse.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') === 'true') return;
        void Promise.resolve(tool.run(editor)).finally(refresh);
      });
      groupEl.append(button);
      entries.push({ tool, button });
    }
    bar.append(groupEl);
  }

  let current = 0;
  const setCurrent = (index: number, focus: boolean): void => {
    current = (index + entries.length) % entries.length;
    entries.forEach(({ button }, i) => button.setAttribute('tabindex', i === current ? '0' : '-1'));
    if (focus) entries[current]?.button.focus();
  };
  setCurrent(0, false);

  bar.addEventListener('focusin', (event) => {
    const index = entries.findIndex(({ button }) => button === event.target);
    if (index >= 0) setCurrent(index, false);
  });
  bar.addEventListener('keydown', (event) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: entries.length - 1 };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setCurrent(next, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
    }
  });

  let frame = 0;
  function refresh(): void {
    cancelAnimationFrame(frame);
    frame = 0;
    const editable = editor.isEditable;
    for (const { tool, button } of entries) {
      if (tool.pressed) button.setAttribute('aria-pressed', String(editable && tool.pressed(editor)));
      const enabled = editable && (tool.enabled ? tool.enabled(editor) : true);
      if (enabled) button.removeAttribute('aria-disabled');
      else button.setAttribute('aria-disabled', 'true');
    }
  }
  // Many transactions arrive while typing: update the buttons once per frame.
  editor.on('transaction', () => {
    if (!frame) frame = requestAnimationFrame(refresh);
  });
  refresh();

  return { element: bar, focus: () => setCurrent(current, true) };
}
