/**
 * Reader comments: reading a thread one page at a time, posting through the moderation
 * pipeline and the local score, editing within the window, deleting, likes, reports and
 * thread follows. Every change of visibility updates the maintained counts in the same
 * transaction and is announced on the content events (page cache, live updates).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isPubliclyVisible } from '../core/articles.js';
import type { Article, ArticleStatus } from '../core/articles.js';
import { COMMENT_LIMITS, commentLinks, commentPlainText, normaliseCommentText } from '../core/comments/body.js';
import { classifierTokens, classify } from '../core/comments/classifier.js';
import { CommentRejectedError, length, moderate, threadOpen } from '../core/comments/pipeline.js';
import type { CommentCandidate, PipelineContext } from '../core/comments/pipeline.js';
import { HOLD_SCORE, scoreComment } from '../core/comments/score.js';
import { COMMENTS_PAGE_SIZE, COMMENT_SORTS, DEFAULT_COMMENT_SETTINGS, MAX_DEPTH, REPLIES_PER_THREAD, REPORT_REASONS, commentSettingsSchema, moderationSettings } from '../core/comments/settings.js';
import type { CommentSettings, CommentSort, ReportReason } from '../core/comments/settings.js';
import type { ContentEvents } from '../core/events.js';
import { problemsFromSchema } from '../core/problems.js';
import type { Problem } from '../core/problems.js';
import type { StaffUser } from '../core/staff.js';
import type { Db } from '../storage/db.js';
import { SettingsRepository } from '../storage/repositories/catalog.js';
import { ClassifierStore } from '../storage/repositories/classifier.js';
import { CommentRepository } from '../storage/repositories/comments.js';
import type { ThreadRow } from '../storage/repositories/comments.js';
import type { CommentRow } from '../storage/schema.js';
import { NotFoundError, ValidationError } from './publishing.js';
import type { Reader } from './readers.js';
import { toReader } from './readers.js';
import type { RateLimiter } from './rate-limits.js';
import { createWordFilters } from './word-filters.js';
import type { WordFilters } from './word-filters.js';

export type CommentStatus = 'approved' | 'pending' | 'rejected' | 'deleted';

export interface CommentView {
  id: number;
  articleId: number;
  parentId: number | null;
  rootId: number;
  depth: number;
  authorName: string;
  /** Posted by a member of staff: badged. */
  staff: boolean;
  readerId: number | null;
  body: string;
  status: CommentStatus;
  featured: boolean;
  likeCount: number;
  replyCount: number;
  createdAt: string;
  editedAt: string | null;
  /** Shown on a flattened reply: the name of the comment it answers. */
  replyingTo: string | null;
  replies: CommentView[];
  /** Visible replies not loaded with the thread ("more replies"). */
  moreReplies: number;
}

export interface CommentThread {
  articleId: number;
  count: number;
  sort: CommentSort;
  page: number;
  featured: CommentView[];
  comments: CommentView[];
  hasMore: boolean;
  open: boolean;
}

export interface ArticleCommentState {
  open: boolean;
  premoderated: boolean;
  publishedAt: string | null;
  visible: boolean;
  closedReason: string | null;
}

/** What one reader sees differently on a thread. */
export interface ViewerState {
  liked: number[];
  /** Their comments waiting for a moderator. */
  pending: CommentView[];
  /** Their comments on the story, with the time until which they may edit each. */
  own: Array<{ id: number; editableUntil: string }>;
  /** Threads (top-level comment ids) they follow. */
  following: number[];
}

