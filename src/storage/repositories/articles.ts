/** Reading and writing articles. Shared SQL for SQLite and PostgreSQL. */
import type { Kysely, Transaction } from 'kysely';
import { newestPublishedFirst } from '../../core/articles.js';
import type { Article, ArticleLabel, ArticleStatus, Correction, Language } from '../../core/articles.js';
import type { Author, Tag } from '../../core/people.js';
import type { RichTextDocument } from '../../core/richtext.js';
import type { SelectQueryBuilder } from 'kysely';
import type { ArticleRow, ArticlesTable, Database } from '../schema.js';
import { rowToAuthor, rowToTag } from './catalog.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The fields a list or card needs: never the body. */
export interface ArticleSummary {
  id: number;
  slug: string;
  language: Language;
  sectionId: number;
  label: ArticleLabel;
  headline: string;
  standfirst: string;
  leadMediaId: number | null;
  publishedAt: string;
  updatedAt: string;
  commentCount: number;
}

export interface ListQuery {
  language: Language;
  now: Date;
  sectionIds?: readonly number[];
  tagId?: number;
  authorId?: number;
  excludeIds?: readonly number[];
  limit: number;
  offset?: number;
}

const summaryColumns = ['a.id', 'a.slug', 'a.language', 'a.section_id', 'a.label', 'a.headline', 'a.standfirst', 'a.lead_media_id', 'a.published_at', 'a.updated_at', 'a.comment_count'] as const;

type SummaryRow = Pick<ArticleRow, 'id' | 'slug' | 'language' | 'section_id' | 'label' | 'headline' | 'standfirst' | 'lead_media_id' | 'published_at' | 'updated_at' | 'comment_count'>;

function rowToSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    language: r.language as Language,
    sectionId: r.section_id,
    label: r.label as ArticleLabel,
    headline: r.headline,
    standfirst: r.standfirst,
    leadMediaId: r.lead_media_id,
    publishedAt: r.published_at ?? '',
    updatedAt: r.updated_at,
    commentCount: r.comment_count,
  };
}

type Filters = Omit<ListQuery, 'limit' | 'offset'>;

/** The public-visibility rule (core/articles isPubliclyVisible) in SQL, plus list filters. */
function publicAndFiltered<O>(query: SelectQueryBuilder<Database & { a: ArticlesTable }, 'a', O>, q: Filters) {
  let out = query.where('a.language', '=', q.language).where('a.status', '=', 'published').where('a.published_at', '<=', q.now.toISOString());
  if (q.sectionIds) out = out.where('a.section_id', 'in', q.sectionIds.length ? q.sectionIds : [-1]);
  if (q.excludeIds?.length) out = out.where('a.id', 'not in', q.excludeIds);
  const { tagId, authorId } = q;
  if (tagId !== undefined) {
    out = out.where((eb) => eb.exists(eb.selectFrom('article_tags as t').select('t.article_id').whereRef('t.article_id', '=', 'a.id').where('t.tag_id', '=', tagId)));
  }
  if (authorId !== undefined) {
    out = out.where((eb) => eb.exists(eb.selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', authorId)));
  }
  return out;
}

/** A list of one tag's or one author's stories and nothing else: a tag or author page, or its feed. */
type OwnerList = { language: Language; now: Date; tagId: number; authorId?: undefined } | { language: Language; now: Date; tagId?: undefined; authorId: number };

function ownerList(q: Filters): OwnerList | undefined {
  if (q.sectionIds || q.excludeIds?.length) return undefined;
  if (q.tagId !== undefined && q.authorId === undefined) return { language: q.language, now: q.now, tagId: q.tagId };
  if (q.authorId !== undefined && q.tagId === undefined) return { language: q.language, now: q.now, authorId: q.authorId };
  return undefined;
}

/**
 * The public stories of a tag or an author as its join rows list them: `article_id` and
 * `public_from`, in one range of the listing index (migration 2026-12-03T2000, whose triggers
 * keep each row's copy of its story's language and publication). The page order, newest
 * first, is (public_from, article_id) descending: the stories' (published_at, id).
 */
function ownerRows(db: Kysely<Database>, q: OwnerList) {
  const now = q.now.toISOString();
  return q.tagId !== undefined
    ? db.selectFrom('article_tags as l').select(['l.article_id', 'l.public_from']).where('l.tag_id', '=', q.tagId).where('l.language', '=', q.language).where('l.public_from', '<=', now)
    : db.selectFrom('article_authors as l').select(['l.article_id', 'l.public_from']).where('l.author_id', '=', q.authorId).where('l.language', '=', q.language).where('l.public_from', '<=', now);
}

export function rowToArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    slug: row.slug,
    language: row.language as Language,
    sectionId: row.section_id,
    label: row.label as ArticleLabel,
    headline: row.headline,
    seoHeadline: row.seo_headline,
    standfirst: row.standfirst,
    seoDescription: row.seo_description,
    // Bodies are validated before they are written, so the stored JSON is trusted here.
    body: JSON.parse(row.body) as RichTextDocument,
    leadMediaId: row.lead_media_id,
    socialMediaId: row.social_media_id,
    status: row.status as ArticleStatus,
    publishedAt: row.published_at,
    displayUpdatedAt: row.display_updated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    commentsOpen: row.comments_open === 1,
    commentsPremoderated: row.comments_premoderated === 1,
    commentCount: row.comment_count,
    version: row.version,
    hasLiveBlog: row.live_coverage === 1 || row.live_started_at !== null,
    leadVideoId: row.lead_video_id,
  };
}

