/** An article may have its own image for social cards, distinct from its lead photo. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('social_media_id', 'integer', (c) => c.references('media.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('social_media_id').execute();
}
