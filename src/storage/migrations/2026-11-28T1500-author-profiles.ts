/** Author profiles: a portrait from the media library, and links (JSON array of {label,url}). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authors').addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null')).execute();
  await db.schema.alterTable('authors').addColumn('links', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authors').dropColumn('links').execute();
  await db.schema.alterTable('authors').dropColumn('photo_media_id').execute();
}
