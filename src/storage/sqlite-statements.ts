/**
 * A better-sqlite3 connection that keeps its prepared statements. Kysely's SQLite driver calls
 * `prepare(sql)` for every query; compiling the same SELECT again and again was about a tenth
 * of the CPU of an uncached story page (measured with --cpu-prof, docs/performance.md).
 * Statements are reused by their SQL text, newest kept, up to `limit` of them: queries with
 * `in (?, ?, ...)` lists make a few texts per list length, so the set stays bounded.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/** `beforeClose` runs on the still-open connection when Kysely closes it. */
export function withStatementCache(native: SqliteDatabase.Database, beforeClose?: () => void, limit = 500): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      if (native.open) beforeClose?.();
      native.close();
    },
    prepare: (sql: string) => {
      const kept = statements.get(sql);
      // A statement that is still being iterated cannot run again until it is done.
      if (kept && !kept.busy) {
        // Move it to the end: the Map's first key is then always the least recently used.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = native.prepare(sql);
      if (!kept) {
        if (statements.size >= limit) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
