/** "Holds this text, case aside" in SQL that SQLite and PostgreSQL read the same way. */
import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';

/**
 * `lower(column) like '%text%'`, with LIKE's own wildcards in the text taken literally. They
 * are escaped with a backslash, and the ESCAPE clause says so: PostgreSQL assumes a backslash,
 * SQLite has no escape character unless told, so without the clause `100%` looked for
 * "100\%" there and `t_f` matched any "t?f". Lower-casing both sides makes PostgreSQL's
 * case-sensitive LIKE behave as SQLite's, and serves expression indexes on `lower(column)`.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
