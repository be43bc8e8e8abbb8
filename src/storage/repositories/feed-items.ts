/**
 * What feeds need of articles: the latest public stories of a list (site, section subtree,
 * tag, author) with their bodies, bylines and tags. Which stories are public is decided by
 * the same query the reader site's lists use (ArticleRepository.listPublished), so a feed
 * never shows a story its HTML page would not.
 */
import type { Kysely } from 'kysely';
import { isPubliclyVisible } from '../../core/articles.js';
import type { Article, Language } from '../../core/articles.js';
import type { Author, Tag } from '../../core/people.js';
import type { Database } from '../schema.js';
import { ArticleRepository, rowToArticle } from './articles.js';
import { rowToAuthor, rowToTag } from './catalog.js';

export interface FeedItemQuery {
  language: Language;
  now: Date;
  /** A section and every section below it. */
  sectionIds?: readonly number[];
  tagId?: number;
  authorId?: number;
  limit: number;
}

export class FeedItemRepository {
  private readonly articles: ArticleRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.articles = new ArticleRepository(db);
  }

  /** The newest public stories matching the filters, whole, newest first by publication. */
  async latest(q: FeedItemQuery): Promise<Article[]> {
    const listed = await this.articles.listPublished(q);
    if (listed.length === 0) return [];
    const rows = await this.db.selectFrom('articles').selectAll().where('id', 'in', listed.map((s) => s.id)).execute();
    const byId = new Map(rows.map((r) => [r.id, rowToArticle(r)]));
    // A story unpublished between the two reads is left out rather than shown.
    return listed.flatMap((s) => {
      const article = byId.get(s.id);
      return article && isPubliclyVisible(article, q.now) ? [article] : [];
    });
  }

  /** Bylines per article, in byline order. */
  async authorsFor(articleIds: readonly number[]): Promise<Map<number, Author[]>> {
    const out = new Map<number, Author[]>();
    if (articleIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .selectAll('au')
      .select('aa.article_id')
      .where('aa.article_id', 'in', articleIds)
      .orderBy('aa.article_id')
      .orderBy('aa.position')
      .execute();
    for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), rowToAuthor(r)]);
    return out;
  }

  /** Tags per article, in the order the desk gave them. */
  async tagsFor(articleIds: readonly number[]): Promise<Map<number, Tag[]>> {
    const out = new Map<number, Tag[]>();
    if (articleIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .selectAll('t')
      .select('at.article_id')
      .where('at.article_id', 'in', articleIds)
      .orderBy('at.article_id')
      .orderBy('at.position')
      .execute();
    for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), rowToTag(r)]);
    return out;
  }
}
