/**
 * What feeds need of articles: the latest public stories of a list (site, section subtree,
 * tag, author) with their bodies; their bylines and tags come from ArticleRepository. Which
 * stories are public is decided by the same query the reader site's lists use
 * (ArticleRepository.listPublished), so a feed never shows a story its HTML page would not.
 */
import type { Kysely } from 'kysely';
import { isPubliclyVisible } from '../../core/articles.js';
import type { Article, Language } from '../../core/articles.js';
import type { Database } from '../schema.js';
import { ArticleRepository, rowToArticle } from './articles.js';

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
}
