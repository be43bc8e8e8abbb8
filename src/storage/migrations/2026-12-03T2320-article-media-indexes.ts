/**
 * An image's page in the newsroom, and the check before an image is deleted, ask which stories
 * use it as their lead image, social card or lead video's poster. Nothing indexed those
 * columns, so each question read every story: 180 ms for the page at 100,000 stories on SQLite
 * once its figures were indexed (2026-12-03T2310), the instance serving no reader meanwhile.
 * Deleting an image or a video also had to read every story, to clear the references
 * (`on delete set null`). Social cards and lead videos are rare: partial indexes hold only the
 * stories that have one. docs/performance.md, "2026-12-03, 22:20 UTC".
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('articles_lead_media').on('articles').column('lead_media_id').execute();
  await db.schema.createIndex('articles_social_media').on('articles').column('social_media_id').where(sql.ref('social_media_id'), 'is not', null).execute();
  await db.schema.createIndex('articles_lead_video').on('articles').column('lead_video_id').where(sql.ref('lead_video_id'), 'is not', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_lead_video').execute();
  await db.schema.dropIndex('articles_social_media').execute();
  await db.schema.dropIndex('articles_lead_media').execute();
}
