/**
 * The comments island (bundled to dist/public/comments.js by scripts/build-client.mjs). It
 * enhances the server-rendered `section[data-comments]` (src/site/views/comments/
 * CommentsSection.tsx), which works without it: every link and form still goes to the
 * server when the island cannot help.
 *
 * - who is reading (GET .../comments/me): "Commenting as", their likes, their held comments;
 * - posting and replying in place (form.ts), liking, more comments, sorting, more replies;
 * - live updates over Server-Sent Events: new comments appear, hidden ones go, counts follow.
 *
 * Everything it says goes through one polite live region. Comment HTML comes only from this
 * site's own server render, parsed in an inert template (dom.ts).
 */
import { ApiError, fetchFragment, fetchMe, fetchReplies, parseLiveComment, parseLiveCount, parseLiveHidden, toggleLike } from './api.js';
import type { LiveComment, LiveHidden } from './api.js';
import { authorOf, commentItems, createAnnouncer, el, focusQuietly, itemDepth, itemId, setCounts } from './dom.js';
import { CommentForm } from './form.js';
import { loadMessages, number, rich, t } from './messages.js';
import { Thread } from './thread.js';

/** How long a new comment keeps its highlight. */
const HIGHLIGHT_MS = 6_000;
/** When the server ends the event stream for good (EventSource gives up), try again after this. */
const RECONNECT_MS = 15_000;

/** Browsers with CSS scroll anchoring keep the reader's place when content is added above it. */
const scrollAnchoring = typeof CSS !== 'undefined' && CSS.supports('overflow-anchor', 'auto');

const plainClick = (event: MouseEvent) => !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

class CommentsIsland {
  private readonly thread: Thread;
  private readonly announce: (message: string) => void;
  private readonly form: CommentForm | null = null;
  private sort: string;
  private page: number;
  private hasMore: boolean;
  private csrf: string | undefined;
  private name = '';
  private readonly liked = new Set<number>();
  /** Live events that arrived while the reader's own post was in flight. */
  private held: (() => void)[] | null = null;
  private posting = 0;
  private source: EventSource | null = null;
  private readonly own = new Map<number, number>();
  private readonly following = new Set<number>();
  private editWindowMs = 0;
  private reader = false;
  private connectedBefore = false;
  private retry: number | undefined;
  private loading = false;

  constructor(
    private readonly section: HTMLElement,
    list: HTMLOListElement,
    private readonly articleId: number,
  ) {
    this.thread = new Thread(section, list);
    this.announce = createAnnouncer(section);
    this.sort = section.dataset.sort ?? 'newest';
    this.page = Number(section.dataset.page ?? '1') || 1;
    this.hasMore = section.querySelector('a[data-more-comments]') !== null;

    const form = section.querySelector<HTMLFormElement>('form[data-comment-form]');
    const textarea = form?.querySelector<HTMLTextAreaElement>('textarea[name="body"]');
    if (form && textarea) {
      this.form = new CommentForm(form, textarea, {
        thread: this.thread,
        articleId,
        announce: this.announce,
        csrf: () => this.csrf,
        hold: (work) => this.hold(work),
        placed: (li) => {
          // The reader's own new comment: editable for the site's window from now.
          this.own.set(itemId(li), Date.now() + this.editWindowMs);
          this.markLikes(li);
        },
      });
    }
    section.addEventListener('click', (event) => this.onClick(event));
    section.addEventListener('submit', (event) => this.onSubmit(event));
  }

