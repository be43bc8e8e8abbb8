/**
 * The liveblog island (bundled to dist/public/liveblog.js by scripts/build-client.mjs). It
 * keeps a live story's server-rendered `section[data-liveblog]` (src/site/views/components/
 * LiveBlog.tsx) current over Server-Sent Events (`/articles/:id/updates/events`):
 *
 * - new updates go in at the top (key updates in "Key updates"), edited ones are replaced in
 *   place, unpinned and pinned ones move, deleted ones go;
 * - a reader who has scrolled into the updates is not moved: the new update goes in above
 *   (scroll anchoring keeps the place; without it the island scrolls by the added height)
 *   and a "1 new update" button appears that takes them to it;
 * - everything it says goes through one polite live region;
 * - on (re)connect the server names its newest update, and the island fetches what it missed;
 * - "Load older updates" loads in place.
 *
 * Update HTML comes only from this site's own server render, parsed in an inert <template>.
 * The page works without any of this: every link still goes to the server.
 */
import { el } from '../shared/dom.js';
import { loadMessages, t } from './messages.js';

/** When the server ends the stream for good (EventSource gives up), try again after this. */
const RECONNECT_MS = 15_000;
const HIGHLIGHT_MS = 6_000;

const scrollAnchoring = typeof CSS !== 'undefined' && CSS.supports('overflow-anchor', 'auto');

interface LiveUpdateEvent {
  id: number;
  action?: string;
  pinned: boolean;
  html: string;
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

function asUpdate(value: unknown): LiveUpdateEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'number' || typeof v.html !== 'string' || typeof v.pinned !== 'boolean') return undefined;
  return { id: v.id, pinned: v.pinned, html: v.html, ...(typeof v.action === 'string' ? { action: v.action } : {}) };
}

/** The first update item in a fragment of this site's own render. */
function itemFrom(html: string): HTMLLIElement | undefined {
  const template = document.createElement('template');
  template.innerHTML = html;
  const first = template.content.firstElementChild;
  return first instanceof HTMLLIElement && first.classList.contains('liveblog-update') ? first : undefined;
}

const idOf = (li: Element): number => Number((li as HTMLElement).dataset.updateId ?? 0);

class LiveBlogIsland {
  private readonly pinnedList: HTMLOListElement | null;
  private readonly pinnedSection: HTMLElement | null;
  private readonly stream: HTMLOListElement;
  private readonly notice: HTMLElement;
  private readonly region: HTMLElement;
  private count: number;
  private source: EventSource | null = null;
  private retry: number | undefined;
  private unseen: HTMLLIElement[] = [];
  private button: HTMLButtonElement | null = null;
  private queued: string[] = [];
  private announceTimer: number | undefined;