export type CommentAuthor =
  | { kind: 'reader'; readerId: number }
  | { kind: 'staff'; user: StaffUser }
  | { kind: 'guest'; name: string; email: string };

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`You are commenting too fast. Try again in ${retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`}.`);
    this.name = 'RateLimitedError';
  }
}

export interface PostResult {
  comment: CommentView;
  /** What the author is told: published, or waiting for a moderator. */
  message: string;
}

const postSchema = z.object({
  articleId: z.number().int().positive(),
  parentId: z.number().int().positive().optional(),
  // The raw text may be longer than the stored limit before normalisation; the pipeline
  // gives the precise message.
  body: z.string().max(20_000),
});

/** A text over the raw limit is refused before normalisation, with the stored limit's words. */
const TOO_LONG: Problem = { field: 'body', code: 'comment.tooLong', values: { max: COMMENT_LIMITS.maxLength }, text: `Comments can be at most ${COMMENT_LIMITS.maxLength.toLocaleString('en')} characters.` };

const guestSchema = z.object({ name: z.string().trim().min(2, 'at least 2 characters').max(40), email: z.email('enter a valid address').max(254) });

const SETTINGS_TTL_MS = 5_000;

export const textHash = (body: string) => createHash('sha256').update(commentPlainText(body).toLowerCase().replace(/\W+/g, ' ').trim()).digest('hex');
export const ipHash = (ip: string) => createHash('sha256').update(`newsdesk:${ip}`).digest('hex').slice(0, 32);

export interface CommentsDeps {
  db: Db;
  events: ContentEvents;
  now?: () => Date;
  /** Called after a comment becomes visible, outside the transaction (reply emails). */
  onVisible?: (commentId: number) => void;
  /**
   * Counts shared by every instance (Redis), asked before the database counts with the same
   * limits: a refusal there costs no query. It allows everything when Redis is away.
   */
  rateLimiter?: RateLimiter;
}

export class CommentsService {
  private readonly now: () => Date;
  readonly repo: CommentRepository;
  private readonly settingsRepo: SettingsRepository;
  readonly classifier: ClassifierStore;
  private filters: { source: string; filters: WordFilters } | undefined;
  private cachedSettings: { value: CommentSettings; until: number } | undefined;

  constructor(private readonly deps: CommentsDeps) {
    this.now = deps.now ?? (() => new Date());
    this.repo = new CommentRepository(deps.db.kysely);
    this.settingsRepo = new SettingsRepository(deps.db.kysely);
    this.classifier = new ClassifierStore(deps.db.kysely);
  }

  private get k() {
    return this.deps.db.kysely;
  }

  /**
   * The site's comment settings. Read on every post, so kept for a few seconds: a change made
   * on another instance applies within SETTINGS_TTL_MS, one made here at once.
   */
  async settings(): Promise<CommentSettings> {
    const now = this.now().getTime();
    if (this.cachedSettings && this.cachedSettings.until > now) return this.cachedSettings.value;
    const stored = await this.settingsRepo.get<unknown>('comments');
    const parsed = commentSettingsSchema.safeParse(stored ?? {});
    const value = parsed.success ? parsed.data : DEFAULT_COMMENT_SETTINGS;
    this.cachedSettings = { value, until: now + SETTINGS_TTL_MS };
    return value;
  }

  async saveSettings(raw: unknown): Promise<CommentSettings> {
    const parsed = commentSettingsSchema.safeParse(raw);
    if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    if (parsed.data.minLength >= parsed.data.maxLength) throw new ValidationError(['minLength: must be below the maximum length']);
    await this.settingsRepo.set('comments', parsed.data, this.now());
    this.cachedSettings = undefined;
    return parsed.data;
  }

  private wordFilters(s: CommentSettings): WordFilters {
    const source = JSON.stringify([s.bannedWords, s.suspectWords]);
    if (this.filters?.source !== source) this.filters = { source, filters: createWordFilters(s) };
    return this.filters.filters;
  }

  /** Whether a story takes comments now, and if not why (closed, or past the auto-close age). */
  async articleState(articleId: number): Promise<ArticleCommentState> {
    const a = await this.k.selectFrom('articles').select(['status', 'published_at', 'comments_open', 'comments_premoderated']).where('id', '=', articleId).executeTakeFirst();
    if (!a) throw new NotFoundError('no such story');
    return this.stateOf({ status: a.status as ArticleStatus, publishedAt: a.published_at, commentsOpen: a.comments_open === 1, commentsPremoderated: a.comments_premoderated === 1 });
  }

  private async stateOf(a: Pick<Article, 'status' | 'publishedAt' | 'commentsOpen' | 'commentsPremoderated'>): Promise<ArticleCommentState> {
    const visible = isPubliclyVisible(a, this.now());
    const settings = await this.settings();
    let closedReason: string | null = null;
    if (!a.commentsOpen) closedReason = 'Comments are closed on this story.';
    else if (settings.autoCloseAfterDays > 0 && a.publishedAt && this.now().getTime() - Date.parse(a.publishedAt) > settings.autoCloseAfterDays * 86_400_000) closedReason = `Comments close ${settings.autoCloseAfterDays} days after a story is published.`;
    return { open: closedReason === null, premoderated: a.commentsPremoderated, publishedAt: a.publishedAt, visible, closedReason };
  }

  /**
   * One page of a story's thread: Editor's picks, then top-level comments with their replies.
   * Given the article as just loaded (the story page has it), its maintained count and
   * settings answer without a query, and a story without comments costs none at all.
   */
  async thread(articleId: number, options: { sort?: CommentSort; page?: number } = {}, article?: Article): Promise<CommentThread> {
    const sort = options.sort ?? 'newest';
    const page = Math.max(1, options.page ?? 1);
    if (article && article.id === articleId && article.commentCount === 0) {
      const state = await this.stateOf(article);
      return { articleId, count: 0, sort, page, featured: [], comments: [], hasMore: false, open: state.open };
    }
    const [roots, featured, count, state] = await Promise.all([
      this.repo.roots(articleId, sort, (page - 1) * COMMENTS_PAGE_SIZE, COMMENTS_PAGE_SIZE + 1),
      page === 1 ? this.repo.featured(articleId, 5) : Promise.resolve([]),
      article ? Promise.resolve(article.commentCount) : this.repo.articleCount(articleId),
      article ? this.stateOf(article) : this.articleState(articleId),
    ]);
    const hasMore = roots.length > COMMENTS_PAGE_SIZE;
    const pageRoots = roots.slice(0, COMMENTS_PAGE_SIZE);
    const replies = await this.repo.replies(pageRoots.map((r) => r.id), REPLIES_PER_THREAD);
    return { articleId, count, sort, page, featured: featured.map(toView), comments: nestReplies(pageRoots, replies), hasMore, open: state.open };
  }

  /** The replies of one thread past those loaded with it. */
  async moreReplies(rootId: number, skip: number): Promise<CommentView[]> {
    return (await this.repo.moreReplies(rootId, skip, 200)).map(toView);
  }

  async view(commentId: number): Promise<CommentView | undefined> {
    const row = await this.repo.byId(commentId);
    if (!row) return undefined;
    const view = toView(row);
    // Flattened replies say whom they answer, as in the thread (nestReplies).
    if (row.depth === MAX_DEPTH && row.parent_id !== null) {
      const parent = await this.repo.byId(row.parent_id);
      if (parent?.depth === MAX_DEPTH) view.replyingTo = parent.author_name;
    }
    return view;
  }

  /**
   * Posts a comment. Refusals a reader can fix throw CommentRejectedError or
   * ValidationError (nothing stored); everything else is stored, visible or held, and the
   * answer says which. Acknowledged only after the transaction commits.
   */
  async post(raw: unknown, author: CommentAuthor, ip: string): Promise<PostResult> {
    const input = postSchema.safeParse(raw);
    if (!input.success) throw ValidationError.of(...problemsFromSchema(input.error, { body: TOO_LONG }));
    const { articleId, parentId } = input.data;
    const body = normaliseCommentText(input.data.body);
    const settings = await this.settings();
    const state = await this.articleState(articleId);
    if (!state.visible) throw new NotFoundError('no such story');

    let reader: Reader | undefined;
    if (author.kind === 'reader') {
      const row = await this.k.selectFrom('readers').selectAll().where('id', '=', author.readerId).executeTakeFirst();
      if (!row) throw ValidationError.of({ code: 'comment.signIn', text: 'Sign in to comment.' });
      reader = toReader(row);
    } else if (author.kind === 'guest') {
      if (!settings.guestComments) throw ValidationError.of({ code: 'comment.membersOnly', text: 'Sign in to comment: this site does not take comments without an account.' });
      const g = guestSchema.safeParse(author);
      if (!g.success) throw ValidationError.of(...problemsFromSchema(g.error));
    }

    const parent = parentId === undefined ? undefined : await this.repo.byId(parentId);
    if (parentId !== undefined && (!parent || parent.article_id !== articleId || parent.status !== 'approved')) throw ValidationError.of({ code: 'comment.parentGone', text: 'The comment you are replying to is not available any more.' });

    const hashOfIp = ipHash(ip);
    const hashOfText = textHash(body);
    const repeated = author.kind === 'staff' ? 0 : await this.checkRateAndDuplicates(settings, reader?.id ?? null, hashOfIp, hashOfText, articleId);

    const { candidate, ctx, filters } = this.pipelineInput(body, state, reader, settings);
    // Staff skip the holds (their words are the newsroom's) but not a closed thread or the length.
    const verdict = author.kind === 'staff' ? moderate(candidate, ctx, [threadOpen, length]) : moderate(candidate, ctx);

    const tokens = classifierTokens(body);
    const trained = author.kind === 'staff' ? null : await this.classifier.load(tokens);
    const score = author.kind === 'staff'
      ? { score: 0, reasons: [] }
      : scoreComment({
          text: body,
          linkCount: commentLinks(body).length,
          author: reader ? { kind: 'reader', accountAgeDays: (this.now().getTime() - Date.parse(reader.createdAt)) / 86_400_000, approvedComments: reader.approvedComments, rejectedComments: reader.rejectedComments } : { kind: 'guest' },
          repeatedText: repeated,
          suspectWords: filters.suspectWords(commentPlainText(body)).length,
          classifier: trained ? classify(tokens, trained.totals, trained.counts) : null,
        });
    const holdReasons = [...verdict.reasons];
    if (score.score >= HOLD_SCORE) holdReasons.push(`spam score ${score.score}`);
    const status: CommentStatus = holdReasons.length ? 'pending' : 'approved';

    const depth = parent ? Math.min(parent.depth + 1, MAX_DEPTH) : 0;
    const at = this.now().toISOString();
    const name = author.kind === 'reader' ? (reader?.displayName ?? '') : author.kind === 'staff' ? author.user.name : author.name.trim();
    const id = await this.k.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('comments')
        .values({
          article_id: articleId,
          parent_id: parent?.id ?? null,
          root_id: parent ? (parent.root_id ?? parent.id) : null,
          depth,
          reader_id: reader?.id ?? null,
          staff_user_id: author.kind === 'staff' ? author.user.id : null,
          author_name: name.slice(0, 80),
          guest_email: author.kind === 'guest' ? author.email.trim().toLowerCase() : null,
          body,
          status,
          hold_reasons: JSON.stringify(holdReasons),
          score: score.score,
          score_reasons: JSON.stringify(score.reasons),
          text_hash: hashOfText,
          ip_hash: hashOfIp,
          created_at: at,
          edited_at: null,
          moderated_at: null,
          moderated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A top-level comment is its own thread root: replies find their thread by one column.
      if (!parent) await trx.updateTable('comments').set({ root_id: inserted.id }).where('id', '=', inserted.id).execute();
      const row = (await this.repo.byId(inserted.id, trx)) as CommentRow;
      if (status === 'approved') await this.repo.adjustCounts(trx, row, 1);
      // Whoever posts follows the thread they posted in (they can unfollow from any email).
      if (reader) {
        await trx.insertInto('comment_follows').values({ reader_id: reader.id, root_id: row.root_id ?? row.id, created_at: at }).onConflict((oc) => oc.columns(['reader_id', 'root_id']).doNothing()).execute();
      }
      return inserted.id;
    });

    const comment = (await this.view(id)) as CommentView;
    if (status === 'approved') await this.announce('comment.visible', comment);
    return {
      comment,
      message: status === 'approved' ? 'Your comment is published.' : 'Thank you. Your comment will appear once a moderator has read it.',
    };
  }

  /** What the moderation pipeline is given for a text: the comment as a candidate, and the site's rules. */
  private pipelineInput(body: string, state: ArticleCommentState, reader: Reader | undefined, settings: CommentSettings) {
    const candidate: CommentCandidate = {
      body,
      article: { commentsMode: !state.open ? 'closed' : state.premoderated ? 'premoderated' : 'open', publishedAt: state.publishedAt },
      author: reader ? { kind: 'reader', approvedComments: reader.approvedComments, verified: reader.verified, banned: reader.banned, suspendedUntil: reader.suspendedUntil } : { kind: 'guest' },
    };
    const filters = this.wordFilters(settings);
    const ctx: PipelineContext = { settings: moderationSettings(settings), now: this.now(), hasBannedWords: filters.hasBannedWords, suspectWords: filters.suspectWords };
    return { candidate, ctx, filters };
  }

  /** Throws when the author or address is over the rate limit or posts the same text again; returns how often the text was seen elsewhere. */
  private async checkRateAndDuplicates(s: CommentSettings, readerId: number | null, hashOfIp: string, hashOfText: string, articleId: number): Promise<number> {
    const now = this.now().getTime();
    const minuteAgo = new Date(now - 60_000).toISOString();
    const hourAgo = new Date(now - 3_600_000).toISOString();
    const dayAgo = new Date(now - 86_400_000).toISOString();
    // First the shared counters (per attempt, so a refused duplicate counts too), then the rows.
    if (this.deps.rateLimiter) {
      const limits = [{ windowSeconds: 60, max: s.ratePerMinute }, { windowSeconds: 3600, max: s.ratePerHour }];
      for (const key of readerId !== null ? [`comments:reader:${readerId}`, `comments:ip:${hashOfIp}`] : [`comments:ip:${hashOfIp}`]) {
        const decision = await this.deps.rateLimiter.hit(key, limits);
        if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
      }
    }
    // The reader's own comments, and everything from their address (whatever the account).
    const who = readerId !== null ? [{ readerId, ipHash: hashOfIp }, { readerId: null, ipHash: hashOfIp }] : [{ readerId: null, ipHash: hashOfIp }];
    const recent = await Promise.all(who.map((w) => this.repo.recentBy(w, dayAgo, Math.max(s.ratePerHour, 200))));
    for (const rows of recent) {
      if (rows.filter((r) => r.createdAt > minuteAgo).length >= s.ratePerMinute) throw new RateLimitedError(60);
      if (rows.filter((r) => r.createdAt > hourAgo).length >= s.ratePerHour) throw new RateLimitedError(3600);
    }
    const own = recent[0] ?? [];
    if (own.some((r) => r.textHash === hashOfText && r.articleId === articleId)) throw new CommentRejectedError('duplicate', 'You already posted this comment on this story.');
    return own.filter((r) => r.textHash === hashOfText).length;
  }

  private async announce(type: 'comment.visible' | 'comment.hidden', c: { id: number; articleId: number }): Promise<void> {
    const count = await this.repo.articleCount(c.articleId);
    this.deps.events.publish({ type, articleId: c.articleId, commentId: c.id, count });
    if (type === 'comment.visible') this.deps.onVisible?.(c.id);
  }

  private async ownComment(commentId: number, readerId: number): Promise<CommentRow> {
    const row = await this.repo.byId(commentId);
    if (!row || row.reader_id !== readerId || row.status === 'deleted') throw new NotFoundError('no such comment of yours');
    return row;
  }

  /** Edits within the window; the text passes the pipeline again and is marked edited. */
  async edit(commentId: number, readerId: number, rawBody: string): Promise<CommentView> {
    const row = await this.ownComment(commentId, readerId);
    const settings = await this.settings();
    if (this.now().getTime() - Date.parse(row.created_at) > settings.editWindowMinutes * 60_000) throw ValidationError.of({ code: 'comment.editWindow', values: { minutes: settings.editWindowMinutes }, text: `Comments can be edited for ${settings.editWindowMinutes} minutes after posting.` });
    const body = normaliseCommentText(rawBody.slice(0, 20_000));
    const readerRow = await this.k.selectFrom('readers').selectAll().where('id', '=', readerId).executeTakeFirstOrThrow();
    const reader = toReader(readerRow);
    const state = await this.articleState(row.article_id);
    const { candidate, ctx } = this.pipelineInput(body, state, reader, settings);
    const verdict = moderate(candidate, ctx);
    // An approved comment stays up unless the edit adds something that needs a moderator.
    const next: CommentStatus = row.status === 'approved' && verdict.status === 'approved' ? 'approved' : row.status === 'approved' ? 'pending' : (row.status as CommentStatus);
    await this.k.transaction().execute(async (trx) => {
      await trx.updateTable('comments').set({ body, text_hash: textHash(body), edited_at: this.now().toISOString(), status: next, hold_reasons: JSON.stringify(verdict.reasons) }).where('id', '=', row.id).execute();
      if (row.status === 'approved' && next !== 'approved') await this.repo.adjustCounts(trx, row, -1);
    });
    await this.announce(next === 'approved' ? 'comment.visible' : 'comment.hidden', { id: row.id, articleId: row.article_id });
    return (await this.view(row.id)) as CommentView;
  }

  async deleteOwn(commentId: number, readerId: number): Promise<void> {
    const row = await this.ownComment(commentId, readerId);
    await this.hide(row, 'deleted');
  }

  /** Moves a comment out of the visible set (deleted by its author, rejected by a moderator). */
  async hide(row: CommentRow, status: 'deleted' | 'rejected', extra: { moderatedBy?: number } = {}): Promise<void> {
    await this.k.transaction().execute(async (trx) => {
      const changed = await trx
        .updateTable('comments')
        .set({ status, featured: 0, ...(extra.moderatedBy !== undefined ? { moderated_by: extra.moderatedBy, moderated_at: this.now().toISOString() } : {}) })
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 1 && row.status === 'approved') await this.repo.adjustCounts(trx, row, -1);
    });
    await this.announce('comment.hidden', { id: row.id, articleId: row.article_id });
  }

  /** Likes or unlikes; answers the new state and count. */
  async toggleLike(commentId: number, readerId: number): Promise<{ liked: boolean; likeCount: number }> {
    const row = await this.repo.byId(commentId);
    if (!row || row.status !== 'approved') throw new NotFoundError('no such comment');
    if (row.reader_id === readerId) throw ValidationError.of({ code: 'comment.ownLike', text: 'You cannot like your own comment.' });
    const liked = await this.k.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom('comment_reactions').where('comment_id', '=', commentId).where('reader_id', '=', readerId).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 1) {
        await trx.updateTable('comments').set((eb) => ({ like_count: eb('like_count', '-', 1) })).where('id', '=', commentId).execute();
        return false;
      }
      await trx.insertInto('comment_reactions').values({ comment_id: commentId, reader_id: readerId, created_at: this.now().toISOString() }).execute();
      await trx.updateTable('comments').set((eb) => ({ like_count: eb('like_count', '+', 1) })).where('id', '=', commentId).execute();
      return true;
    });
    const after = await this.repo.byId(commentId);
    return { liked, likeCount: after?.like_count ?? 0 };
  }

  /** Reports a comment to the moderators; one report per reader and comment. */
  async report(commentId: number, reporter: { readerId: number | null; ip: string }, reason: string, note: string): Promise<void> {
    if (!(reason in REPORT_REASONS)) throw ValidationError.of({ field: 'reason', code: 'report.reason', text: `choose one of ${Object.keys(REPORT_REASONS).join(', ')}` });
    const row = await this.repo.byId(commentId);
    if (!row || row.status !== 'approved') throw new NotFoundError('no such comment');
    await this.k.transaction().execute(async (trx) => {
      if (reporter.readerId !== null) {
        const already = await trx.selectFrom('comment_reports').select('id').where('comment_id', '=', commentId).where('reader_id', '=', reporter.readerId).where('resolved_at', 'is', null).executeTakeFirst();
        if (already) return;
      }
      await trx.insertInto('comment_reports').values({ comment_id: commentId, reader_id: reporter.readerId, reason: reason as ReportReason, note: normaliseCommentText(note).slice(0, 500), created_at: this.now().toISOString(), resolved_at: null }).execute();
      await trx.updateTable('comments').set((eb) => ({ report_count: eb('report_count', '+', 1) })).where('id', '=', commentId).execute();
    });
  }

  async setFollow(rootId: number, readerId: number, follow: boolean): Promise<void> {
    if (follow) {
      const root = await this.repo.byId(rootId);
      if (!root || root.depth !== 0) throw new NotFoundError('no such thread');
      await this.k.insertInto('comment_follows').values({ reader_id: readerId, root_id: rootId, created_at: this.now().toISOString() }).onConflict((oc) => oc.columns(['reader_id', 'root_id']).doNothing()).execute();
    } else {
      await this.k.deleteFrom('comment_follows').where('reader_id', '=', readerId).where('root_id', '=', rootId).execute();
    }
  }

  /** A reader's own comments, in every state, newest first: their profile page. */
  async history(readerId: number, limit = 50): Promise<Array<{ id: number; articleId: number; headline: string; slug: string; body: string; status: CommentStatus; createdAt: string }>> {
    const rows = await this.k
      .selectFrom('comments as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .select(['c.id', 'c.article_id', 'a.headline', 'a.slug', 'c.body', 'c.status', 'c.created_at'])
      .where('c.reader_id', '=', readerId)
      .where('c.status', '!=', 'deleted')
      .orderBy('c.created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, articleId: r.article_id, headline: r.headline, slug: r.slug, body: r.body, status: r.status as CommentStatus, createdAt: r.created_at }));
  }

  /** What one reader sees differently on a thread: their likes and their comments waiting for a moderator. */
  async viewerState(articleId: number, readerId: number): Promise<ViewerState> {
    const [liked, mine, follows, settings] = await Promise.all([
      this.k.selectFrom('comment_reactions as r').innerJoin('comments as c', 'c.id', 'r.comment_id').select('r.comment_id').where('c.article_id', '=', articleId).where('r.reader_id', '=', readerId).execute(),
      this.k.selectFrom('comments').selectAll().where('article_id', '=', articleId).where('reader_id', '=', readerId).where('status', 'in', ['pending', 'approved']).orderBy('created_at', 'desc').limit(200).execute(),
      this.k.selectFrom('comment_follows as f').innerJoin('comments as c', 'c.id', 'f.root_id').select('f.root_id').where('c.article_id', '=', articleId).where('f.reader_id', '=', readerId).execute(),
      this.settings(),
    ]);
    const windowMs = settings.editWindowMinutes * 60_000;
    return {
      liked: liked.map((r) => r.comment_id),
      pending: mine.filter((r) => r.status === 'pending').reverse().slice(0, 20).map(toView),
      own: mine.map((r) => ({ id: r.id, editableUntil: new Date(Date.parse(r.created_at) + windowMs).toISOString() })),
      following: follows.map((f) => f.root_id),
    };
  }

  /**
   * Deletes a reader account. Their comments stay as "deleted user" or are removed, by site
   * setting; counts follow in the same transaction.
   */
  async deleteAccount(readerId: number): Promise<void> {
    const settings = await this.settings();
    const touched = new Set<number>();
    await this.k.transaction().execute(async (trx) => {
      if (settings.deletedAccountComments === 'remove') {
        const visible = await trx.selectFrom('comments').selectAll().where('reader_id', '=', readerId).where('status', '=', 'approved').execute();
        for (const row of visible) {
          await this.repo.adjustCounts(trx, { ...row, reader_id: null }, -1);
          touched.add(row.article_id);
        }
        await trx.updateTable('comments').set({ status: 'deleted', featured: 0 }).where('reader_id', '=', readerId).execute();
      } else {
        const articles = await trx.selectFrom('comments').select('article_id').distinct().where('reader_id', '=', readerId).where('status', '=', 'approved').execute();
        for (const a of articles) touched.add(a.article_id);
      }
      await trx.updateTable('comments').set({ author_name: 'deleted user', guest_email: null }).where('reader_id', '=', readerId).execute();
      await trx.deleteFrom('readers').where('id', '=', readerId).execute();
    });
    for (const articleId of touched) await this.announce('comment.hidden', { id: 0, articleId });
  }
}

export const isCommentSort = (v: unknown): v is CommentSort => typeof v === 'string' && (COMMENT_SORTS as readonly string[]).includes(v);

function toView(r: ThreadRow): CommentView {
  return {
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    rootId: r.root_id ?? r.id,
    depth: r.depth,
    authorName: r.author_name,
    staff: r.staff_user_id !== null,
    readerId: r.reader_id,
    body: r.body,
    status: r.status as CommentStatus,
    featured: r.featured === 1,
    likeCount: r.like_count,
    replyCount: r.reply_count,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    replyingTo: null,
    replies: [],
    moreReplies: 0,
  };
}

/**
 * Builds the visible tree: replies nest under the comment they answer down to MAX_DEPTH;
 * below that they sit flat beside it, marked with whom they answer.
 */
function nestReplies(roots: readonly ThreadRow[], replies: readonly ThreadRow[]): CommentView[] {
  const views = new Map<number, CommentView>();
  const out = roots.map((r) => {
    const v = toView(r);
    views.set(v.id, v);
    return v;
  });
  const loadedPerRoot = new Map<number, number>();
  for (const r of replies) {
    const v = toView(r);
    views.set(v.id, v);
    const parent = r.parent_id !== null ? views.get(r.parent_id) : undefined;
    let home = parent;
    if (parent && parent.depth >= MAX_DEPTH) v.replyingTo = parent.authorName;
    while (home && home.depth >= MAX_DEPTH) home = home.parentId !== null ? views.get(home.parentId) : undefined;
    (home ?? views.get(v.rootId))?.replies.push(v);
    loadedPerRoot.set(v.rootId, (loadedPerRoot.get(v.rootId) ?? 0) + 1);
  }
  for (const root of out) root.moreReplies = Math.max(0, root.replyCount - (loadedPerRoot.get(root.id) ?? 0));
  return out;
}
