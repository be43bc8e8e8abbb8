/**
 * A modal search-and-choose dialog (images, related stories). Native <dialog>: focus stays
 * inside while open, Escape closes it, and focus returns to where it was. Arrow keys move
 * between the search box and the results.
 */
import { el } from './dom.js';

export interface PickerOptions<T> {
  id: string;
  title: string;
  searchLabel: string;
  placeholder?: string;
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  /** The content of one result's button: its text is the button's accessible name. */
  renderItem: (item: T) => (Node | string)[];
}

const SEARCH_DELAY_MS = 250;

export class Picker<T> {
  private readonly dialog: HTMLDialogElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly results: HTMLUListElement;
  private chosen: T | null = null;
  private resolve: ((value: T | null) => void) | null = null;
  private timer: number | undefined;
  private request: AbortController | null = null;

  constructor(private readonly options: PickerOptions<T>) {
    const { id } = options;
    this.input = el('input', { attrs: { id: `${id}-q`, type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-controls': `${id}-results`, 'aria-describedby': `${id}-status` } });
    if (options.placeholder) this.input.placeholder = options.placeholder;
    this.status = el('p', { class: 'nd-picker-status', attrs: { id: `${id}-status`, role: 'status' } });
    this.results = el('ul', { class: 'nd-picker-results', attrs: { id: `${id}-results`, 'aria-label': 'Results' } });
    const cancel = el('button', { class: 'nd-button', text: 'Cancel', attrs: { type: 'button' } });
    cancel.addEventListener('click', () => this.dialog.close());
    const body = el('div', { class: 'nd-picker-body' }, [
      el('div', { class: 'nd-picker-head' }, [el('h2', { text: options.title, attrs: { id: `${id}-title` } }), cancel]),
      el('label', { text: options.searchLabel, attrs: { for: `${id}-q` } }),
      this.input,
      this.status,
      this.results,
    ]);
    this.dialog = el('dialog', { class: 'nd-picker', attrs: { id, 'aria-labelledby': `${id}-title` } }, [body]);
    document.body.append(this.dialog);

    this.input.addEventListener('input', () => this.scheduleSearch());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.runSearch();
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.focusResult(0);
      }
    });
    this.results.addEventListener('keydown', (event) => this.onResultKey(event));
    // A click on the backdrop (the dialog box itself, outside its padded body) closes it.
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
    this.dialog.addEventListener('close', () => {
      window.clearTimeout(this.timer);
      this.request?.abort();
      const resolve = this.resolve;
      this.resolve = null;
      resolve?.(this.chosen);
    });
  }

  /** Shows the dialog; resolves with the chosen item, or null when it was closed. */
  open(): Promise<T | null> {
    if (this.dialog.open) this.dialog.close();
    this.chosen = null;
    this.input.value = '';
    this.results.replaceChildren();
    this.status.textContent = '';
    const result = new Promise<T | null>((resolve) => (this.resolve = resolve));
    this.dialog.showModal();
    this.input.focus();
    this.runSearch();
    return result;
  }

  private scheduleSearch(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.runSearch(), SEARCH_DELAY_MS);
  }

  private runSearch(): void {
    window.clearTimeout(this.timer);
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    const q = this.input.value.trim();
    this.results.setAttribute('aria-busy', 'true');
    this.status.textContent = 'Searching…';
    this.options.search(q, request.signal).then(
      (items) => {
        if (request.signal.aborted) return;
        this.showResults(items);
      },
      () => {
        if (request.signal.aborted) return;
        this.results.replaceChildren();
        this.results.removeAttribute('aria-busy');
        this.status.textContent = 'Search failed. Try again.';
      },
    );
  }

  private showResults(items: T[]): void {
    this.results.removeAttribute('aria-busy');
    this.results.replaceChildren(
      ...items.map((item) => {
        const button = el('button', { class: 'nd-picker-item', attrs: { type: 'button' } }, this.options.renderItem(item));
        button.addEventListener('click', () => {
          this.chosen = item;
          this.dialog.close();
        });
        return el('li', {}, [button]);
      }),
    );
    this.status.textContent = items.length === 0 ? 'Nothing found.' : `${items.length} result${items.length === 1 ? '' : 's'}. Use the arrow keys to move through them.`;
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.results.querySelectorAll<HTMLButtonElement>('button.nd-picker-item')];
  }

  private focusResult(index: number): void {
    this.buttons()[index]?.focus();
  }

  private onResultKey(event: KeyboardEvent): void {
    const buttons = this.buttons();
    const index = buttons.findIndex((b) => b === document.activeElement);
    if (index < 0) return;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    if (next < 0) this.input.focus();
    else this.focusResult(Math.min(next, buttons.length - 1));
  }
}
