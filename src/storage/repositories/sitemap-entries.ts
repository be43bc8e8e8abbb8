/**
 * What the sitemaps list, straight from SQL: the publicly visible stories grouped into files
 * (by month, or the last 48 hours for Google News), and the list pages that show them.
 * The visibility rule is the one in articles.ts (published, publication time come, the
 * site's language); the month of a story is its publication month in UTC.
 */
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Language } from '../../core/articles.js';
import type { MediaAsset } from '../../core/media.js';
import type { Db } from '../db.js';

/** One story as a sitemap lists it. */
export interface SitemapArticle {
  id: number;
  slug: string;
  sectionId: number;
  language: Language;
  headline: string;
  publishedAt: string;
  /** When the page last changed: the later of the row's last write and its publication. */
  lastmod: string;
  /** The lead image. */
  image: MediaAsset | undefined;
}

/** A run of at most `perFile` stories in a fixed order: one sitemap file. */
export interface SitemapChunk {
  /** `YYYY-MM` for monthly files; '' for the rolling news window. */
  month: string;
  /** 1-based. */
  part: number;
  count: number;
  /** The newest lastmod inside. */
  lastmod: string;
}

/** A story on a list page, for its lastmod. */
export interface ListedStory {
  id: number;
  publishedAt: string;
  lastmod: string;
}

/** What the first page of each list shows (see listPageChanges). */
export interface ListPageChanges {
  /** Each section's own newest stories, newest first. */
  sections: Map<number, ListedStory[]>;
  tags: { slug: string; lastmod: string }[];
  authors: { slug: string; lastmod: string }[];
}

