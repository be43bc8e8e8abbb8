// Comment moderation by keyboard: j/k move between comments, a/r/f decide on the
// highlighted one, x selects it for a bulk action, ? shows the shortcuts. Every shortcut
// presses one of the comment's own buttons, so the server sees exactly what a click sends.
// Without this script every button and form works as it is.
const doc = globalThis.document;
const FOCUS_KEY = 'newsdesk-moderation-focus';

if (doc) {
  const items = () => Array.from(doc.querySelectorAll('.mod-item'));
  const list = doc.getElementById('mod-list');
  const help = doc.getElementById('mod-shortcuts');
  const dialog = doc.getElementById('mod-shortcuts-dialog');
  let current = null;

  // The shortcuts work now: show them.
  if (help) help.hidden = false;

  const setCurrent = (item, focus) => {
    if (current && current !== item) current.removeAttribute('aria-current');
    current = item;
    if (!item) return;
    item.setAttribute('aria-current', 'true');
    if (focus) {
      item.focus({ preventScroll: true });
      item.scrollIntoView({ block: 'nearest' });
    }
  };

  // Whatever gets focus inside a comment (a link, a button, the checkbox) makes it current.
  list?.addEventListener('focusin', (e) => {
    const item = e.target instanceof Element ? e.target.closest('.mod-item') : null;
    if (item) setCurrent(item, false);
  });

  const move = (step) => {
    const all = items();
    if (all.length === 0) return;
    const at = current ? all.indexOf(current) : -1;
    const next = at === -1 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    setCurrent(all[next], true);
  };

  const where = () => {
    const queue = new URLSearchParams(globalThis.location.search).get('queue') || 'pending';
    return `${globalThis.location.pathname}|${queue}`;
  };

  // After a decision the page comes back without that comment: keep the place in the list.
  doc.addEventListener('submit', (e) => {
    const item = e.target instanceof Element ? e.target.closest('.mod-item') : null;
    if (!item) return;
    try {
      globalThis.sessionStorage.setItem(FOCUS_KEY, JSON.stringify({ where: where(), index: items().indexOf(item) }));
    } catch {
      // Storage refused (private mode): the list simply starts at the top.
    }
  });
  try {
    const saved = JSON.parse(globalThis.sessionStorage.getItem(FOCUS_KEY) || 'null');
    globalThis.sessionStorage.removeItem(FOCUS_KEY);
    const all = items();
    if (saved && saved.where === where() && all.length > 0) setCurrent(all[Math.min(saved.index, all.length - 1)], true);
  } catch {
    // Nothing saved, or storage refused.
  }

  const typing = (el) => {
    if (!(el instanceof Element)) return false;
    if (el.closest('[contenteditable=""], [contenteditable="true"]')) return true;
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
    if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type);
    return false;
  };

  const press = (shortcut) => {
    if (!current) return;
    const button = current.querySelector(`button[data-shortcut="${shortcut}"]`);
    if (button && !button.disabled) button.click();
  };

  const showHelp = () => {
    if (dialog && typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else if (help) {
      help.hidden = false;
      help.scrollIntoView({ block: 'nearest' });
    }
  };

  doc.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (dialog?.open) return; // The dialog has the keyboard (Escape closes it).
    if (typing(e.target)) return;
    const key = e.key;
    // '?' needs Shift on most layouts; the letters are taken without it only.
    if (e.shiftKey && key !== '?') return;
    switch (key) {
      case 'j':
        move(1);
        break;
      case 'k':
        move(-1);
        break;
      case 'a':
        press('a');
        break;
      case 'r':
        press('r');
        break;
      case 'f':
        press('f');
        break;
      case 'x': {
        const box = current?.querySelector('input.mod-select');
        if (box) box.click();
        break;
      }
      case '?':
        showHelp();
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}