  constructor(
    private readonly section: HTMLElement,
    private readonly articleId: number,
    stream: HTMLOListElement,
  ) {
    this.stream = stream;
    this.pinnedList = section.querySelector<HTMLOListElement>('ol[data-liveblog-pinned]');
    this.pinnedSection = section.querySelector<HTMLElement>('[data-liveblog-pinned-section]');
    this.notice = section.querySelector<HTMLElement>('[data-liveblog-notice]') ?? section;
    this.region = el('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', 'data-liveblog-announcer': '' } });
    section.append(this.region);
    this.count = Number(section.dataset.count ?? '0') || 0;
    section.addEventListener('click', (event) => this.onClick(event));
  }

  start(): void {
    this.connect();
    // A page brought back from the back/forward cache has a closed stream: open it again.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) this.connect();
    });
  }

  private announce(message: string): void {
    if (!message) return;
    this.queued.push(message);
    window.clearTimeout(this.announceTimer);
    this.region.textContent = '';
    this.announceTimer = window.setTimeout(() => {
      this.region.textContent = this.queued.join(' ');
      this.queued = [];
    }, 150);
  }

  // ---- the stream ----------------------------------------------------------------------

  private connect(): void {
    if (this.source || typeof EventSource === 'undefined') return;
    window.clearTimeout(this.retry);
    const source = new EventSource(`/articles/${this.articleId}/updates/events`);
    this.source = source;
    source.addEventListener('open', () => {
      this.section.dataset.stream = 'connected';
    });
    source.addEventListener('error', () => {
      this.section.dataset.stream = 'reconnecting';
      // EventSource retries by itself, unless the server refused the stream outright.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        this.source = null;
        this.retry = window.setTimeout(() => this.connect(), RECONNECT_MS);
      }
    });
    source.addEventListener('hello', (event) => {
      const data = parseJson((event as MessageEvent<unknown>).data) as { latestId?: unknown; live?: unknown } | undefined;
      if (!data) return;
      if (typeof data.live === 'boolean') this.setLive(data.live, false);
      const latest = typeof data.latestId === 'number' ? data.latestId : null;
      const newest = this.newestOnPage();
      if (latest !== null && latest !== newest) void this.resync(newest ?? 0);
    });
    source.addEventListener('update', (event) => {
      const data = asUpdate(parseJson((event as MessageEvent<unknown>).data));
      if (data) this.onUpdate(data, true);
    });
    source.addEventListener('deleted', (event) => {
      const data = parseJson((event as MessageEvent<unknown>).data) as { id?: unknown } | undefined;
      if (typeof data?.id === 'number') this.onDeleted(data.id);
    });
    source.addEventListener('coverage', (event) => {
      const data = parseJson((event as MessageEvent<unknown>).data) as { live?: unknown } | undefined;
      if (typeof data?.live === 'boolean') this.setLive(data.live, true);
    });
  }

  /** The newest update shown (by position: the top of the stream or of Key updates). */
  private newestOnPage(): number | null {
    let best: { id: number; created: string } | null = null;
    for (const li of this.section.querySelectorAll<HTMLLIElement>('li.liveblog-update')) {
      const created = li.dataset.created ?? '';
      const id = idOf(li);
      if (!best || created > best.created || (created === best.created && id > best.id)) best = { id, created };
    }
    return best?.id ?? null;
  }

  /** What was posted while this page was away (a cached copy, a dropped connection). */
  private async resync(after: number): Promise<void> {
    try {
      const res = await fetch(`/articles/${this.articleId}/updates/since?after=${after}`, { headers: { accept: 'application/json' } });
      if (!res.ok) return;
      const data = (await res.json()) as { updates?: unknown };
      if (!Array.isArray(data.updates)) return;
      for (const raw of data.updates) {
        const u = asUpdate(raw);
        if (u) this.onUpdate({ ...u, action: 'posted' }, false);
      }
    } catch {
      // The next reconnect tries again.
    }
  }

  // ---- changes ---------------------------------------------------------------------------

  private onUpdate(u: LiveUpdateEvent, live: boolean): void {
    const li = itemFrom(u.html);
    if (!li) return;
    const existing = document.getElementById(`update-${u.id}`);
    if (existing instanceof HTMLLIElement) {
      // Edited, pinned or unpinned: in place when it stays in its list, moved otherwise.
      const wasPinned = existing.dataset.pinned === '1';
      if (wasPinned === u.pinned) {
        existing.replaceWith(li);
      } else {
        existing.remove();
        this.place(li, u.pinned);
      }
      this.refreshPinned();
      if (live && u.action === 'edited') this.announce(t('liveblog.editedNotice'));
      return;
    }
    this.count++;
    this.setCount();
    this.section.querySelector('.liveblog-empty')?.remove();
    const readerBelow = this.readerIsBelow();
    this.place(li, u.pinned);
    this.refreshPinned();
    li.classList.add('liveblog-new');
    window.setTimeout(() => li.classList.remove('liveblog-new'), HIGHLIGHT_MS);
    if (readerBelow) {
      this.unseen.unshift(li);
      this.showButton();
    }
    this.announce(t('liveblog.newUpdates', { count: 1 }));
  }

  /** Puts a new or moved item at its place: by time, newest first, in its list. */
  private place(li: HTMLLIElement, pinned: boolean): void {
    const list = pinned && this.pinnedList ? this.pinnedList : this.stream;
    const created = li.dataset.created ?? '';
    const before = Array.from(list.children).find((other) => ((other as HTMLElement).dataset.created ?? '') < created || (((other as HTMLElement).dataset.created ?? '') === created && idOf(other) < idOf(li)));
    // The position of what the reader is looking at, for browsers without scroll anchoring.
    const anchor = !scrollAnchoring && before instanceof HTMLElement ? before.getBoundingClientRect().top : undefined;
    list.insertBefore(li, before ?? null);
    if (anchor !== undefined && before instanceof HTMLElement && anchor < 0) window.scrollBy(0, before.getBoundingClientRect().top - anchor);
  }

  private onDeleted(id: number): void {
    const li = document.getElementById(`update-${id}`);
    this.count = Math.max(0, this.count - 1);
    this.setCount();
    if (!li) return;
    // Keep focus on the page if it was inside the removed update.
    const hadFocus = li.contains(document.activeElement);
    li.remove();
    this.unseen = this.unseen.filter((x) => x !== li);
    if (this.unseen.length === 0) this.hideButton();
    else this.showButton();
    this.refreshPinned();
    if (hadFocus) this.section.focus();
    this.announce(t('liveblog.removedNotice'));
  }

  private refreshPinned(): void {
    if (this.pinnedSection && this.pinnedList) this.pinnedSection.hidden = this.pinnedList.children.length === 0;
  }

  private setCount(): void {
    const node = this.section.querySelector('.liveblog-count');
    if (node) node.textContent = t('liveblog.count', { count: this.count });
  }

  private setLive(live: boolean, announce: boolean): void {
    const was = this.section.dataset.live === '1';
    this.section.dataset.live = live ? '1' : '0';
    this.section.classList.toggle('liveblog-on', live);
    const badge = this.section.querySelector('[data-liveblog-badge]');
    if (!live) badge?.remove();
    else if (!badge) {
      const title = this.section.querySelector('.liveblog-title');
      title?.prepend(el('span', { class: 'liveblog-badge', attrs: { 'data-liveblog-badge': '' } }, [el('span', { class: 'live-dot', attrs: { 'aria-hidden': 'true' } }), t('liveblog.live')]), ' ');
    }
    if (announce && was && !live) this.announce(t('liveblog.endedNotice'));
  }

  // ---- the reader's place ------------------------------------------------------------------

  /** True when the top of the updates is above the window: the reader is reading down the list. */
  private readerIsBelow(): boolean {
    return this.stream.getBoundingClientRect().top < 0;
  }

  private showButton(): void {
    const n = this.unseen.length;
    if (n === 0) return;
    if (!this.button) {
      this.button = el('button', { class: 'liveblog-new-button', attrs: { type: 'button', 'data-liveblog-show-new': '' } });
      this.notice.append(this.button);
      this.notice.classList.add('liveblog-notice-on');
    }
    this.button.textContent = t('liveblog.showNew', { count: n });
  }

  private hideButton(): void {
    this.button?.remove();
    this.button = null;
    this.notice.classList.remove('liveblog-notice-on');
  }

  /** The reader asked for the new updates: take them to the newest and focus it. */
  private showNew(): void {
    const target = this.unseen[0];
    this.unseen = [];
    this.hideButton();
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
  }

  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('[data-liveblog-show-new]')) {
      event.preventDefault();
      this.showNew();
      return;
    }
    const older = target?.closest<HTMLAnchorElement>('a[data-liveblog-older]');
    if (older && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      void this.loadOlder(older);
    }
  }

  /** "Load older updates" in place; on any failure, the link's own page. */
  private async loadOlder(link: HTMLAnchorElement): Promise<void> {
    if (link.getAttribute('aria-busy') === 'true') return;
    link.setAttribute('aria-busy', 'true');
    try {
      const res = await fetch(link.href, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const data = (await res.json()) as { html?: unknown; olderUrl?: unknown };
      if (typeof data.html !== 'string') throw new Error('bad answer');
      const template = document.createElement('template');
      template.innerHTML = data.html;
      const items = Array.from(template.content.children).filter((n): n is HTMLLIElement => n instanceof HTMLLIElement && n.classList.contains('liveblog-update'));
      const fresh = items.filter((li) => !document.getElementById(li.id));
      // Key updates are shown once, at the top.
      this.stream.append(...fresh.filter((li) => li.dataset.pinned !== '1'));
      const first = fresh.find((li) => li.dataset.pinned !== '1');
      if (typeof data.olderUrl === 'string') {
        link.href = data.olderUrl;
        link.removeAttribute('aria-busy');
      } else {
        link.closest('.liveblog-more')?.remove();
      }
      if (first) {
        first.setAttribute('tabindex', '-1');
        first.focus({ preventScroll: false });
      }
    } catch {
      window.location.assign(link.href);
    }
  }
}

function start(): void {
  const section = document.querySelector<HTMLElement>('section[data-liveblog]');
  const stream = section?.querySelector<HTMLOListElement>('ol[data-liveblog-updates]');
  const articleId = Number(section?.dataset.liveblog ?? '');
  if (!section || !stream || !Number.isInteger(articleId) || articleId <= 0) return;
  if (!loadMessages(section.dataset.messages)) return;
  if (!section.hasAttribute('tabindex')) section.setAttribute('tabindex', '-1');
  section.dataset.enhanced = 'true';
  new LiveBlogIsland(section, articleId, stream).start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
