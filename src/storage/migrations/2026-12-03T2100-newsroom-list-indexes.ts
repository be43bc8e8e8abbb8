/**
 * The newsroom's article list (/admin/articles) shows every story, newest change first,
 * optionally one status's or one section's; the newsroom's home page (/admin) shows the latest
 * published. With no index on `updated_at`, SQLite read and sorted the whole archive for each:
 * 95 ms at 100,000 stories for the list every editor opens first, 110-131 ms for the published
 * ones on every visit to /admin, 36 ms for one section's, and on SQLite the site serves no
 * reader meanwhile. Walking these indexes
 * backwards takes 0.1-0.2 ms; a search of the list (headline and standfirst) walks the same
 * index and stops at its 50th match (135 ms -> 0.5 ms for a common word). docs/performance.md,
 * "2026-12-03, 19:40 UTC".
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('articles_updated').on('articles').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('articles_section_updated').on('articles').columns(['section_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_status_updated').on('articles').columns(['status', 'updated_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_status_updated').execute();
  await db.schema.dropIndex('articles_section_updated').execute();
  await db.schema.dropIndex('articles_updated').execute();
}
