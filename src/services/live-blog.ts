/**
 * Live coverage (docs/live-blog.md): starting and ending a story's live blog, its player
 * switch, and its timestamped updates (post, edit, pin, unpin, delete). Every command checks
 * `policies.postLiveUpdate` (whoever may publish the story), writes in one transaction and
 * publishes a content event after it commits: `liveblog.update` for an update (the page
 * cache drops the story's page and lists; the live stream sends it to readers), and
 * `article.changed` for coverage changes.
 *
 * The reader side (`forArticle`, `olderThan`, `since`, `view`) reads published stories'
 * updates only through callers that have checked the story is public (site routes).
 */
import type { Article } from '../core/articles.js';
import type { ContentEvents, LiveUpdateAction } from '../core/events.js';
import type { LiveCoverage, LiveUpdate, LiveUpdateInput } from '../core/live-blog.js';
import { LIVE_UPDATES_PER_PAGE, validateLiveUpdate } from '../core/live-blog.js';
import type { ArticleFacts } from '../core/policies.js';
import { ForbiddenError, policies } from '../core/policies.js';
import type { StaffUser } from '../core/staff.js';
import type { Db } from '../storage/db.js';
import { ArticleRepository } from '../storage/repositories/articles.js';
import { LiveUpdateRepository } from '../storage/repositories/live-updates.js';
import { NotFoundError, ValidationError } from './publishing.js';

export interface LiveBlogDeps {
  db: Db;
  events: ContentEvents;
  now?: () => Date;
}

/** What a reader page shows of a story's live coverage. */
export interface LiveBlogModel {
  articleId: number;
  coverage: LiveCoverage;
  /** Key updates, newest first (also in `updates` when they are recent enough). */
  pinned: LiveUpdate[];
  /** The newest updates, newest first (one page). */
  updates: LiveUpdate[];
  /** Id of the oldest update shown, when there are older ones ("Load older updates"). */
  olderThan: number | undefined;
  /** Visible updates in all. */
  count: number;
  /** The newest update's id (the island's resync point). */
  latestId: number | undefined;
  /** When an update last changed (the page's Last-Modified). */
  lastChange: string | null;
}

/** The newsroom panel's model. */
export interface LiveBlogPanel {
  articleId: number;
  coverage: LiveCoverage;
  updates: LiveUpdate[];
  canPost: boolean;
  /** The story is published: updates reach readers at once. */
  published: boolean;
}

export class LiveBlogService {
  readonly repo: LiveUpdateRepository;
  private readonly articles: ArticleRepository;
  private readonly now: () => Date;

  constructor(private readonly deps: LiveBlogDeps) {
    this.repo = new LiveUpdateRepository(deps.db.kysely);
    this.articles = new ArticleRepository(deps.db.kysely);
    this.now = deps.now ?? (() => new Date());
  }

  private get k() {
    return this.deps.db.kysely;
  }

  private async story(articleId: number): Promise<{ article: Article; facts: ArticleFacts }> {
    const article = await this.articles.findById(articleId);
    if (!article) throw new NotFoundError('no such story');
    const extra = await this.k.selectFrom('articles').select('created_by').where('id', '=', articleId).executeTakeFirstOrThrow();
    const authorIds = (await this.articles.authorIdsFor([articleId])).get(articleId) ?? [];
    return { article, facts: { status: article.status, createdBy: extra.created_by, authorIds } };
  }

  private async allowed(actor: StaffUser, articleId: number): Promise<Article> {
    const { article, facts } = await this.story(articleId);
    if (!policies.postLiveUpdate(actor, facts)) throw new ForbiddenError('postLiveUpdate');
    return article;
  }

  /** An update of the story, or 404 (also when it belongs to another story or was deleted). */
  private async updateOf(articleId: number, updateId: number): Promise<LiveUpdate> {
    const u = await this.repo.find(updateId);
    if (!u || u.articleId !== articleId) throw new NotFoundError('no such update');
    return u;
  }

  private published(articleId: number, updateId: number, action: LiveUpdateAction): void {
    this.deps.events.publish({ type: 'liveblog.update', articleId, updateId, action });
  }

  // ---- coverage -----------------------------------------------------------------------

  /** Makes the story a live blog (again): the page shows LIVE and takes updates. */
  async startCoverage(actor: StaffUser, articleId: number): Promise<void> {
    const article = await this.allowed(actor, articleId);
    const now = this.now().toISOString();
    await this.k.transaction().execute(async (tx) => {
      const current = await this.repo.coverage(articleId, tx);
      await this.repo.setCoverage(tx, articleId, { live_coverage: 1, live_started_at: current?.startedAt ?? now, live_ended_at: null, updated_at: now });
    });
    this.deps.events.publish({ type: 'article.changed', articleId, sectionId: article.sectionId });
  }

  /** Ends the coverage: the story stays, with its updates, without the LIVE badge. */
  async endCoverage(actor: StaffUser, articleId: number): Promise<void> {
    const article = await this.allowed(actor, articleId);
    const now = this.now().toISOString();
    await this.k.transaction().execute(async (tx) => {
      const current = await this.repo.coverage(articleId, tx);
      if (!current?.live) return;
      await this.repo.setCoverage(tx, articleId, { live_coverage: 0, live_ended_at: now, updated_at: now });
    });
    this.deps.events.publish({ type: 'article.changed', articleId, sectionId: article.sectionId });
  }

  /** Shows or hides the edition's live TV player at the top of the live blog. */
  async setPlayer(actor: StaffUser, articleId: number, on: boolean): Promise<void> {
    const article = await this.allowed(actor, articleId);
    const now = this.now().toISOString();
    await this.k.transaction().execute((tx) => this.repo.setCoverage(tx, articleId, { live_player: on ? 1 : 0, updated_at: now }));
    this.deps.events.publish({ type: 'article.changed', articleId, sectionId: article.sectionId });
  }

