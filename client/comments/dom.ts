/** DOM helpers for the comments island. */
import { el } from '../shared/dom.js';

export { el };

/**
 * The comment items in a fragment of this site's own server render (CommentItem in
 * src/site/views/comments/CommentsSection.tsx, where Preact escapes every reader string).
 * Parsed in an inert <template>: nothing in it runs or loads while it is parsed.
 */
export function commentItems(html: string): HTMLLIElement[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return Array.from(template.content.children).filter((n): n is HTMLLIElement => n instanceof HTMLLIElement && n.classList.contains('comment-item'));
}

export const itemId = (li: Element): number => Number((li as HTMLElement).dataset.commentId ?? 0);
export const itemDepth = (li: Element): number => Number((li as HTMLElement).dataset.depth ?? 0);
export const authorOf = (li: Element): string => li.querySelector(':scope > article .comment-author')?.textContent?.trim() ?? '';
/** ISO 8601 UTC from the server: compares as text. */
export const createdOf = (li: Element): string => li.querySelector(':scope > article time[datetime]')?.getAttribute('datetime') ?? '';

/** Every count on the page ("3 Comments"): the article header's link and the section's line. */
export function setCounts(text: string): void {
  for (const node of document.querySelectorAll('[data-comment-count]')) node.textContent = text;
}

/** Focus something that is not normally focusable (a new comment), for screen reader and keyboard users. */
export function focusQuietly(target: HTMLElement): void {
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
}

/**
 * One visually hidden polite live region for everything the island says. Messages that
 * arrive together are read together; the region is emptied first so a repeated message is
 * read again.
 */
export function createAnnouncer(host: HTMLElement): (message: string) => void {
  const region = el('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', 'data-comments-announcer': '' } });
  host.append(region);
  let queued: string[] = [];
  let timer: number | undefined;
  return (message: string) => {
    if (!message) return;
    queued.push(message);
    window.clearTimeout(timer);
    region.textContent = '';
    timer = window.setTimeout(() => {
      region.textContent = queued.join(' ');
      queued = [];
    }, 150);
  };
}
