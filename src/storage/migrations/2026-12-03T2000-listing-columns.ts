/**
 * Tag and author pages (and their feeds, and the sitemap's list pages) read a tag's or an
 * author's public stories newest first. The join tables knew only which stories, so each
 * page walked the whole edition by publication time, probing the join table row by row,
 * until it had 20 of them: 15-17 ms on SQLite at 100,000 stories for a tag with 3 stories,
 * and counting them (the page says how many pages) 17-47 ms for any tag, growing with the
 * archive. The sitemap's newest change per tag and author grouped every public story:
 * 300 ms for 2,300 tags (docs/performance.md, "2026-12-03, 19:40 UTC").
 *
 * So each join row now carries what the lists filter and sort by, copied from its story:
 * its language, `public_from` (the publication time of a published story, NULL otherwise:
 * visible once it has come) and `lastmod` (the later of its last write and its publication).
 * Triggers keep the copies true on every write path, whichever code writes (the newsroom,
 * the scheduler, the seed, a restore); an index per table then answers a page as one
 * ordered range: (tag or author, language, public_from, story, lastmod).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf, timestampType } from './column-types.js';

const TABLES = [
  { table: 'article_tags', owner: 'tag_id', oldIndex: 'article_tags_tag' },
  { table: 'article_authors', owner: 'author_id', oldIndex: 'article_authors_author' },
] as const;

// The story's values, in terms of a row `a` of articles; one definition for the backfill and
// both dialects' triggers. lastmod matches the sitemaps' (sitemap-entries.ts lastmodOf).
const PUBLIC_FROM = (a: string) => `case when ${a}.status = 'published' then ${a}.published_at end`;
const LASTMOD = (a: string) => `case when ${a}.updated_at > ${a}.published_at then ${a}.updated_at else ${a}.published_at end`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  const ts = timestampType(dialect);
  for (const { table, owner, oldIndex } of TABLES) {
    // One column per statement: SQLite adds one at a time.
    await db.schema.alterTable(table).addColumn('language', 'varchar(8)').execute();
    await db.schema.alterTable(table).addColumn('public_from', ts).execute();
    await db.schema.alterTable(table).addColumn('lastmod', ts).execute();
    await sql
      .raw(
        `update ${table} set language = (select a.language from articles a where a.id = ${table}.article_id), ` +
          `public_from = (select ${PUBLIC_FROM('a')} from articles a where a.id = ${table}.article_id), ` +
          `lastmod = (select ${LASTMOD('a')} from articles a where a.id = ${table}.article_id)`,
      )
      .execute(db);
    // Replaces the index by owner: it still serves every lookup by tag or author.
    await db.schema.dropIndex(oldIndex).execute();
    await db.schema.createIndex(`${table}_listing`).on(table).columns([owner, 'language', 'public_from', 'article_id', 'lastmod']).execute();
  }
  if (dialect === 'postgres') await postgresTriggers(db);
  else await sqliteTriggers(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  for (const { table, owner } of TABLES) {
    // SQLite cannot change NEW before the insert: the row is completed right after it. A row
    // value from one subquery, not UPDATE ... FROM, which took 90 µs a row inside a trigger
    // against 7 µs (200,000 rows in a restore: 13 s against 1.4 s).
    await sql
      .raw(
        `create trigger ${table}_listing_insert after insert on ${table} begin ` +
          `update ${table} set (language, public_from, lastmod) = (select a.language, ${PUBLIC_FROM('a')}, ${LASTMOD('a')} from articles a where a.id = new.article_id) ` +
          `where article_id = new.article_id and ${owner} = new.${owner}; end`,
      )
      .execute(db);
  }
  const copies = TABLES.map(({ table }) => `update ${table} set language = new.language, public_from = ${PUBLIC_FROM('new')}, lastmod = ${LASTMOD('new')} where article_id = new.id;`).join(' ');
  await sql.raw(`create trigger articles_listing_update after update of language, status, published_at, updated_at on articles begin ${copies} end`).execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create function article_listing_fill() returns trigger language plpgsql as $$ begin ` +
        `select a.language, ${PUBLIC_FROM('a')}, ${LASTMOD('a')} into new.language, new.public_from, new.lastmod from articles a where a.id = new.article_id; ` +
        `return new; end $$`,
    )
    .execute(db);
  for (const { table } of TABLES) {
    await sql.raw(`create trigger ${table}_listing_insert before insert or update of article_id on ${table} for each row execute function article_listing_fill()`).execute(db);
  }
  const copies = TABLES.map(({ table }) => `update ${table} set language = new.language, public_from = ${PUBLIC_FROM('new')}, lastmod = ${LASTMOD('new')} where article_id = new.id;`).join(' ');
  await sql.raw(`create function articles_listing_update() returns trigger language plpgsql as $$ begin ${copies} return null; end $$`).execute(db);
  await sql.raw(`create trigger articles_listing_update after update of language, status, published_at, updated_at on articles for each row execute function articles_listing_update()`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  if (dialect === 'postgres') {
    await sql.raw('drop trigger articles_listing_update on articles').execute(db);
    await sql.raw('drop function articles_listing_update()').execute(db);
    for (const { table } of TABLES) await sql.raw(`drop trigger ${table}_listing_insert on ${table}`).execute(db);
    await sql.raw('drop function article_listing_fill()').execute(db);
  } else {
    await sql.raw('drop trigger articles_listing_update').execute(db);
    for (const { table } of TABLES) await sql.raw(`drop trigger ${table}_listing_insert`).execute(db);
  }
  for (const { table, owner, oldIndex } of TABLES) {
    await db.schema.dropIndex(`${table}_listing`).execute();
    await db.schema.createIndex(oldIndex).on(table).columns([owner, 'article_id']).execute();
    for (const column of ['lastmod', 'public_from', 'language']) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
