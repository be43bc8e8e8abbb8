/**
 * Comment storage: thread reads that touch one page of rows whatever the size of the
 * thread, and the maintained counts (article, thread, reader) that change in the same
 * transaction as the comment whose visibility changed. A count is never computed on read.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { CommentSort } from '../../core/comments/settings.js';
import type { CommentRow, Database } from '../schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export const COMMENT_COLUMNS = [
  'c.id', 'c.article_id', 'c.parent_id', 'c.root_id', 'c.depth', 'c.reader_id', 'c.staff_user_id', 'c.author_name', 'c.body', 'c.status', 'c.featured', 'c.reply_count', 'c.like_count', 'c.created_at', 'c.edited_at',
] as const;

export type ThreadRow = Pick<CommentRow, 'id' | 'article_id' | 'parent_id' | 'root_id' | 'depth' | 'reader_id' | 'staff_user_id' | 'author_name' | 'body' | 'status' | 'featured' | 'reply_count' | 'like_count' | 'created_at' | 'edited_at'>;

const ORDER: Record<CommentSort, { column: 'created_at' | 'reply_count' | 'like_count'; direction: 'asc' | 'desc' }> = {
  newest: { column: 'created_at', direction: 'desc' },
  oldest: { column: 'created_at', direction: 'asc' },
  replies: { column: 'reply_count', direction: 'desc' },
  liked: { column: 'like_count', direction: 'desc' },
};

export class CommentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One page of visible top-level comments. */
  async roots(articleId: number, sort: CommentSort, offset: number, limit: number): Promise<ThreadRow[]> {
    const { column, direction } = ORDER[sort];
    return this.db
      .selectFrom('comments as c')
      .select(COMMENT_COLUMNS)
      .where('c.article_id', '=', articleId)
      .where('c.status', '=', 'approved')
      .where('c.depth', '=', 0)
      .orderBy(`c.${column}`, direction)
      .orderBy('c.id', direction)
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** Editor's picks on a story, newest first. */
  async featured(articleId: number, limit: number): Promise<ThreadRow[]> {
    return this.db
      .selectFrom('comments as c')
      .select(COMMENT_COLUMNS)
      .where('c.article_id', '=', articleId)
      .where('c.featured', '=', 1)
      .where('c.status', '=', 'approved')
      .orderBy('c.created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** The first `perThread` visible replies of each thread, oldest first. */
  async replies(rootIds: readonly number[], perThread: number): Promise<ThreadRow[]> {
    if (rootIds.length === 0) return [];
    const ranked = this.db
      .selectFrom('comments as c')
      .select(COMMENT_COLUMNS)
      .select(sql<number>`row_number() over (partition by c.root_id order by c.created_at, c.id)`.as('rn'))
      .where('c.root_id', 'in', [...rootIds])
      .where('c.status', '=', 'approved')
      .where('c.depth', '>', 0)
      .as('r');
    const rows = await this.db.selectFrom(ranked).selectAll().where('r.rn', '<=', perThread).orderBy('r.created_at').orderBy('r.id').execute();
    return rows.map(({ rn: _rn, ...row }) => row);
  }

  /** All visible replies of one thread after the first `skip`, for "more replies". */
  async moreReplies(rootId: number, skip: number, limit: number): Promise<ThreadRow[]> {
    return this.db
      .selectFrom('comments as c')
      .select(COMMENT_COLUMNS)
      .where('c.root_id', '=', rootId)
      .where('c.status', '=', 'approved')
      .where('c.depth', '>', 0)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .offset(skip)
      .limit(limit)
      .execute();
  }

  async byId(id: number, db: Executor = this.db): Promise<CommentRow | undefined> {
    return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Keeps the counts true when a comment enters or leaves the visible set: the article's
   * count, the thread's reply count (on its top-level comment) and the reader's approved
   * count. Call inside the transaction that changed the status.
   */
  async adjustCounts(trx: Executor, c: Pick<CommentRow, 'id' | 'article_id' | 'root_id' | 'depth' | 'reader_id'>, delta: 1 | -1): Promise<void> {
    await trx.updateTable('articles').set((eb) => ({ comment_count: eb('comment_count', '+', delta) })).where('id', '=', c.article_id).execute();
    if (c.depth > 0 && c.root_id !== null) {
      await trx.updateTable('comments').set((eb) => ({ reply_count: eb('reply_count', '+', delta) })).where('id', '=', c.root_id).execute();
    }
    if (c.reader_id !== null) {
      await trx.updateTable('readers').set((eb) => ({ approved_count: eb('approved_count', '+', delta) })).where('id', '=', c.reader_id).execute();
    }
  }

  async articleCount(articleId: number, db: Executor = this.db): Promise<number> {
    const row = await db.selectFrom('articles').select('comment_count').where('id', '=', articleId).executeTakeFirst();
    return row?.comment_count ?? 0;
  }

  /**
   * The latest comments by this reader or from this address since a time (newest first, at
   * most `limit`): one indexed read serves the rate limits and duplicate detection.
   */
  async recentBy(who: { readerId: number | null; ipHash: string }, since: string, limit: number): Promise<Array<{ createdAt: string; textHash: string; articleId: number }>> {
    let q = this.db.selectFrom('comments').select(['created_at', 'text_hash', 'article_id']).where('created_at', '>', since);
    q = who.readerId !== null ? q.where('reader_id', '=', who.readerId) : q.where('ip_hash', '=', who.ipHash);
    const rows = await q.orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({ createdAt: r.created_at, textHash: r.text_hash, articleId: r.article_id }));
  }
}
