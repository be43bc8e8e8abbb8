/**
 * Stories linked to their translations: the English and Spanish versions of a story share a
 * group. One row per linked story; a group holds at most one story per language (checked by
 * services/translations.ts inside the linking transaction).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_translations')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('group_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_translations_group').on('article_translations').columns(['group_id', 'article_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_translations').execute();
}