  // ---- updates ------------------------------------------------------------------------

  async post(actor: StaffUser, articleId: number, input: LiveUpdateInput & { pinned?: boolean }): Promise<LiveUpdate> {
    await this.allowed(actor, articleId);
    const checked = validateLiveUpdate(input);
    if (!checked.ok) throw new ValidationError(checked.issues);
    const now = this.now().toISOString();
    const id = await this.k.transaction().execute(async (tx) => {
      // Read inside the transaction: coverage ended a moment ago refuses the post.
      const coverage = await this.repo.coverage(articleId, tx);
      if (!coverage?.live) throw new ValidationError(['This story is not live: start live coverage before posting updates.']);
      return this.repo.insert(tx, { articleId, headline: checked.headline, body: JSON.stringify(checked.body), pinned: input.pinned === true, createdAt: now, createdBy: actor.id });
    });
    this.published(articleId, id, 'posted');
    return this.updateOf(articleId, id);
  }

  async edit(actor: StaffUser, articleId: number, updateId: number, input: LiveUpdateInput): Promise<LiveUpdate> {
    await this.allowed(actor, articleId);
    await this.updateOf(articleId, updateId);
    const checked = validateLiveUpdate(input);
    if (!checked.ok) throw new ValidationError(checked.issues);
    const now = this.now().toISOString();
    await this.k.transaction().execute((tx) => this.repo.update(tx, updateId, { headline: checked.headline, body: JSON.stringify(checked.body), updated_at: now }));
    this.published(articleId, updateId, 'edited');
    return this.updateOf(articleId, updateId);
  }

  async setPinned(actor: StaffUser, articleId: number, updateId: number, pinned: boolean): Promise<void> {
    await this.allowed(actor, articleId);
    const current = await this.updateOf(articleId, updateId);
    if (current.pinned === pinned) return;
    const now = this.now().toISOString();
    await this.k.transaction().execute((tx) => this.repo.update(tx, updateId, { pinned: pinned ? 1 : 0, updated_at: now }));
    this.published(articleId, updateId, pinned ? 'pinned' : 'unpinned');
  }

  /** Removes an update from the page (kept in the table, marked deleted). */
  async remove(actor: StaffUser, articleId: number, updateId: number): Promise<void> {
    await this.allowed(actor, articleId);
    await this.updateOf(articleId, updateId);
    const now = this.now().toISOString();
    await this.k.transaction().execute((tx) => this.repo.update(tx, updateId, { deleted_at: now, updated_at: now }));
    this.published(articleId, updateId, 'deleted');
  }

  // ---- reading ------------------------------------------------------------------------

  async panel(actor: StaffUser, articleId: number): Promise<LiveBlogPanel> {
    const { article, facts } = await this.story(articleId);
    const coverage = (await this.repo.coverage(articleId)) ?? { live: false, player: false, startedAt: null, endedAt: null };
    return { articleId, coverage, updates: await this.repo.page(articleId, 200), canPost: policies.postLiveUpdate(actor, facts), published: article.status === 'published' };
  }

  /** The newsroom's copy of one update (the edit form). */
  update(articleId: number, updateId: number): Promise<LiveUpdate> {
    return this.updateOf(articleId, updateId);
  }

  /** A story's live blog for its page; undefined when it never had live coverage or updates. */
  async forArticle(articleId: number): Promise<LiveBlogModel | undefined> {
    const coverage = await this.repo.coverage(articleId);
    if (!coverage) return undefined;
    const [page, pinned, stats] = await Promise.all([this.repo.page(articleId, LIVE_UPDATES_PER_PAGE + 1), this.repo.pinned(articleId), this.repo.stats(articleId)]);
    if (!coverage.live && stats.count === 0) return undefined;
    const updates = page.slice(0, LIVE_UPDATES_PER_PAGE);
    return {
      articleId,
      coverage,
      pinned,
      updates,
      olderThan: page.length > LIVE_UPDATES_PER_PAGE ? updates[updates.length - 1]?.id : undefined,
      count: stats.count,
      latestId: updates[0]?.id,
      lastChange: stats.lastChange,
    };
  }

  /** One page of updates older than `updateId` (newest first), and whether more follow. */
  async olderThan(articleId: number, updateId: number): Promise<{ updates: LiveUpdate[]; olderThan: number | undefined } | undefined> {
    const anchor = await this.repo.find(updateId);
    if (!anchor || anchor.articleId !== articleId) return undefined;
    const page = await this.repo.page(articleId, LIVE_UPDATES_PER_PAGE + 1, anchor);
    const updates = page.slice(0, LIVE_UPDATES_PER_PAGE);
    return { updates, olderThan: page.length > LIVE_UPDATES_PER_PAGE ? updates[updates.length - 1]?.id : undefined };
  }

  /** Updates posted after `updateId` (oldest first, at most 50): what a reconnecting page missed. 0: the newest 50. */
  async since(articleId: number, updateId: number): Promise<LiveUpdate[] | undefined> {
    if (updateId === 0) return (await this.repo.page(articleId, 50)).reverse();
    const anchor = await this.deps.db.kysely.selectFrom('live_updates').select(['id', 'article_id', 'created_at']).where('id', '=', updateId).executeTakeFirst();
    // A deleted anchor still marks a position.
    if (!anchor || anchor.article_id !== articleId) return undefined;
    return this.repo.since(articleId, { id: anchor.id, createdAt: anchor.created_at }, 50);
  }

  /** One visible update (the live stream renders it). */
  view(updateId: number): Promise<LiveUpdate | undefined> {
    return this.repo.find(updateId);
  }
}