export class ArticleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: number, tx: Executor = this.db): Promise<Article | undefined> {
    const row = await tx.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToArticle(row) : undefined;
  }

  async findBySlug(language: Language, slug: string): Promise<Article | undefined> {
    const row = await this.db.selectFrom('articles').selectAll().where('language', '=', language).where('slug', '=', slug).executeTakeFirst();
    return row ? rowToArticle(row) : undefined;
  }

  /** The article that once had this slug, for a 301 to where it lives now. */
  async findIdByFormerSlug(language: Language, slug: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('article_slug_history').select('article_id').where('language', '=', language).where('slug', '=', slug).executeTakeFirst();
    return row?.article_id;
  }

  /** Published stories whose time has come, newest first. */
  async listPublished(q: ListQuery): Promise<ArticleSummary[]> {
    // A section with subsections: one indexed, ordered, limited read per section, merged
    // here. A single query over `section_id IN (...)` would read and sort every story of the
    // subtree (the index is ordered within one section only), which grows with the archive.
    if (q.sectionIds && q.sectionIds.length > 1) {
      const enough = (q.offset ?? 0) + q.limit;
      const perSection = await Promise.all(q.sectionIds.map((id) => this.listPublished({ ...q, sectionIds: [id], limit: enough, offset: 0 })));
      return perSection
        .flat()
        .sort(newestPublishedFirst)
        .slice(q.offset ?? 0, enough);
    }
    const owner = ownerList(q);
    if (owner) {
      // Newest first along the listing index, then each story by its key: no walk of the edition.
      const rows = await this.db
        .selectFrom(ownerRows(this.db, owner).as('l'))
        .innerJoin('articles as a', 'a.id', 'l.article_id')
        .select(summaryColumns)
        .orderBy('l.public_from', 'desc')
        .orderBy('l.article_id', 'desc')
        .limit(q.limit)
        .offset(q.offset ?? 0)
        .execute();
      return rows.map(rowToSummary);
    }
    const rows = await publicAndFiltered(this.db.selectFrom('articles as a').select(summaryColumns), q)
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.limit)
      .offset(q.offset ?? 0)
      .execute();
    return rows.map(rowToSummary);
  }

  async countPublished(q: Filters): Promise<number> {
    // Per section, like listPublished: each count is one range of the section index.
    if (q.sectionIds && q.sectionIds.length > 1 && !q.excludeIds?.length) {
      const counts = await Promise.all(q.sectionIds.map((id) => this.countPublished({ ...q, sectionIds: [id] })));
      return counts.reduce((sum, n) => sum + n, 0);
    }
    const owner = ownerList(q);
    if (owner) {
      // Counted in the listing index alone.
      const row = await this.db.selectFrom(ownerRows(this.db, owner).as('l')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    }
    const row = await publicAndFiltered(this.db.selectFrom('articles as a').select((eb) => eb.fn.countAll<number>().as('n')), q).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Summaries of specific stories (RELATED blocks), public ones only. */
  async publishedSummariesByIds(ids: readonly number[], now: Date): Promise<ArticleSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('articles as a')
      .select(summaryColumns)
      .where('a.id', 'in', ids)
      .where('a.status', '=', 'published')
      .where('a.published_at', '<=', now.toISOString())
      .execute();
    return rows.map(rowToSummary);

  }

  /** Author ids per article, in byline order. */
  async authorIdsFor(articleIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (articleIds.length === 0) return out;
    const rows = await this.db.selectFrom('article_authors').select(['article_id', 'author_id']).where('article_id', 'in', articleIds).orderBy('article_id').orderBy('position').execute();
    for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.author_id]);
    return out;
  }

  /** Bylines per article, in byline order. */
  async authorsFor(articleIds: readonly number[]): Promise<Map<number, Author[]>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .selectAll('au')
      .select('aa.article_id')
      .where('aa.article_id', 'in', articleIds)
      .orderBy('aa.article_id')
      .orderBy('aa.position')
      .execute();
    return groupByArticle(rows, rowToAuthor);
  }

  /** Tags per article, in the order the desk gave them. */
  async tagsFor(articleIds: readonly number[]): Promise<Map<number, Tag[]>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').selectAll('t').select('at.article_id').where('at.article_id', 'in', articleIds).orderBy('at.article_id').orderBy('at.position').execute();
    return groupByArticle(rows, rowToTag);
  }

  async correctionsFor(articleId: number): Promise<Correction[]> {
    const rows = await this.db.selectFrom('corrections').selectAll().where('article_id', '=', articleId).orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, articleId: r.article_id, kind: r.kind === 'update' ? 'update' : 'correction', note: r.note, createdAt: r.created_at }));
  }

  /** When anything public last changed: drives Last-Modified of list pages. */
}

