/**
 * Full-text search over stories. The indexed text is prepared by the application (folded,
 * stemmed per language: services/search-text.ts), so both databases index the same terms:
 * SQLite in an FTS5 table (rowid = article id), PostgreSQL in a tsvector column with a GIN
 * index ('simple' configuration: the stemming is already done). Rows are written in the
 * transaction that writes the story (services/search-index.ts) and filled for existing
 * stories at start-up.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf } from './column-types.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`create virtual table article_fts using fts5(headline, standfirst, body, extra, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    // A virtual table has no foreign keys: a deleted story leaves the index with it.
    await sql`create trigger article_fts_delete after delete on articles begin delete from article_fts where rowid = old.id; end`.execute(db);
    return;
  }
  await db.schema
    .createTable('article_search')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index article_search_document on article_search using gin (document)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`drop trigger article_fts_delete`.execute(db);
    await sql`drop table article_fts`.execute(db);
    return;
  }
  await db.schema.dropTable('article_search').execute();
}
