/**
 * Editor's picks are read on every story page: `article_id = ? and featured = 1 and status =
 * 'approved' order by created_at desc`. The old index (article_id, featured) left SQLite free
 * to prefer the moderation queue's (status, created_at) index, which walks every approved
 * comment on the site: 2 s per story page at 1,000,000 comments (docs/performance.md). This
 * one answers the whole query, filter and order, from the index.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('comments_featured').execute();
  await db.schema.createIndex('comments_featured').on('comments').columns(['article_id', 'featured', 'status', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('comments_featured').execute();
  await db.schema.createIndex('comments_featured').on('comments').columns(['article_id', 'featured']).execute();
}
