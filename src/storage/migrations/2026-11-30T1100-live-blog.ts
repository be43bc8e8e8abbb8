/**
 * Live coverage (docs/live-blog.md): a story is a live blog while `articles.live_coverage`
 * is 1; `live_player` embeds the edition's live TV player at the top of it. Coverage start
 * and end times feed the LiveBlogPosting's coverageStartTime / coverageEndTime.
 *
 * `live_updates` holds the timestamped updates: a rich-text body (the same JSON document as
 * article bodies), an optional headline, a pinned flag ("key updates"), and a soft delete
 * so a removal can be announced to readers whose pages still show it. Updates are read
 * newest first through (article_id, created_at desc, id).
 */
import type { Kysely } from 'kysely';
import { dialectOf, timestampType, withId } from './column-types.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db);
  const ts = timestampType(d);

  // One column per statement: SQLite adds one at a time.
  await db.schema.alterTable('articles').addColumn('live_coverage', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('articles').addColumn('live_player', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('articles').addColumn('live_started_at', ts).execute();
  await db.schema.alterTable('articles').addColumn('live_ended_at', ts).execute();

  await withId(db.schema.createTable('live_updates'), d)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('headline', 'varchar(200)')
    // JSON of the rich-text document (core/richtext.ts), like articles.body.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('deleted_at', ts)
    .execute();
  await db.schema.createIndex('live_updates_article_created').on('live_updates').columns(['article_id', 'created_at desc', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('live_updates').execute();
  await db.schema.alterTable('articles').dropColumn('live_ended_at').execute();
  await db.schema.alterTable('articles').dropColumn('live_started_at').execute();
  await db.schema.alterTable('articles').dropColumn('live_player').execute();
  await db.schema.alterTable('articles').dropColumn('live_coverage').execute();
}
