/**
 * Which stories show an image inside their body. The newsroom asks on each image's page and
 * before deleting one (services/media-library.ts `usage`); it was
 * `body like '%"mediaId":ID,%'` over every story's JSON: 205 ms at 100,000 stories on SQLite,
 * with the instance serving no reader meanwhile. docs/performance.md, "2026-12-03, 22:20 UTC".
 *
 * Figures are top-level blocks of the body (core/richtext.ts: `{"type":"figure","attrs":
 * {"mediaId":ID,...}}`), so the ids are one JSON path away on either database:
 * - SQLite: an FTS5 table holding each story's figure ids as words, kept by triggers from the
 *   body (json_each). A virtual table, so the backup leaves it out as derived data, and the
 *   triggers fill it again as a restore writes the stories.
 * - PostgreSQL: a GIN index on the ids as a jsonb array (jsonb_path_query_array), asked with
 *   `@>`. Nothing to keep: PostgreSQL keeps its indexes.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf } from './column-types.js';

/** The figure ids of `body` as words ("5 12"), a scalar subquery: NULL for a body without figures. */
const FIGURE_IDS = (body: string) =>
  sql`(select group_concat(json_extract(f.value, '$.attrs.mediaId'), ' ') from json_each(${sql.raw(body)}, '$.content') as f where json_extract(f.value, '$.type') = 'figure')`;

/** The figure ids of a body as a jsonb array, PostgreSQL: the index expression, and what a query must repeat to use it. */
export const PG_FIGURE_IDS = `jsonb_path_query_array(body::jsonb, '$.content[*] ? (@.type == "figure").attrs.mediaId')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql.raw(`create index articles_figure_media on articles using gin ((${PG_FIGURE_IDS}))`).execute(db);
    return;
  }
  await sql`create virtual table article_figure_media using fts5(media_ids, tokenize = 'ascii')`.execute(db);
  const insertNew = sql`insert into article_figure_media (rowid, media_ids) select id, ids from (select new.id as id, ${FIGURE_IDS('new.body')} as ids) where ids is not null`;
  await sql`create trigger article_figure_media_insert after insert on articles begin ${insertNew}; end`.execute(db);
  await sql`create trigger article_figure_media_update after update of body on articles begin delete from article_figure_media where rowid = old.id; ${insertNew}; end`.execute(db);
  await sql`create trigger article_figure_media_delete after delete on articles begin delete from article_figure_media where rowid = old.id; end`.execute(db);
  await fillFigureMedia(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop index articles_figure_media`.execute(db);
    return;
  }
  await sql`drop trigger article_figure_media_delete`.execute(db);
  await sql`drop trigger article_figure_media_update`.execute(db);
  await sql`drop trigger article_figure_media_insert`.execute(db);
  await sql`drop table article_figure_media`.execute(db);
}

/** SQLite: every story's figure ids written afresh (the migration, and `newsdesk reindex`). */
export async function fillFigureMedia(db: Kysely<unknown>): Promise<void> {
  await sql`delete from article_figure_media`.execute(db);
  await sql`insert into article_figure_media (rowid, media_ids) select id, ids from (select a.id as id, ${FIGURE_IDS('a.body')} as ids from articles as a) where ids is not null`.execute(db);
}