  start(): void {
    this.connect();
    window.addEventListener('pagehide', () => this.disconnect());
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) this.connect();
    });
    void this.loadReader().finally(() => {
      this.section.dataset.enhanced = 'true';
    });
  }

  // ---- The reader ---------------------------------------------------------------------

  private async loadReader(): Promise<void> {
    let me;
    try {
      me = await fetchMe(this.articleId);
    } catch {
      return; // the plain forms still work
    }
    if (!me.signedIn) return;
    this.csrf = me.csrf;
    this.name = me.name;
    const signedOut = this.section.querySelector('[data-signed-out]');
    if (signedOut && me.name) {
      const staff = me.staff ? [' ', el('span', { class: 'badge badge-staff', text: t('comments.staff') })] : [];
      signedOut.replaceWith(el('p', { class: 'comment-as' }, [...rich('comments.commentingAs', { name: me.name }, { strong: (children) => el('strong', {}, children) }), ...staff]));
    }
    // Guest fields and the inline sign-in are for readers who are not signed in.
    for (const node of this.section.querySelectorAll('[data-guest-fields], fieldset.comment-signin')) node.remove();
    for (const id of me.liked) this.liked.add(id);
    if (!me.staff) {
      for (const o of me.own) this.own.set(o.id, o.editableUntil);
      for (const id of me.following) this.following.add(id);
      this.editWindowMs = me.editWindowMinutes * 60_000;
      this.reader = true;
    }
    this.markLikes(this.section);
    if (me.pendingHtml) this.thread.addPending(me.pendingHtml);
  }

  private markLikes(root: ParentNode): void {
    for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-like]')) {
      button.setAttribute('aria-pressed', this.liked.has(Number(button.dataset.like)) ? 'true' : 'false');
    }
    if (!this.reader) return;
    const items = [...(root instanceof HTMLLIElement ? [root] : []), ...root.querySelectorAll<HTMLLIElement>('li.comment-item')];
    for (const li of items) this.addOwnerActions(li);
  }

  /**
   * The same controls the comments page renders for a reader (OwnerActions in
   * CommentsSection.tsx): edit within the window and delete one's own, follow a thread.
   * Plain links and forms: they work the same way with or without this island.
   */
  private addOwnerActions(li: HTMLLIElement): void {
    const id = itemId(li);
    const footer = li.querySelector<HTMLElement>(':scope > article > footer.comment-actions');
    if (!footer || footer.querySelector('.comment-owner')) return;
    const until = this.own.get(id);
    const controls: HTMLElement[] = [];
    const hidden = (children: (string | Node)[]) => el('span', { class: 'visually-hidden' }, children);
    if (until !== undefined && until > Date.now()) controls.push(el('a', { class: 'comment-edit comment-owner', attrs: { href: `/comments/${id}/edit` } }, rich('comments.edit', {}, { hidden })));
    if (until !== undefined) {
      const del = el('form', { class: 'comment-delete-form comment-owner', attrs: { method: 'post', action: `/comments/${id}/delete` } }, [el('button', { class: 'comment-delete', attrs: { type: 'submit' } }, rich('comments.delete', {}, { hidden }))]);
      del.addEventListener('submit', (event) => {
        if (!window.confirm(t('comments.island.deleteConfirm'))) event.preventDefault();
      });
      controls.push(del);
    }
    if (itemDepth(li) === 0) {
      const following = this.following.has(id);
      controls.push(
        el('form', { class: 'comment-follow-form comment-owner', attrs: { method: 'post', action: `/comments/${id}/follow` } }, [
          el('input', { attrs: { type: 'hidden', name: 'follow', value: following ? '0' : '1' } }),
          el('button', { class: 'comment-follow', attrs: { type: 'submit', 'aria-pressed': following ? 'true' : 'false' } }, rich(following ? 'comments.following' : 'comments.follow', { author: authorOf(li) }, { hidden })),
        ]),
      );
    }
    footer.append(...controls);
  }

  // ---- Clicks and forms ---------------------------------------------------------------

  private onClick(event: MouseEvent): void {
    if (!plainClick(event) || !(event.target instanceof Element)) return;
    const link = event.target.closest<HTMLAnchorElement>('a[data-reply], a[data-more-comments], a[data-sort-link], a[data-more-replies]');
    if (!link || !this.section.contains(link)) return;
    if (link.dataset.reply !== undefined) {
      if (!this.form) return; // closed thread: the link's page says so
      event.preventDefault();
      this.form.startReply(Number(link.dataset.reply), link);
    } else if (link.dataset.moreComments !== undefined) {
      event.preventDefault();
      void this.loadMore(link);
    } else if (link.dataset.sortLink !== undefined) {
      event.preventDefault();
      void this.sortBy(link, link.dataset.sortLink);
    } else if (link.dataset.moreReplies !== undefined) {
      event.preventDefault();
      void this.loadReplies(link);
    }
  }

  private onSubmit(event: SubmitEvent): void {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('comment-like-form')) return;
    const button = form.querySelector<HTMLButtonElement>('button[data-like]');
    const csrf = this.csrf;
    if (!button || !csrf) return; // not signed in: the server sends them to sign in
    event.preventDefault();
    if (button.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-busy', 'true');
    const id = Number(button.dataset.like);
    toggleLike(id, csrf)
      .then((result) => {
        if (result.liked) this.liked.add(id);
        else this.liked.delete(id);
        for (const b of this.section.querySelectorAll<HTMLButtonElement>(`button[data-like="${id}"]`)) {
          b.setAttribute('aria-pressed', result.liked ? 'true' : 'false');
          const count = b.querySelector('.like-count');
          if (count) count.textContent = number(result.likeCount);
        }
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) form.submit();
        else this.announce(err instanceof ApiError ? err.message : t('comments.island.likeFailed'));
      })
      .finally(() => button.removeAttribute('aria-busy'));
  }

  // ---- More, sorting, replies ---------------------------------------------------------

  private async loadMore(link: HTMLAnchorElement): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    link.setAttribute('aria-busy', 'true');
    try {
      const f = await fetchFragment(this.articleId, this.sort, this.page + 1);
      const items = commentItems(f.html).filter((li) => !this.thread.exists(itemId(li)));
      this.thread.list.append(...items);
      for (const li of items) this.markLikes(li);
      this.page = f.page;
      this.section.dataset.page = String(f.page);
      setCounts(f.countText);
      this.setMore(f.hasMore);
      this.announce(t('comments.island.moreLoaded', { count: items.length }));
      // The link is gone when there is nothing more: continue from the first new comment.
      const first = items[0]?.querySelector<HTMLElement>(':scope > article');
      if (!f.hasMore && first) focusQuietly(first);
    } catch {
      window.location.assign(link.href); // the plain page does the same
    } finally {
      link.removeAttribute('aria-busy');
      this.loading = false;
    }
  }

  private async sortBy(link: HTMLAnchorElement, sort: string): Promise<void> {
    if (this.loading || (sort === this.sort && this.page === 1)) return;
    this.loading = true;
    this.thread.list.setAttribute('aria-busy', 'true');
    try {
      const f = await fetchFragment(this.articleId, sort, 1);
      // The form must not go down with the items it may be replying under.
      if (this.form?.replyingTo !== undefined && this.thread.list.contains(this.form.form)) this.form.cancelReply(false);
      const items = commentItems(f.html);
      this.thread.list.replaceChildren(...items);
      this.markLikes(this.thread.list);
      this.sort = f.sort;
      this.page = f.page;
      this.section.dataset.sort = f.sort;
      this.section.dataset.page = String(f.page);
      for (const a of this.section.querySelectorAll<HTMLAnchorElement>('a[data-sort-link]')) {
        if (a.dataset.sortLink === f.sort) a.setAttribute('aria-current', 'true');
        else a.removeAttribute('aria-current');
      }
      setCounts(f.countText);
      this.setMore(f.hasMore);
      this.announce(t('comments.island.sorted', { sort: link.textContent?.trim() ?? sort }));
    } catch {
      window.location.assign(link.href);
    } finally {
      this.thread.list.removeAttribute('aria-busy');
      this.loading = false;
    }
  }

  /** Shows, points or hides the "More comments" link (made when a re-sort needs it). */
  private setMore(hasMore: boolean): void {
    this.hasMore = hasMore;
    let link = this.section.querySelector<HTMLAnchorElement>('a[data-more-comments]');
    if (!link && hasMore) {
      link = el('a', { class: 'button button-secondary', text: t('comments.more'), attrs: { 'data-more-comments': '', rel: 'next' } });
      this.thread.list.after(el('p', { class: 'comment-more' }, [link]));
    }
    if (!link) return;
    link.href = `/articles/${this.articleId}/comments?sort=${encodeURIComponent(this.sort)}&page=${this.page + 1}`;
    const holder = link.closest<HTMLElement>('p.comment-more') ?? link;
    holder.hidden = !hasMore;
  }

  private async loadReplies(link: HTMLAnchorElement): Promise<void> {
    const rootId = Number(link.dataset.moreReplies);
    const skip = Number(link.dataset.skip ?? '0');
    const root = link.closest<HTMLLIElement>('li.comment-item') ?? this.thread.find(rootId);
    if (!root || link.getAttribute('aria-busy') === 'true') return;
    link.setAttribute('aria-busy', 'true');
    try {
      const html = await fetchReplies(this.articleId, rootId, skip);
      const items = commentItems(html).filter((li) => !this.thread.exists(itemId(li)));
      const list = this.thread.repliesOf(root);
      list.append(...items);
      for (const li of items) this.markLikes(li);
      (link.closest('p.comment-more-replies') ?? link).remove();
      this.announce(t('comments.island.repliesLoaded', { count: items.length }));
      // The link is gone: continue from the first reply it brought.
      const target = items[0]?.querySelector<HTMLElement>(':scope > article') ?? root.querySelector<HTMLElement>(':scope > article');
      if (target) focusQuietly(target);
    } catch {
      window.location.assign(link.href);
    }
  }

  // ---- Live updates -------------------------------------------------------------------

  private async hold(work: () => Promise<void>): Promise<void> {
    this.posting++;
    this.held ??= [];
    try {
      await work();
    } finally {
      this.posting--;
      if (this.posting === 0) {
        const waiting = this.held;
        this.held = null;
        for (const run of waiting ?? []) run();
      }
    }
  }

  private whenFree(run: () => void): void {
    if (this.held) this.held.push(run);
    else run();
  }

  private connect(): void {
    if (this.source || typeof EventSource === 'undefined') return;
    window.clearTimeout(this.retry);
    const source = new EventSource(`/articles/${this.articleId}/comments/events`);
    this.source = source;
    source.addEventListener('open', () => {
      this.section.dataset.live = 'connected';
      if (this.connectedBefore) void this.resync();
      this.connectedBefore = true;
    });
    source.addEventListener('error', () => {
      this.section.dataset.live = 'reconnecting';
      // EventSource retries by itself, unless the server refused the stream outright.
      if (source.readyState === EventSource.CLOSED) {
        this.disconnect();
        this.retry = window.setTimeout(() => this.connect(), RECONNECT_MS);
      }
    });
    source.addEventListener('comment', (event) => {
      const data = parseLiveComment((event as MessageEvent<unknown>).data);
      if (data) this.whenFree(() => this.onLiveComment(data));
    });
    source.addEventListener('hidden', (event) => {
      const data = parseLiveHidden((event as MessageEvent<unknown>).data);
      if (data) this.whenFree(() => this.onLiveHidden(data));
    });
    // Sent on every connection: the page may be a browser-cached copy older than the thread.
    source.addEventListener('count', (event) => {
      const data = parseLiveCount((event as MessageEvent<unknown>).data);
      if (data) this.whenFree(() => void this.refreshIfStale(data.countText));
    });
  }

  /** Brings the first page up to date when the page's count is not the thread's. */
  private async refreshIfStale(countText: string): Promise<void> {
    const shown = this.section.querySelector('[data-comment-count]')?.textContent?.trim();
    if (shown === countText || this.page !== 1 || this.loading) return;
    this.loading = true;
    try {
      const f = await fetchFragment(this.articleId, this.sort, 1);
      if (this.form?.replyingTo !== undefined && this.thread.list.contains(this.form.form)) this.form.cancelReply(false);
      this.thread.list.replaceChildren(...commentItems(f.html));
      this.markLikes(this.thread.list);
      setCounts(f.countText);
      this.setMore(f.hasMore);
      if (f.html) this.section.querySelector('[data-comments-empty]')?.remove();
    } catch {
      setCounts(countText);
    } finally {
      this.loading = false;
    }
  }

  private disconnect(): void {
    this.source?.close();
    this.source = null;
    delete this.section.dataset.live;
  }

  /** After a dropped connection: the count may have moved meanwhile. */
  private async resync(): Promise<void> {
    try {
      setCounts((await fetchFragment(this.articleId, this.sort, 1)).countText);
    } catch {
      // the next event brings the count anyway
    }
  }

  private onLiveComment(c: LiveComment): void {
    setCounts(c.countText);
    const [li] = commentItems(c.html);
    // Already shown: the reader's own post, or a decision (an Editor's pick) on a shown comment.
    if (!li || this.thread.find(c.id)) return;
    const held = this.thread.pendingItem(c.id);
    if (held) this.thread.remove(c.id);
    else if (this.thread.exists(c.id)) return;
    const placed = c.parentId === null ? this.thread.placeRoot(li, this.sort, this.hasMore) : this.thread.placeReply(li, c.parentId);
    if (held) this.announce(t('comments.island.ownPublished'));
    if (!placed) return; // its place is not on the page (a later page, an unloaded parent)
    this.markLikes(li);
    if (!scrollAnchoring) {
      // Added above what the reader is looking at: keep their place.
      const box = li.getBoundingClientRect();
      if (box.bottom <= 0) window.scrollBy(0, box.height);
    }
    li.classList.add('comment-new');
    window.setTimeout(() => li.classList.remove('comment-new'), HIGHLIGHT_MS);
    const author = authorOf(li);
    if (!held && (!this.name || author !== this.name)) this.announce(t('comments.island.newFrom', { author }));
  }

  private onLiveHidden(h: LiveHidden): void {
    setCounts(h.countText);
    if (h.id === 0) return; // a deleted account: only the count moved
    const item = this.thread.find(h.id);
    const form = this.form;
    if (item && form?.replyingTo !== undefined && item.contains(form.form)) {
      form.cancelReply(false);
      form.showErrors([t('comments.island.parentRemoved')]);
    }
    const copies = this.section.querySelectorAll(`li.comment-item[data-comment-id="${h.id}"]`);
    const focusLost = Array.from(copies).some((node) => node.contains(document.activeElement));
    this.thread.remove(h.id);
    if (focusLost) focusQuietly(this.thread.list);
  }
}

function start(): void {
  const section = document.querySelector<HTMLElement>('section[data-comments]');
  const list = section?.querySelector<HTMLOListElement>('ol[data-thread]');
  const articleId = Number(section?.dataset.article);
  if (!section || !list || !Number.isSafeInteger(articleId) || articleId <= 0) return;
  // The island speaks the page's language, from the messages the server put on the section.
  if (!loadMessages(section)) return;
  new CommentsIsland(section, list, articleId).start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
