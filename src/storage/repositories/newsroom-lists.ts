/** The newsroom's article lists (every status, filterable, newest change first) and the editor's story picker. */
import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { SUBSTRING_MIN_LENGTH } from '../../core/articles.js';
import type { ArticleStatus } from '../../core/articles.js';
import type { Dialect } from '../db.js';
import type { Database } from '../schema.js';
import { containsText } from '../text-match.js';

/**
 * Above this many stories with the text in their headline or standfirst, the SQLite list walks
 * its own index (newest change first) and checks each story against the matches, instead of
 * fetching every match and sorting. At 100,000 stories: a rare word 0.1-0.3 ms fetched against
 * 4-5 ms walked; "the" (every story) 100 ms fetched against 10 ms walked (docs/performance.md).
 */
const FETCH_MATCHES_UP_TO = 2_000;

/** Text shorter than a trigram is looked for in the headlines of this many latest changed stories (the picker). */
const SHORT_TEXT_RECENT_STORIES = 2_000;

type ArticlesScope = ExpressionBuilder<Database & { a: Database['articles'] }, 'a'>;

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

export interface PickerRow {
  id: number;
  headline: string;
  status: ArticleStatus;
  slug: string;
  sectionId: number;
  language: string;
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
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    /** SQLite: fetch the matches up to this many, else walk the list (tests lower it). */
    private readonly fetchMatchesUpTo = FETCH_MATCHES_UP_TO,
  ) {}

  private filtered(q: Omit<NewsroomListQuery, 'limit' | 'offset'>, substring: SubstringMatch | undefined) {
    let query = this.db.selectFrom('articles as a');
    if (q.status) query = query.where('a.status', '=', q.status);
    if (q.sectionId) query = query.where('a.section_id', '=', q.sectionId);
    if (q.createdBy) query = query.where('a.created_by', '=', q.createdBy);
    const { authorId, text, visibleTo, textMatches } = q;
    if (authorId) query = query.where((eb) => eb.exists(eb.selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', authorId)));
    if (text?.trim()) {
      // Whole words anywhere (body, tags, bylines, stemmed) through the search index, and part
      // of a word ("tripo") in the headline or standfirst through the trigram index.
      query = query.where((eb) => eb.or([...(substring ? [substring.condition(eb)] : []), ...(textMatches?.length ? [eb('a.id', 'in', [...textMatches])] : [])]));
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
    const substring = q.text?.trim() ? await this.substringMatch(q.text.trim()) : undefined;
    if (q.text?.trim() && !substring && !q.textMatches?.length) return { rows: [], total: 0 };
    const [rows, count] = await Promise.all([
      this.filtered(q, substring).select(['a.id', 'a.headline', 'a.status', 'a.section_id', 'a.updated_at', 'a.published_at', 'a.scheduled_at']).orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').limit(q.limit).offset(q.offset).execute(),
      this.filtered(q, substring).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows.map((r) => ({ id: r.id, headline: r.headline, status: r.status as ArticleStatus, sectionId: r.section_id, updatedAt: r.updated_at, publishedAt: r.published_at, scheduledAt: r.scheduled_at })),
      total: Number(count.n),
    };
  }

  /**
   * The editor's story picker (RELATED blocks): stories whose headline holds `text`, case
   * aside, newest change first. Text shorter than a trigram is looked for among the most
   * recently changed stories only, so that no keystroke reads the whole archive.
   */
  async headlineMatches(text: string, limit: number): Promise<PickerRow[]> {
    const trimmed = text.trim();
    let query = this.db.selectFrom('articles as a').select(['a.id', 'a.headline', 'a.status', 'a.slug', 'a.section_id', 'a.language']).orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').limit(limit);
    if (trimmed) {
      const substring = await this.substringMatch(trimmed, 'headline');
      if (substring) query = query.where(substring.condition);
      else if ([...trimmed].length >= SUBSTRING_MIN_LENGTH) return [];
      else {
        const recent = this.db.selectFrom('articles as r').select('r.id').orderBy('r.updated_at', 'desc').orderBy('r.id', 'desc').limit(SHORT_TEXT_RECENT_STORIES);
        query = query.where('a.id', 'in', recent).where(containsText('a.headline', trimmed));
      }
    }
    return (await query.execute()).map((r) => ({ id: r.id, headline: r.headline, status: r.status as ArticleStatus, slug: r.slug, sectionId: r.section_id, language: r.language }));
  }

  /**
   * Stories whose headline (and standfirst, with 'both') holds `text`, case aside, as a
   * condition on `a`; none for text shorter than a trigram, or that no story holds.
   */
  private async substringMatch(text: string, columns: 'both' | 'headline' = 'both'): Promise<SubstringMatch | undefined> {
    if ([...text].length < SUBSTRING_MIN_LENGTH) return undefined;
    if (this.dialect === 'postgres') {
      // Served by the pg_trgm indexes on lower(headline) and lower(standfirst).
      return { condition: (eb) => (columns === 'both' ? eb.or([containsText('a.headline', text), containsText('a.standfirst', text)]) : containsText('a.headline', text)) };
    }
    // One FTS5 phrase: the trigram tokenizer matches it as a substring of either column, or of
    // the headline alone with a column filter.
    const phrase = `${columns === 'headline' ? '{headline} : ' : ''}"${text.replaceAll('"', '""')}"`;
    const matches = sql<number>`(select rowid from article_title_trigrams where article_title_trigrams match ${phrase})`;
    const { rows } = await sql<{ n: number }>`select count(*) as n from article_title_trigrams where article_title_trigrams match ${phrase}`.execute(this.db);
    const found = Number(rows[0]?.n ?? 0);
    if (found === 0) return undefined;
    // Few matches: look each up by id. Many: keep walking the list's index (unary + stops
    // SQLite from planning the lookups) and test each story against them.
    return { condition: (eb) => (found <= this.fetchMatchesUpTo ? eb('a.id', 'in', matches) : eb(sql<number>`+${sql.ref('a.id')}`, 'in', matches)) };
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

interface SubstringMatch {
  condition: (eb: ArticlesScope) => Expression<SqlBool>;
}
