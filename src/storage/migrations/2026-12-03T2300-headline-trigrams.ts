/**
 * The newsroom's story list finds part of a word in a headline or standfirst ("tripo", "market
 * rep"). That was `lower(headline) like '%tripo%'` on every story: at 100,000 stories on SQLite
 * a search for a rare word took 360-380 ms for the list (it walked the whole list index looking
 * for 50 matches) and 100-130 ms more for its count, with the instance serving no reader
 * meanwhile. A trigram index answers the same question from the matching stories alone:
 * 0.2-0.3 ms. docs/performance.md, "2026-12-03, 22:20 UTC".
 *
 * - SQLite: an FTS5 table with the trigram tokenizer over the articles table's own headline and
 *   standfirst (external content: the text is not stored twice, only the index, 72 MB at
 *   100,000 stories). Triggers keep it true whoever writes a story (newsroom, scheduler, seed,
 *   restore), as they do the listing columns.
 * - PostgreSQL: pg_trgm's GIN indexes on lower(headline) and lower(standfirst), which serve the
 *   LIKE the list already runs. pg_trgm ships with PostgreSQL (contrib) and is a trusted
 *   extension, so a database owner may create it; where it is missing or not allowed, the
 *   migration leaves the indexes out and the search still works, by reading every story.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf } from './column-types.js';

const INSERT_ROW = sql`insert into article_title_trigrams (rowid, headline, standfirst) values (new.id, new.headline, new.standfirst)`;
const DELETE_ROW = sql`insert into article_title_trigrams (article_title_trigrams, rowid, headline, standfirst) values ('delete', old.id, old.headline, old.standfirst)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    // case_sensitive 0: LIKE's case-insensitivity; diacritics kept, as PostgreSQL's LIKE keeps them.
    await sql`create virtual table article_title_trigrams using fts5(headline, standfirst, content = 'articles', content_rowid = 'id', tokenize = 'trigram case_sensitive 0')`.execute(db);
    // An external-content index must be told the old text to remove it: hence the triggers.
    await sql`create trigger article_title_trigrams_insert after insert on articles begin ${INSERT_ROW}; end`.execute(db);
    await sql`create trigger article_title_trigrams_delete after delete on articles begin ${DELETE_ROW}; end`.execute(db);
    await sql`create trigger article_title_trigrams_update after update of headline, standfirst on articles begin ${DELETE_ROW}; ${INSERT_ROW}; end`.execute(db);
    await sql`insert into article_title_trigrams (article_title_trigrams) values ('rebuild')`.execute(db);
    return;
  }
  if (!(await mayUsePgTrgm(db))) return;
  // A savepoint, so that a refusal the checks above did not foresee (the extension installed in
  // a schema outside the search path, say) leaves the migration's transaction usable: the
  // indexes are a speed-up, never a reason not to start.
  await sql`savepoint pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index articles_headline_trigrams on articles using gin (lower(headline) gin_trgm_ops)`.execute(db);
    await sql`create index articles_standfirst_trigrams on articles using gin (lower(standfirst) gin_trgm_ops)`.execute(db);
    await sql`release savepoint pg_trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint pg_trgm`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`drop trigger article_title_trigrams_update`.execute(db);
    await sql`drop trigger article_title_trigrams_delete`.execute(db);
    await sql`drop trigger article_title_trigrams_insert`.execute(db);
    await sql`drop table article_title_trigrams`.execute(db);
    return;
  }
  await sql`drop index if exists articles_standfirst_trigrams`.execute(db);
  await sql`drop index if exists articles_headline_trigrams`.execute(db);
  // The extension stays: other schemas in the database may have come to use it.
}

/** Installed already, or installable by this user (superuser, or CREATE on the database: pg_trgm is trusted since PostgreSQL 13). */
async function mayUsePgTrgm(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ installed: boolean; available: boolean; allowed: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm') as installed,
           exists (select 1 from pg_available_extensions where name = 'pg_trgm') as available,
           (select rolsuper from pg_roles where rolname = current_user)
             or (current_setting('server_version_num')::int >= 130000 and has_database_privilege(current_database(), 'CREATE')) as allowed`.execute(db);
  const row = rows[0];
  return Boolean(row && (row.installed || (row.available && row.allowed)));
}