/** A SQL literal for a count limit: it is inlined so grouping sees one expression. */
function positiveInteger(n: number): RawBuilder<number> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a sitemap file holds a positive whole number of URLs, not ${n}`);
  return sql.lit(n);
}

export class SitemapEntryRepository {
  constructor(private readonly db: Db) {}

  private get k() {
    return this.db.kysely;
  }

  /** Articles under the public-visibility rule (articles.ts publicAndFiltered), one language. */
  private visible(language: Language, now: Date) {
    return this.k.selectFrom('articles as a').where('a.language', '=', language).where('a.status', '=', 'published').where('a.published_at', '<=', now.toISOString());
  }

  /** `YYYY-MM` of the publication time, in UTC, on either database. */
  private month(): RawBuilder<string> {
    return this.db.dialect === 'postgres' ? sql<string>`to_char(a.published_at at time zone 'UTC', 'YYYY-MM')` : sql<string>`substr(a.published_at, 1, 7)`;
  }

  /**
   * Every month with public stories, cut into chunks of `perFile` in publication order
   * (oldest first, so earlier chunks stay put as a month fills), with counts and lastmods.
   * One GROUP BY over the covering index counts every month; only a month with more stories
   * than one file holds is numbered row by row to cut it. (Numbering the whole archive took
   * 4-5 times as long at 100,000 stories, and it runs again after every edit: docs/performance.md.)
   */
  async monthChunks(language: Language, now: Date, perFile: number): Promise<SitemapChunk[]> {
    const size = positiveInteger(perFile);
    const month = this.month();
    const months = await this.visible(language, now)
      .select([month.as('month'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max(lastmodOf()).as('lastmod')])
      .groupBy(month)
      .orderBy('month', 'desc')
      .execute();
    const chunks = await Promise.all(
      months.map(async (m): Promise<SitemapChunk[]> => {
        const count = Number(m.n);
        if (count <= perFile) return [{ month: m.month, part: 1, count, lastmod: m.lastmod }];
        const { start, end } = monthRange(m.month);
        const stories = this.visible(language, now).where('a.published_at', '>=', start).where('a.published_at', '<', end);
        return this.cut(stories, sql`a.published_at, a.id`, size, m.month);
      }),
    );
    return chunks.flat();
  }

  /** The public stories of one UTC month, in the order monthChunks counts them. */
  async monthArticles(language: Language, now: Date, month: { year: number; month: number }, offset: number, limit: number): Promise<SitemapArticle[]> {
    const { start, end } = monthRange(`${month.year}-${String(month.month).padStart(2, '0')}`);
    const rows = await this.articleColumns(language, now)
      .where('a.published_at', '>=', start)
      .where('a.published_at', '<', end)
      .orderBy('a.published_at')
      .orderBy('a.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(toSitemapArticle);
  }

  /** The stories published since `since`, newest first, cut into chunks of `perFile`. */
  async recentChunks(language: Language, now: Date, since: Date, perFile: number): Promise<SitemapChunk[]> {
    const stories = this.visible(language, now).where('a.published_at', '>', since.toISOString());
    return this.cut(stories, sql`a.published_at desc, a.id desc`, positiveInteger(perFile), '');
  }

  /** Stories numbered in `order` and cut into runs of `size`: each run a file, with its count and newest lastmod. */
  private async cut(stories: ReturnType<SitemapEntryRepository['visible']>, order: RawBuilder<unknown>, size: RawBuilder<number>, month: string): Promise<SitemapChunk[]> {
    const inner = stories.select([sql<number>`(row_number() over (order by ${order}) - 1) / ${size}`.as('chunk'), lastmodOf().as('lastmod')]);
    const rows = await this.k
      .selectFrom(inner.as('x'))
      .select(['x.chunk', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('x.lastmod').as('lastmod')])
      .groupBy('x.chunk')
      .orderBy('x.chunk')
      .execute();
    return rows.map((r) => ({ month, part: Number(r.chunk) + 1, count: Number(r.n), lastmod: r.lastmod }));
  }

  /** The stories published since `since`, newest first, in the order recentChunks counts them. */
  async recentArticles(language: Language, now: Date, since: Date, offset: number, limit: number): Promise<SitemapArticle[]> {
    const rows = await this.articleColumns(language, now)
      .where('a.published_at', '>', since.toISOString())
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(toSitemapArticle);
  }

  /**
   * What the first page of every list shows, for its lastmod: each section's own newest
   * `perPage` public stories (a section page merges those of the sections below it: the
   * service does that), and for each tag and author with public stories the newest lastmod
   * among its newest `perPage`. A change to a story further back does not change the page a
   * crawler is sent to. Each list is one short range of an index (the sections' by section,
   * the join tables' listing index), so the cost follows the number of lists, not of stories.
   */
  async listPageChanges(language: Language, now: Date, sectionIds: readonly number[], perPage: number): Promise<ListPageChanges> {
    const size = positiveInteger(perPage);
    const [sections, tags, authors] = await Promise.all([
      Promise.all(sectionIds.map(async (id) => [id, await this.newestInSection(language, now, id, perPage)] as const)),
      this.k
        .selectFrom('tags as t')
        .select(['t.slug', sql<string | null>`(select max(p.lastmod) from (${this.firstPage('article_tags', 'tag_id', sql.ref('t.id'), language, now, size)}) p)`.as('lastmod')])
        .orderBy('t.slug')
        .execute(),
      this.k
        .selectFrom('authors as au')
        .select(['au.slug', sql<string | null>`(select max(p.lastmod) from (${this.firstPage('article_authors', 'author_id', sql.ref('au.id'), language, now, size)}) p)`.as('lastmod')])
        .orderBy('au.slug')
        .execute(),
    ]);
    const withStories = (rows: { slug: string; lastmod: string | null }[]) => rows.flatMap((r) => (r.lastmod === null ? [] : [{ slug: r.slug, lastmod: r.lastmod }]));
    return { sections: new Map(sections), tags: withStories(tags), authors: withStories(authors) };
  }

  /**
   * How many tags and authors have public stories: their list pages are in the sitemap. One
   * probe of the listing index per tag or author, which stops at its first public story, so
   * the count costs the same at 1,000 stories as at 100,000.
   */
  async listPageCounts(language: Language, now: Date): Promise<{ tags: number; authors: number }> {
    const at = now.toISOString();
    const [tags, authors] = await Promise.all([
      this.k
        .selectFrom('tags as t')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.exists(eb.selectFrom('article_tags as l').select('l.article_id').whereRef('l.tag_id', '=', 't.id').where('l.language', '=', language).where('l.public_from', '<=', at)))
        .executeTakeFirstOrThrow(),
      this.k
        .selectFrom('authors as au')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.exists(eb.selectFrom('article_authors as l').select('l.article_id').whereRef('l.author_id', '=', 'au.id').where('l.language', '=', language).where('l.public_from', '<=', at)))
        .executeTakeFirstOrThrow(),
    ]);
    return { tags: Number(tags.n), authors: Number(authors.n) };
  }

  /** A section's own newest public stories, newest first, along its index. */
  private async newestInSection(language: Language, now: Date, sectionId: number, limit: number): Promise<ListedStory[]> {
    const rows = await this.visible(language, now)
      .where('a.section_id', '=', sectionId)
      .select(['a.id', 'a.published_at', lastmodOf().as('lastmod')])
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, publishedAt: r.published_at ?? r.lastmod, lastmod: r.lastmod }));
  }

  /** The lastmods of a tag's or an author's first page, from its join rows (their listing index) alone. */
  private firstPage(table: 'article_tags' | 'article_authors', owner: 'tag_id' | 'author_id', ownerId: RawBuilder<unknown>, language: Language, now: Date, size: RawBuilder<number>): RawBuilder<unknown> {
    const t = sql.table(table);
    return sql`select ${t}.lastmod from ${t} where ${sql.ref(`${table}.${owner}`)} = ${ownerId} and ${t}.language = ${language} and ${t}.public_from <= ${now.toISOString()} order by ${t}.public_from desc, ${t}.article_id desc limit ${size}`;
  }

  private articleColumns(language: Language, now: Date) {
    return this.visible(language, now)
      .leftJoin('media as m', 'm.id', 'a.lead_media_id')
      .select(['a.id', 'a.slug', 'a.section_id', 'a.language', 'a.headline', 'a.published_at', lastmodOf().as('lastmod')])
      .select(['m.id as m_id', 'm.key as m_key', 'm.mime as m_mime', 'm.width as m_width', 'm.height as m_height', 'm.alt as m_alt', 'm.caption as m_caption', 'm.credit as m_credit', 'm.focal_x as m_focal_x', 'm.focal_y as m_focal_y']);
  }
}

/** The first instant of a UTC month (`YYYY-MM`) and of the next, as ISO strings. */
function monthRange(month: string): { start: string; end: string } {
  const [year, m] = month.split('-').map(Number);
  if (year === undefined || m === undefined) throw new RangeError(`not a month: ${month}`);
  return { start: new Date(Date.UTC(year, m - 1, 1)).toISOString(), end: new Date(Date.UTC(year, m, 1)).toISOString() };
}

/**
 * lastmod of a story: its last write (`updated_at`, the article page's Last-Modified), but
 * never before it went public (a story written as published with a future time).
 * Timestamps are ISO UTC text on SQLite and timestamptz on PostgreSQL: both compare in time order.
 */
function lastmodOf(): RawBuilder<string> {
  return sql<string>`case when a.updated_at > a.published_at then a.updated_at else a.published_at end`;
}

interface ArticleColumnsRow {
  id: number;
  slug: string;
  section_id: number;
  language: string;
  headline: string;
  published_at: string | null;
  lastmod: string;
  m_id: number | null;
  m_key: string | null;
  m_mime: string | null;
  m_width: number | null;
  m_height: number | null;
  m_alt: string | null;
  m_caption: string | null;
  m_credit: string | null;
  m_focal_x: number | null;
  m_focal_y: number | null;
}

function leadImage(r: ArticleColumnsRow): MediaAsset | undefined {
  if (r.m_id === null || r.m_key === null || r.m_width === null) return undefined;
  return {
    id: r.m_id,
    key: r.m_key,
    mime: r.m_mime ?? '',
    width: r.m_width,
    height: r.m_height ?? 0,
    alt: r.m_alt ?? '',
    caption: r.m_caption ?? '',
    credit: r.m_credit ?? '',
    focalX: r.m_focal_x ?? 0.5,
    focalY: r.m_focal_y ?? 0.5,
  };
}

function toSitemapArticle(r: ArticleColumnsRow): SitemapArticle {
  return {
    id: r.id,
    slug: r.slug,
    sectionId: r.section_id,
    language: r.language as Language,
    headline: r.headline,
    publishedAt: r.published_at ?? r.lastmod,
    lastmod: r.lastmod,
    image: leadImage(r),
  };
}