/** What a new or edited article row holds; relations (bylines, tags) are set separately. */
export interface ArticleFields {
  slug: string;
  language: Language;
  sectionId: number;
  label: ArticleLabel;
  headline: string;
  seoHeadline: string | null;
  standfirst: string;
  seoDescription: string | null;
  body: RichTextDocument;
  leadMediaId: number | null;
  socialMediaId: number | null;
  status: ArticleStatus;
  publishedAt: string | null;
  displayUpdatedAt: string | null;
  commentsOpen: boolean;
  commentsPremoderated: boolean;
}

const fieldsToRow = (f: ArticleFields) => ({
  slug: f.slug,
  language: f.language,
  section_id: f.sectionId,
  label: f.label,
  headline: f.headline,
  seo_headline: f.seoHeadline,
  standfirst: f.standfirst,
  seo_description: f.seoDescription,
  body: JSON.stringify(f.body),
  lead_media_id: f.leadMediaId,
  social_media_id: f.socialMediaId,
  status: f.status,
  published_at: f.publishedAt,
  display_updated_at: f.displayUpdatedAt,
  comments_open: f.commentsOpen ? 1 : 0,
  comments_premoderated: f.commentsPremoderated ? 1 : 0,
});

/** Writes that must happen together: callers pass the transaction they opened. */
export const articleWrites = {
  async insert(tx: Executor, fields: ArticleFields, now: Date): Promise<Article> {
    const at = now.toISOString();
    const row = await tx
      .insertInto('articles')
      .values({ ...fieldsToRow(fields), created_at: at, updated_at: at, comment_count: 0, version: 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToArticle(row);
  },

  /** Updates a row and bumps its version; remembers the old slug so old links redirect. */
  async update(tx: Executor, before: Article, fields: ArticleFields, now: Date): Promise<Article> {
    const at = now.toISOString();
    if (before.slug !== fields.slug || before.language !== fields.language) {
      // A slug that comes back into use must stop redirecting.
      await tx.deleteFrom('article_slug_history').where('language', '=', fields.language).where('slug', '=', fields.slug).execute();
      await tx
        .insertInto('article_slug_history')
        .values({ language: before.language, slug: before.slug, article_id: before.id, created_at: at })
        .onConflict((oc) => oc.columns(['language', 'slug']).doUpdateSet({ article_id: before.id, created_at: at }))
        .execute();
    }
    const row = await tx
      .updateTable('articles')
      .set({ ...fieldsToRow(fields), updated_at: at, version: before.version + 1 })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToArticle(row);
  },

  async setAuthors(tx: Executor, articleId: number, authorIds: readonly number[]): Promise<void> {
    await tx.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
    const unique = [...new Set(authorIds)];
    if (unique.length) await tx.insertInto('article_authors').values(unique.map((author_id, position) => ({ article_id: articleId, author_id, position }))).execute();
  },

  /**
   * Links tags by name, creating the ones that do not exist yet. An existing tag is found by
   * its name first (case aside), then by slug, so a tag an editor renamed (new name, old slug)
   * is reused rather than duplicated.
   */
  async setTags(tx: Executor, articleId: number, tags: readonly { slug: string; name: string }[], now: Date): Promise<void> {
    await tx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
    const wanted = [...new Map(tags.map((t) => [t.name.toLowerCase(), t])).values()];
    if (wanted.length === 0) return;
    const lookup = () =>
      tx
        .selectFrom('tags')
        .select(['id', 'slug', 'name'])
        .where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'in', wanted.map((t) => t.name.toLowerCase())), eb('slug', 'in', wanted.map((t) => t.slug))]))
        .execute();
    const find = (rows: { id: number; slug: string; name: string }[], t: { slug: string; name: string }) =>
      rows.find((r) => r.name.toLowerCase() === t.name.toLowerCase()) ?? rows.find((r) => r.slug === t.slug);
    let rows = await lookup();
    const missing = wanted.filter((t) => !find(rows, t));
    if (missing.length) {
      await tx
        .insertInto('tags')
        .values(missing.map((t) => ({ slug: t.slug, name: t.name, created_at: now.toISOString() })))
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
      rows = await lookup();
    }
    const ids = [...new Set(wanted.flatMap((t) => find(rows, t)?.id ?? []))];
    if (ids.length) await tx.insertInto('article_tags').values(ids.map((tag_id, position) => ({ article_id: articleId, tag_id, position }))).execute();
  },

  async addCorrection(tx: Executor, articleId: number, kind: Correction['kind'], note: string, now: Date): Promise<void> {
    await tx.insertInto('corrections').values({ article_id: articleId, kind, note, created_at: now.toISOString() }).execute();
  },
};

/** Rows of a join with `article_id`, as each article's list in row order. */
function groupByArticle<R extends { article_id: number }, T>(rows: readonly R[], toItem: (row: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.article_id);
    if (list) list.push(toItem(r));
    else out.set(r.article_id, [toItem(r)]);
  }
  return out;
}
