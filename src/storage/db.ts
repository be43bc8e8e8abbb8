/**
 * Opens the database named by DATABASE_URL: SQLite (better-sqlite3, the default) or
 * PostgreSQL (pg). Everything above this file speaks Kysely and never asks which one it got,
 * except the few queries in sqlite/ and postgres/ that truly differ.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { withStatementCache } from './sqlite-statements.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** Connections of the PostgreSQL pool (total, idle, clients waiting); none for SQLite's one connection. */
  poolStats(): { total: number; idle: number; waiting: number } | undefined;
  close(): Promise<void>;
}

// timestamptz (1184) and timestamp (1114) come back as the same ISO strings SQLite stores,
// so no layer above has to care which database produced a row. int8 (20) is what COUNT(*)
// returns: our counts fit comfortably in a double.
pg.types.setTypeParser(1184, (v: string) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v: string) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface OpenOptions {
  poolSize?: number;
}

export function openDatabase(url: string, options: OpenOptions = {}): Db {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url, options.poolSize ?? 10);
  throw new Error(`Unsupported DATABASE_URL "${url}": use sqlite:PATH or postgres://...`);
}

function openSqlite(file: string): Db {
  const path = file === ':memory:' || file === '' ? ':memory:' : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const native = new SqliteDatabase(path);
  // WAL lets readers proceed while a write commits; NORMAL sync is durable across process
  // crashes (not power loss mid-checkpoint), the usual trade for a web workload.
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 5000');
  // Table statistics for the query planner, as SQLite advises for long-lived connections: on
  // open, then daily. Without them it guesses, and at a million comments one guess cost 2 s per
  // story page (docs/performance.md). analysis_limit keeps it to a fraction of a second.
  const optimize = () => {
    native.pragma('analysis_limit = 1000');
    native.pragma('optimize = 0x10002');
  };
  optimize();
  const daily = setInterval(optimize, 24 * 60 * 60 * 1000);
  daily.unref();
  const database = withStatementCache(native, () => {
    clearInterval(daily);
    native.pragma('optimize');
  });
  return wrap(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
}

function wrap(kysely: Kysely<Database>, dialect: Dialect, pool?: pg.Pool): Db {
  return {
    kysely,
    dialect,
    poolStats: () => (pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : undefined),
    ping: async () => {
      try {
        await sql`select 1`.execute(kysely);
        return true;
      } catch {
        return false;
      }
    },
    close: () => kysely.destroy(),
  };
}

/**
 * Planner statistics for tables just filled in bulk (the archive generator, a restore), so the
 * first requests are planned on the real row counts rather than on empty tables. PostgreSQL
 * also gets its visibility map, without which counts cannot be answered from an index alone
 * (a section's count: 110 ms -> 2 ms at 100,000 stories); autovacuum would get there minutes
 * later. SQLite also refreshes its statistics by itself (PRAGMA optimize, above).
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await sql.raw(db.dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db.kysely);
}

/** Errors that mean "the database cannot be reached right now", not "this request is wrong". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'SQLITE_BUSY']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Cannot use a pool after calling end/i;

/**
 * Whether an error is the database being down or unreachable. Requests that meet one answer
 * 503 with Retry-After at once (the pool gives up connecting within 2 s), and the next ones
 * succeed by themselves when the database is back: the pool opens fresh connections.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

function openPostgres(url: string, poolSize: number): Db {
  // Fail fast when the database is away: a reader waits 2 s at most for a connection, then
  // gets a 503 instead of a hanging request piling onto the others.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 30_000 });
  // A client losing its connection (database restart) must not crash the process. Idle ones
  // report through the pool; a checked-out one emits 'error' on itself, which with no
  // listener is an uncaught exception. Its query fails anyway (and answers 503).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return wrap(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres', pool);
}
