/**
 * Every storage and HTTP suite runs once per database: SQLite always, PostgreSQL when one is
 * reachable. Each run gets a database of its own (a temp file, or CREATE DATABASE) and drops
 * it afterwards, so runs never share data. In CI (CI=true) a missing PostgreSQL fails the
 * run instead of skipping, so no SQLite-only SQL can land unnoticed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/storage/db.js';
import type { Db, Dialect } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresUp = await postgresReachable();
if (!postgresUp) {
  const message = `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (set TEST_POSTGRES_URL)`;
  if (inCi) throw new Error(`${message}: CI must run every suite on PostgreSQL too.`);
  process.stderr.write(`\n[newsdesk tests] ${message}: PostgreSQL suites are SKIPPED on this machine.\n\n`);
}

/** The databases this run covers. */
export const DIALECTS: Dialect[] = postgresUp ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  db: Db;
  /** The DATABASE_URL of this database, for starting a server process on it. */
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-test-'));
  if (dialect === 'sqlite') {
    const url = `sqlite:${join(dataDir, 'newsdesk.db')}`;
    const db = openDatabase(url);
    await migrateToLatest(db.kysely);
    return {
      db,
      url,
      dataDir,
      async drop() {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `newsdesk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString(), { poolSize: 5 });
  await migrateToLatest(db.kysely);
  return {
    db,
    url: url.toString(),
    dataDir,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
