/** The newsroom's article lists: every status, filterable, newest change first. */
import type { Kysely } from 'kysely';
import type { ArticleStatus } from '../../core/articles.js';
import type { Database } from '../schema.js';

export interface NewsroomListQuery {
  status?: ArticleStatus | undefined;
  sectionId?: number | undefined;
  authorId?: number | undefined;
  text?: string | undefined;
  /** Stories the full-text search matched for `text` (drafts included): listed too. */
  textMatches?: readonly number[] | undefined;
  createdBy?: number | undefined;
  /** Contributors see their own work and what is published, nothing else. */
  visibleTo?: { userId: number; authorId: number | null } | undefined;
  limit: number;
  offset: number;
}

export interface NewsroomListRow {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionId: number;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
}

export class NewsroomLists {
  constructor(private readonly db: Kysely<Database>) {}

  private filtered(q: Omit<NewsroomListQuery, 'limit' | 'offset'>) {
    let query = this.db.selectFrom('articles as a');
    if (q.status) query = query.where('a.status', '=', q.status);
    if (q.sectionId) query = query.where('a.section_id', '=', q.sectionId);
    if (q.createdBy) query = query.where('a.created_by', '=', q.createdBy);
    const { authorId, text, visibleTo, textMatches } = q;
    if (authorId) query = query.where((eb) => eb.exists(eb.selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', authorId)));
    if (text?.trim()) {
      // Lower-case both sides: LIKE is case-insensitive on SQLite but not on PostgreSQL.
      const pattern = `%${text.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Part of a word ("tripo") by LIKE on the headline and standfirst; whole words anywhere
      // (body, tags, bylines, stemmed) through the search index.
      query = query.where((eb) =>
        eb.or([eb(eb.fn('lower', ['a.headline']), 'like', pattern), eb(eb.fn('lower', ['a.standfirst']), 'like', pattern), ...(textMatches?.length ? [eb('a.id', 'in', [...textMatches])] : [])]),
      );
    }
    if (visibleTo) {
      query = query.where((eb) =>
        eb.or([
          eb('a.created_by', '=', visibleTo.userId),
          eb('a.status', '=', 'published'),
          ...(visibleTo.authorId !== null ? [eb.exists(eb.selectFrom('article_authors as ab').select('ab.article_id').whereRef('ab.article_id', '=', 'a.id').where('ab.author_id', '=', visibleTo.authorId))] : []),
        ]),
      );
    }
    return query;
  }

  async list(q: NewsroomListQuery): Promise<{ rows: NewsroomListRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.filtered(q).select(['a.id', 'a.headline', 'a.status', 'a.section_id', 'a.updated_at', 'a.published_at', 'a.scheduled_at']).orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').limit(q.limit).offset(q.offset).execute(),
      this.filtered(q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows.map((r) => ({ id: r.id, headline: r.headline, status: r.status as ArticleStatus, sectionId: r.section_id, updatedAt: r.updated_at, publishedAt: r.published_at, scheduledAt: r.scheduled_at })),
      total: Number(count.n),
    };
  }

  async authorNames(articleIds: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (articleIds.length === 0) return out;
    const rows = await this.db.selectFrom('article_authors as aa').innerJoin('authors as au', 'au.id', 'aa.author_id').select(['aa.article_id', 'au.name']).where('aa.article_id', 'in', articleIds).orderBy('aa.article_id').orderBy('aa.position').execute();
    for (const r of rows) out.set(r.article_id, out.has(r.article_id) ? `${out.get(r.article_id)}, ${r.name}` : r.name);
    return out;
  }

  async allAuthors() {
    return this.db.selectFrom('authors').select(['id', 'slug', 'name', 'role', 'bio', 'x_handle']).orderBy('name').execute();
  }
}
