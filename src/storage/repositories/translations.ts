/** Translation groups: which stories are the same story in other editions. */
import type { Kysely, Transaction } from 'kysely';
import type { Language } from '../../core/articles.js';
import type { Database } from '../schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface TranslationMember {
  id: number;
  language: Language;
  slug: string;
  sectionId: number;
  headline: string;
  status: string;
  publishedAt: string | null;
}

export class TranslationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async groupOf(articleId: number, tx: Executor = this.db): Promise<number | undefined> {
    const row = await tx.selectFrom('article_translations').select('group_id').where('article_id', '=', articleId).executeTakeFirst();
    return row?.group_id;
  }

  /** The other stories in an article's group, whatever their status. */
  async othersOf(articleId: number, tx: Executor = this.db): Promise<TranslationMember[]> {
    const rows = await tx
      .selectFrom('article_translations as mine')
      .innerJoin('article_translations as other', 'other.group_id', 'mine.group_id')
      .innerJoin('articles as a', 'a.id', 'other.article_id')
      .select(['a.id', 'a.language', 'a.slug', 'a.section_id', 'a.headline', 'a.status', 'a.published_at'])
      .where('mine.article_id', '=', articleId)
      .where('other.article_id', '!=', articleId)
      .orderBy('a.language')
      .execute();
    return rows.map((r) => ({ id: r.id, language: r.language as Language, slug: r.slug, sectionId: r.section_id, headline: r.headline, status: r.status, publishedAt: r.published_at }));
  }

  /** Puts `articleId` into group `groupId` (or moves it there). */
  async join(tx: Executor, articleId: number, groupId: number): Promise<void> {
    await tx.deleteFrom('article_translations').where('article_id', '=', articleId).execute();
    await tx.insertInto('article_translations').values({ article_id: articleId, group_id: groupId }).execute();
  }

  async leave(tx: Executor, articleId: number): Promise<void> {
    await tx.deleteFrom('article_translations').where('article_id', '=', articleId).execute();
  }

  /** Leaves a group of one behind as no group at all. */
  async dropLonelyGroup(tx: Executor, groupId: number): Promise<void> {
    const members = await tx.selectFrom('article_translations').select('article_id').where('group_id', '=', groupId).execute();
    if (members.length === 1) await tx.deleteFrom('article_translations').where('group_id', '=', groupId).execute();
  }
}
