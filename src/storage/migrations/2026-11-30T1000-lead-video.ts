/**
 * Lead videos (issue 5): a `videos` table (an HLS or MP4 address, a required poster image
 * from the media library, caption, credit, what is known of its size and length) and
 * `articles.lead_video_id`, set to null when the video row goes.
 */
import type { Kysely } from 'kysely';
import { dialectOf, timestampType, withId } from './column-types.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db);
  const ts = timestampType(d);
  await withId(db.schema.createTable('videos'), d)
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    // The poster is also the social card and the fallback of feeds and lite pages: required,
    // so an image that is a poster cannot be deleted from under it.
    .addColumn('poster_media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('restrict'))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('duration_seconds', 'integer')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('videos_poster').on('videos').columns(['poster_media_id']).execute();
  await db.schema.alterTable('articles').addColumn('lead_video_id', 'integer', (c) => c.references('videos.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('lead_video_id').execute();
  await db.schema.dropTable('videos').execute();
}
