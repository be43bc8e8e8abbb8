/**
 * Lists on a large archive. Every public list query filters on language, status and
 * publication time (within a section, or site-wide) and orders by publication time, then id.
 * With those columns in the index, in that order, a section's count and its newest page are
 * read from the index alone, and neither database sorts the archive (PostgreSQL needs the id
 * in the index for the tie-break; SQLite has it implicitly).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('articles_section_language_status_published').on('articles').columns(['section_id', 'language', 'status', 'published_at', 'id']).execute();
  await db.schema.createIndex('articles_language_status_published').on('articles').columns(['language', 'status', 'published_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_language_status_published').execute();
  await db.schema.dropIndex('articles_section_language_status_published').execute();
}
