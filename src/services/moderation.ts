/**
 * The moderators' side: queues, decisions on comments (approve, reject, feature), actions
 * on readers (warn, suspend, ban), and a log of every one with who and when. Decisions
 * train the local classifier, so it learns this newsroom's standards.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { classifierTokens } from '../core/comments/classifier.js';
import type { ContentEvents } from '../core/events.js';
import { ForbiddenError, policies } from '../core/policies.js';
import type { StaffUser } from '../core/staff.js';
import type { Db } from '../storage/db.js';
import type { CommentRow, Database } from '../storage/schema.js';
import type { CommentStatus, CommentsService } from './comments.js';
import { ValidationError } from './publishing.js';
import type { Reader } from './readers.js';
import { toReader } from './readers.js';

export const QUEUES = ['pending', 'reported', 'unmoderated', 'approved', 'rejected'] as const;
export type Queue = (typeof QUEUES)[number];

export const QUEUE_NAMES: Record<Queue, string> = {
  pending: 'Pending',
  reported: 'Reported',
  unmoderated: 'Unmoderated',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const DECISIONS = ['approve', 'reject', 'feature', 'unfeature'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface QueueItem {
  id: number;
  articleId: number;
  headline: string;
  slug: string;
  parent: { id: number; authorName: string; body: string } | null;
  authorName: string;
  reader: Pick<Reader, 'id' | 'displayName' | 'verified' | 'banned' | 'suspendedUntil' | 'warnings' | 'approvedComments' | 'rejectedComments' | 'createdAt'> | null;
  guestEmail: string | null;
  staff: boolean;
  body: string;
  status: CommentStatus;
  featured: boolean;
  holdReasons: string[];
  score: number;
  scoreReasons: string[];
  reports: Array<{ reason: string; note: string; createdAt: string }>;
  createdAt: string;
  editedAt: string | null;
}

export interface LogEntry {
  id: number;
  userName: string;
  action: string;
  commentId: number | null;
  readerId: number | null;
  detail: string;
  createdAt: string;
}

const readerActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('warn'), note: z.string().trim().max(500).default('') }),
  z.object({ action: z.literal('suspend'), days: z.number().int().min(1).max(365), note: z.string().trim().max(500).default('') }),
  z.object({ action: z.literal('ban'), note: z.string().trim().max(500).default('') }),
  z.object({ action: z.literal('reinstate'), note: z.string().trim().max(500).default('') }),
]);
export type ReaderAction = z.input<typeof readerActionSchema>;

export const QUEUE_PAGE_SIZE = 25;

export interface ModerationDeps {
  db: Db;
  comments: CommentsService;
  events: ContentEvents;
  now?: () => Date;
  onApproved?: (commentId: number) => void;
}

export class Moderation {
  private readonly now: () => Date;

  constructor(private readonly deps: ModerationDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get k() {
    return this.deps.db.kysely;
  }

  /** How many comments wait in each working queue (the admin navigation shows them). */
  async counts(): Promise<Record<'pending' | 'reported', number>> {
    const [pending, reported] = await Promise.all([
      this.k.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow(),
      this.k.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('report_count', '>', 0).where('status', '=', 'approved').executeTakeFirstOrThrow(),
    ]);
    return { pending: Number(pending.n), reported: Number(reported.n) };
  }

  async queue(queue: Queue, page = 1, filter: { readerId?: number; articleId?: number } = {}): Promise<{ items: QueueItem[]; hasMore: boolean }> {
    let q = this.k.selectFrom('comments as c').innerJoin('articles as a', 'a.id', 'c.article_id').selectAll('c').select(['a.headline', 'a.slug']);
    if (queue === 'pending') q = q.where('c.status', '=', 'pending');
    else if (queue === 'reported') q = q.where('c.status', '=', 'approved').where('c.report_count', '>', 0);
    else if (queue === 'unmoderated') q = q.where('c.status', '=', 'approved').where('c.moderated_at', 'is', null);
    else q = q.where('c.status', '=', queue);
    if (filter.readerId !== undefined) q = q.where('c.reader_id', '=', filter.readerId);
    if (filter.articleId !== undefined) q = q.where('c.article_id', '=', filter.articleId);
    // Working queues oldest first (first come, first served); archives newest first.
    const oldestFirst = queue === 'pending' || queue === 'reported';
    const rows = await q
      .orderBy(queue === 'reported' ? 'c.report_count' : 'c.created_at', queue === 'reported' ? 'desc' : oldestFirst ? 'asc' : 'desc')
      .orderBy('c.id', oldestFirst ? 'asc' : 'desc')
      .limit(QUEUE_PAGE_SIZE + 1)
      .offset((Math.max(1, page) - 1) * QUEUE_PAGE_SIZE)
      .execute();
    const pageRows = rows.slice(0, QUEUE_PAGE_SIZE);
    return { items: await this.items(pageRows), hasMore: rows.length > QUEUE_PAGE_SIZE };
  }

  /** The context a moderator needs beside each comment: parent, reader, reports. */
  private async items(rows: Array<CommentRow & { headline: string; slug: string }>): Promise<QueueItem[]> {
    const ids = rows.map((r) => r.id);
    const parentIds = rows.map((r) => r.parent_id).filter((id): id is number => id !== null);
    const readerIds = rows.map((r) => r.reader_id).filter((id): id is number => id !== null);
    const [parents, readers, reports] = await Promise.all([
      parentIds.length ? this.k.selectFrom('comments').select(['id', 'author_name', 'body']).where('id', 'in', parentIds).execute() : [],
      readerIds.length ? this.k.selectFrom('readers').selectAll().where('id', 'in', readerIds).execute() : [],
      ids.length ? this.k.selectFrom('comment_reports').select(['comment_id', 'reason', 'note', 'created_at']).where('comment_id', 'in', ids).where('resolved_at', 'is', null).execute() : [],
    ]);
    const parentById = new Map(parents.map((p) => [p.id, p]));
    const readerById = new Map(readers.map((r) => [r.id, toReader(r)]));
    return rows.map((r) => {
      const parent = r.parent_id !== null ? parentById.get(r.parent_id) : undefined;
      return {
        id: r.id,
        articleId: r.article_id,
        headline: r.headline,
        slug: r.slug,
        parent: parent ? { id: parent.id, authorName: parent.author_name, body: parent.body } : null,
        authorName: r.author_name,
        reader: (r.reader_id !== null && readerById.get(r.reader_id)) || null,
        guestEmail: r.guest_email,
        staff: r.staff_user_id !== null,
        body: r.body,
        status: r.status as CommentStatus,
        featured: r.featured === 1,
        holdReasons: JSON.parse(r.hold_reasons) as string[],
        score: r.score,
        scoreReasons: JSON.parse(r.score_reasons) as string[],
        reports: reports.filter((x) => x.comment_id === r.id).map((x) => ({ reason: x.reason, note: x.note, createdAt: x.created_at })),
        createdAt: r.created_at,
        editedAt: r.edited_at,
      };
    });
  }

  /** Applies one decision to several comments (bulk actions use the same path as one key). */
  async decide(ids: readonly number[], decision: Decision, moderator: StaffUser): Promise<number> {
    if (!policies.moderateComments(moderator)) throw new ForbiddenError('moderateComments');
    let changed = 0;
    for (const id of ids) if (await this.decideOne(id, decision, moderator)) changed++;
    return changed;
  }

  private async decideOne(id: number, decision: Decision, moderator: StaffUser): Promise<boolean> {
    const row = await this.deps.comments.repo.byId(id);
    if (!row || row.status === 'deleted') return false;
    const at = this.now().toISOString();
    const repo = this.deps.comments.repo;
    const store = this.deps.comments.classifier;
    const tokens = classifierTokens(row.body);
    // A moderated comment already taught the classifier its old label: take that back first.
    const previousLabel = row.moderated_at === null ? null : row.status === 'approved' ? 'ham' : row.status === 'rejected' ? 'spam' : null;

    const changed = await this.k.transaction().execute(async (trx) => {
      if (decision === 'feature' || decision === 'unfeature') {
        if (row.status !== 'approved' && decision === 'feature') {
          await trx.updateTable('comments').set({ status: 'approved', moderated_at: at, moderated_by: moderator.id }).where('id', '=', id).execute();
          await repo.adjustCounts(trx, row, 1);
          if (previousLabel === 'spam') await store.train(trx, tokens, 'spam', -1);
          if (previousLabel !== 'ham') await store.train(trx, tokens, 'ham', 1);
        }
        await trx.updateTable('comments').set({ featured: decision === 'feature' ? 1 : 0 }).where('id', '=', id).execute();
      } else {
        const status = decision === 'approve' ? 'approved' : 'rejected';
        const label = decision === 'approve' ? 'ham' : 'spam';
        // Approving again what a moderator approved changes nothing, except that it answers
        // reports made since: they are closed below.
        if (row.status === status && row.moderated_at !== null && row.report_count === 0) return false;
        await trx
          .updateTable('comments')
          .set({ status, featured: status === 'rejected' ? 0 : row.featured, moderated_at: at, moderated_by: moderator.id })
          .where('id', '=', id)
          .execute();
        if (row.status !== 'approved' && status === 'approved') await repo.adjustCounts(trx, row, 1);
        if (row.status === 'approved' && status === 'rejected') await repo.adjustCounts(trx, row, -1);
        if (previousLabel && previousLabel !== label) await store.train(trx, tokens, previousLabel, -1);
        if (previousLabel !== label) await store.train(trx, tokens, label, 1);
        if (row.reader_id !== null && status === 'rejected' && row.status !== 'rejected') {
          await trx.updateTable('readers').set((eb) => ({ rejected_count: eb('rejected_count', '+', 1) })).where('id', '=', row.reader_id).execute();
        }
        // A decision answers the reports on the comment.
        await trx.updateTable('comment_reports').set({ resolved_at: at }).where('comment_id', '=', id).where('resolved_at', 'is', null).execute();
        if (row.report_count > 0) await trx.updateTable('comments').set({ report_count: 0 }).where('id', '=', id).execute();
      }
      await this.log(trx, moderator, decision, { commentId: id, readerId: row.reader_id });
      return true;
    });
    if (!changed) return false;
    const count = await repo.articleCount(row.article_id);
    const visible = decision !== 'reject';
    this.deps.events.publish({ type: visible ? 'comment.visible' : 'comment.hidden', articleId: row.article_id, commentId: id, count });
    if (visible && row.status !== 'approved') this.deps.onApproved?.(id);
    return true;
  }

  /** Warn, suspend for a number of days, ban, or reinstate a reader. */
  async actOnReader(readerId: number, raw: ReaderAction, moderator: StaffUser): Promise<void> {
    if (!policies.moderateComments(moderator)) throw new ForbiddenError('moderateComments');
    const parsed = readerActionSchema.safeParse(raw);
    if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    const a = parsed.data;
    const at = this.now();
    await this.k.transaction().execute(async (trx) => {
      const reader = await trx.selectFrom('readers').select('id').where('id', '=', readerId).executeTakeFirst();
      if (!reader) throw new ValidationError(['reader: no such reader']);
      const changes =
        a.action === 'warn' ? { warnings: (await trx.selectFrom('readers').select('warnings').where('id', '=', readerId).executeTakeFirstOrThrow()).warnings + 1 }
        : a.action === 'suspend' ? { suspended_until: new Date(at.getTime() + a.days * 86_400_000).toISOString() }
        : a.action === 'ban' ? { banned: 1 }
        : { banned: 0, suspended_until: null };
      await trx.updateTable('readers').set({ ...changes, updated_at: at.toISOString() }).where('id', '=', readerId).execute();
      // A banned reader's sessions end: the ban holds from any device.
      if (a.action === 'ban') await trx.deleteFrom('reader_sessions').where('reader_id', '=', readerId).execute();
      const detail = [a.action === 'suspend' ? `${a.days} days` : '', a.note].filter(Boolean).join(': ');
      await this.log(trx, moderator, a.action, { readerId, detail });
    });
  }

  private async log(trx: Transaction<Database>, moderator: StaffUser, action: string, about: { commentId?: number; readerId?: number | null; detail?: string }): Promise<void> {
    await trx
      .insertInto('moderation_log')
      .values({ user_id: moderator.id, user_name: moderator.name, action, comment_id: about.commentId ?? null, reader_id: about.readerId ?? null, detail: (about.detail ?? '').slice(0, 500), created_at: this.now().toISOString() })
      .execute();
  }

  async logEntries(page = 1, filter: { readerId?: number; commentId?: number } = {}): Promise<{ entries: LogEntry[]; hasMore: boolean }> {
    let q = this.k.selectFrom('moderation_log').selectAll();
    if (filter.readerId !== undefined) q = q.where('reader_id', '=', filter.readerId);
    if (filter.commentId !== undefined) q = q.where('comment_id', '=', filter.commentId);
    const rows = await q.orderBy('id', 'desc').limit(51).offset((Math.max(1, page) - 1) * 50).execute();
    return {
      entries: rows.slice(0, 50).map((r) => ({ id: r.id, userName: r.user_name, action: r.action, commentId: r.comment_id, readerId: r.reader_id, detail: r.detail, createdAt: r.created_at })),
      hasMore: rows.length > 50,
    };
  }

  async reader(readerId: number): Promise<Reader | undefined> {
    const row = await this.k.selectFrom('readers').selectAll().where('id', '=', readerId).executeTakeFirst();
    return row && toReader(row);
  }
}
