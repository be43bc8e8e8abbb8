/**
 * Where comments go in the server-rendered thread: top-level items in `ol[data-thread]`,
 * replies in their home comment's `ol.comment-replies`, the reader's held comments in the
 * "awaiting moderation" list. The same placement rules as the server's (nestReplies in
 * src/services/comments.ts), so a reload shows the same order.
 */
import { authorOf, commentItems, createdOf, el, itemDepth, itemId } from './dom.js';
import { t } from './messages.js';

/** The server's order: by time, then by id (comments posted in the same millisecond). */
const newer = (a: Element, b: Element): boolean => {
  const ta = createdOf(a);
  const tb = createdOf(b);
  return ta > tb || (ta === tb && itemId(a) > itemId(b));
};

export class Thread {
  constructor(
    readonly section: HTMLElement,
    readonly list: HTMLOListElement,
  ) {}

  /** Items in the thread itself (Editor's picks repeat ids, so never a document-wide lookup). */
  find(id: number): HTMLLIElement | null {
    return this.list.querySelector<HTMLLIElement>(`li.comment-item[data-comment-id="${id}"]`);
  }

  /** The comment anywhere in the section: thread, picks or held list. */
  exists(id: number): boolean {
    return this.section.querySelector(`li.comment-item[data-comment-id="${id}"]`) !== null;
  }

  roots(): HTMLLIElement[] {
    return Array.from(this.list.children).filter((n): n is HTMLLIElement => n instanceof HTMLLIElement);
  }

  /**
   * Puts a top-level comment where its sort puts it: by time for newest and oldest, at the
   * end for the others. When its place is on a page not loaded yet, it is left out (false).
   */
  placeRoot(li: HTMLLIElement, sort: string, hasMore: boolean): boolean {
    const before = sort === 'newest' ? this.roots().find((r) => newer(li, r)) : sort === 'oldest' ? this.roots().find((r) => newer(r, li)) : undefined;
    if (before) before.before(li);
    else if (!hasMore) this.list.append(li);
    else return false;
    this.shown();
    return true;
  }

  /** The reader's own new comment: at the top, right under the form they used. */
  placeOwn(li: HTMLLIElement): void {
    this.list.prepend(li);
    this.shown();
  }

  private shown(): void {
    this.section.querySelector('[data-comments-empty]')?.remove();
  }

  /**
   * Puts a reply under its home comment: the parent, or, past the deepest level shown, the
   * nearest ancestor shallower than the reply. False when the parent is not on the page.
   */
  placeReply(li: HTMLLIElement, parentId: number): boolean {
    let home: HTMLLIElement | null = this.find(parentId);
    const depth = itemDepth(li);
    while (home && itemDepth(home) >= depth) home = home.parentElement?.closest<HTMLLIElement>('li.comment-item') ?? null;
    if (!home) return false;
    this.repliesOf(home).append(li);
    return true;
  }

  /** The replies list of a comment, made when it has none yet. */
  repliesOf(home: HTMLLIElement): HTMLOListElement {
    let ol = home.querySelector<HTMLOListElement>(':scope > ol.comment-replies');
    if (!ol) {
      ol = el('ol', { class: 'comment-replies', attrs: { 'aria-label': t('comments.repliesTo', { author: authorOf(home) }) } });
      home.querySelector(':scope > article')?.after(ol);
      if (!ol.isConnected) home.append(ol);
    }
    return ol;
  }

  /** Removes every copy of a comment (thread, picks, held list) and any list it leaves empty. */
  remove(id: number): void {
    for (const li of this.section.querySelectorAll(`li.comment-item[data-comment-id="${id}"]`)) {
      const list = li.parentElement;
      li.remove();
      if (list && list !== this.list && list.children.length === 0) {
        if (list.classList.contains('comment-replies')) list.remove();
        // Editor's picks or the held list: the whole block goes with its last item.
        else list.closest('section.comment-picks, section.comment-pending')?.remove();
      }
    }
  }

  /** The reader's comments awaiting moderation, shown above the thread (as the comments page does). */
  addPending(html: string): void {
    const items = commentItems(html).filter((li) => !this.exists(itemId(li)));
    if (items.length === 0) return;
    let list = this.section.querySelector<HTMLOListElement>('section.comment-pending ol');
    if (!list) {
      list = el('ol', { class: 'comment-list' });
      const block = el('section', { class: 'comment-pending', attrs: { 'aria-labelledby': 'pending-title' } }, [el('h3', { text: t('comments.pendingTitle'), attrs: { id: 'pending-title' } }), list]);
      const anchor = this.section.querySelector('[data-comments-empty], nav.comment-sort, ol[data-thread]');
      if (anchor) anchor.before(block);
      else this.section.append(block);
    }
    list.append(...items);
  }

  /** A held comment of this reader, shown in the held list (it is in the way once published). */
  pendingItem(id: number): HTMLLIElement | null {
    return this.section.querySelector<HTMLLIElement>(`section.comment-pending li.comment-item[data-comment-id="${id}"]`);
  }
}
