/**
 * A live blog's updates (table live_updates) and the coverage columns of its story. Reads
 * skip soft-deleted updates; every list is newest first, `(created_at desc, id desc)`, the
 * order of the index live_updates_article_created, so paging by an update's position
 * ("older than this one") is one range read.
 */
import type { Kysely, Transaction } from 'kysely';
import type { LiveCoverage, LiveUpdate } from '../../core/live-blog.js';
import { parseDocument } from '../../core/richtext.js';
import type { Database } from '../schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;

interface UpdateRow {
  id: number;
  article_id: number;
  headline: string | null;
  body: string;
  pinned: number;
  created_at: string;
  updated_at: string;
  created_by: number | null;
}

const COLUMNS = ['id', 'article_id', 'headline', 'body', 'pinned', 'created_at', 'updated_at', 'created_by'] as const;

function rowToUpdate(r: UpdateRow): LiveUpdate {
  let body: LiveUpdate['body'];
  try {
    body = parseDocument(JSON.parse(r.body));
  } catch {
    // A body that no longer validates shows as empty rather than breaking the page.
    body = { type: 'doc', content: [] };
  }
  return { id: r.id, articleId: r.article_id, headline: r.headline, body, pinned: r.pinned === 1, createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by };
}

export class LiveUpdateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async coverage(articleId: number, tx: Executor = this.db): Promise<LiveCoverage | undefined> {
    const row = await tx.selectFrom('articles').select(['live_coverage', 'live_player', 'live_started_at', 'live_ended_at']).where('id', '=', articleId).executeTakeFirst();
    return row ? { live: row.live_coverage === 1, player: row.live_player === 1, startedAt: row.live_started_at, endedAt: row.live_ended_at } : undefined;
  }

  async setCoverage(tx: Executor, articleId: number, set: { live_coverage?: number; live_player?: number; live_started_at?: string | null; live_ended_at?: string | null; updated_at?: string }): Promise<void> {
    await tx.updateTable('articles').set(set).where('id', '=', articleId).execute();
  }

  async find(id: number, tx: Executor = this.db): Promise<LiveUpdate | undefined> {
    const row = await tx.selectFrom('live_updates').select(COLUMNS).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row ? rowToUpdate(row) : undefined;
  }

  /** Newest first; `before`: only updates older than that one (its position, not its id). */
  async page(articleId: number, limit: number, before?: Pick<LiveUpdate, 'id' | 'createdAt'>): Promise<LiveUpdate[]> {
    let q = this.db.selectFrom('live_updates').select(COLUMNS).where('article_id', '=', articleId).where('deleted_at', 'is', null);
    if (before) q = q.where((eb) => eb.or([eb('created_at', '<', before.createdAt), eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)])]));
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(rowToUpdate);
  }

  /** Updates newer than `after` (by position), oldest first: what a reconnecting page missed. */
  async since(articleId: number, after: Pick<LiveUpdate, 'id' | 'createdAt'>, limit: number): Promise<LiveUpdate[]> {
    const rows = await this.db
      .selectFrom('live_updates')
      .select(COLUMNS)
      .where('article_id', '=', articleId)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('created_at', '>', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)])]))
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(limit)
      .execute();
    return rows.map(rowToUpdate);
  }

  async pinned(articleId: number): Promise<LiveUpdate[]> {
    const rows = await this.db.selectFrom('live_updates').select(COLUMNS).where('article_id', '=', articleId).where('deleted_at', 'is', null).where('pinned', '=', 1).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(50).execute();
    return rows.map(rowToUpdate);
  }

  /** How many visible updates, and when the newest change to any of them was (Last-Modified). */
  async stats(articleId: number): Promise<{ count: number; lastChange: string | null }> {
    const row = await this.db
      .selectFrom('live_updates')
      .select((eb) => [eb.fn.count<number | string>('id').as('count'), eb.fn.max('updated_at').as('last')])
      .where('article_id', '=', articleId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    // A deletion changes the page too.
    const deleted = await this.db.selectFrom('live_updates').select((eb) => eb.fn.max('deleted_at').as('last')).where('article_id', '=', articleId).executeTakeFirst();
    const last = [row?.last, deleted?.last].filter((v): v is string => typeof v === 'string').sort().pop() ?? null;
    return { count: Number(row?.count ?? 0), lastChange: last };
  }

  async insert(tx: Executor, u: { articleId: number; headline: string | null; body: string; pinned: boolean; createdAt: string; createdBy: number | null }): Promise<number> {
    const row = await tx
      .insertInto('live_updates')
      .values({ article_id: u.articleId, headline: u.headline, body: u.body, pinned: u.pinned ? 1 : 0, created_at: u.createdAt, updated_at: u.createdAt, created_by: u.createdBy, deleted_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(tx: Executor, id: number, set: { headline?: string | null; body?: string; pinned?: number; updated_at: string; deleted_at?: string | null }): Promise<void> {
    await tx.updateTable('live_updates').set(set).where('id', '=', id).execute();
  }
}
