/**
 * Backup and restore: a logical dump of the whole site into one .tar.gz, and its load into
 * any database Newsdesk runs on (docs/backup.md).
 *
 * The archive holds, in this order:
 *   manifest.json          format, app version, dialect, migrations applied, time, and for every
 *                          part its size, row count and sha256
 *   db/NN-<table>.jsonl    every table, one JSON object per row, parents before children
 *   media/<path>           the media originals (DATA_DIR/media; renditions are rebuilt)
 *
 * Nothing here knows the tables by name: they are read from the database catalog
 * (sqlite_master and its pragmas, pg_catalog / information_schema), kysely's migration tables
 * left out, and ordered by their foreign keys. Search indexes (SQLite virtual tables such as
 * FTS5, PostgreSQL tables with a tsvector column) are derived data: not copied, rebuilt after
 * a restore. Because the dump is logical (JSON values, not pages), a SQLite backup loads into
 * PostgreSQL and the other way round.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, rename, rm, stat, symlink, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, Migrator, sql } from 'kysely';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import * as tar from 'tar';
import { z } from 'zod';
import type { Db, Dialect } from './db.js';
import { refreshPlannerStatistics } from './db.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export const BACKUP_FORMAT = 'newsdesk-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Rows read per query while dumping: memory stays flat whatever the table's size. */
const PAGE_ROWS = 5_000;
/** Rows per INSERT, and bound parameters per INSERT (SQLite allows 32,766, PostgreSQL 65,535). */
const INSERT_ROWS = 500;
const INSERT_PARAMETERS = 20_000;

/** A refusal or failure with a message for the operator (one line, no stack). */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface ProgressReporter {
  advance(by?: number): void;
  done(): void;
}
/** src/seed/progress.ts fits: a bar on a terminal, plain lines elsewhere. */
export type ProgressFactory = (label: string, total: number) => ProgressReporter;
const noProgress: ProgressFactory = () => ({ advance: () => undefined, done: () => undefined });

// ---------------------------------------------------------------------------------------
// The catalog: which tables, their columns, keys and order.

type ColumnKind = 'integer' | 'number' | 'boolean' | 'json' | 'bytes' | 'text';

export interface ColumnInfo {
  name: string;
  /** The declared type, as the database names it. */
  type: string;
  kind: ColumnKind;
  notNull: boolean;
}

export interface ForeignKey {
  columns: string[];
  table: string;
  refColumns: string[];
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** Columns fed by a sequence (PostgreSQL identity or serial): set past the restored ids. */
  sequenced: string[];
}

export interface Catalog {
  /** Parents before children. */
  tables: TableInfo[];
  /** Search indexes: emptied and rebuilt, never copied. */
  derived: string[];
}

const internalTable = (name: string) => name.startsWith('sqlite_') || name === DEFAULT_MIGRATION_TABLE || name === DEFAULT_MIGRATION_LOCK_TABLE;

export async function readCatalog(k: Executor, dialect: Dialect): Promise<Catalog> {
  const raw = dialect === 'sqlite' ? await sqliteCatalog(k) : await postgresCatalog(k);
  return { tables: orderByForeignKeys(raw.tables), derived: raw.derived };
}

function sqliteKind(declared: string): ColumnKind {
  const t = declared.toLowerCase();
  if (t.includes('int')) return 'integer';
  if (t.includes('char') || t.includes('clob') || t.includes('text')) return 'text';
  if (t.includes('blob') || t === '') return 'bytes';
  if (t.includes('bool')) return 'boolean';
  if (t.includes('json')) return 'json';
  return 'number';
}

function postgresKind(dataType: string): ColumnKind {
  switch (dataType) {
    case 'smallint':
    case 'integer':
    case 'bigint':
      return 'integer';
    case 'real':
    case 'double precision':
    case 'numeric':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'json':
    case 'jsonb':
      return 'json';
    case 'bytea':
      return 'bytes';
    default:
      return 'text';
  }
}

async function sqliteCatalog(k: Executor): Promise<Catalog> {
  const kinds = await sql<{ name: string; type: string }>`select name, type from pragma_table_list where schema = 'main'`.execute(k);
  const kindOf = new Map(kinds.rows.map((r) => [r.name, r.type]));
  // Creation order, so tables without foreign keys between them keep the schema's order.
  const created = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by rowid`.execute(k);
  const tables: TableInfo[] = [];
  const derived: string[] = [];
  for (const { name } of created.rows) {
    if (internalTable(name)) continue;
    const kind = kindOf.get(name);
    if (kind === 'virtual') derived.push(name);
    // Shadow tables belong to a virtual table and go with it.
    if (kind !== 'table') continue;
    // table_info leaves out hidden and generated columns, which are never written.
    const columns = await sql<{ name: string; type: string; notnull: number; pk: number }>`select name, type, "notnull", pk from pragma_table_info(${name})`.execute(k);
    const fks = await sql<{ id: number; seq: number; table: string; from: string; to: string | null }>`select id, seq, "table", "from", "to" from pragma_foreign_key_list(${name}) order by id, seq`.execute(k);
    const byId = new Map<number, { table: string; from: string[]; to: (string | null)[] }>();
    for (const fk of fks.rows) {
      const entry = byId.get(fk.id) ?? { table: fk.table, from: [], to: [] };
      entry.from.push(fk.from);
      entry.to.push(fk.to);
      byId.set(fk.id, entry);
    }
    tables.push({
      name,
      columns: columns.rows.map((c) => ({ name: c.name, type: c.type, kind: sqliteKind(c.type), notNull: c.notnull === 1 || c.pk > 0 })),
      primaryKey: columns.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      // A reference without columns names the parent's primary key: resolved below.
      foreignKeys: [...byId.values()].map((fk) => ({ columns: fk.from, table: fk.table, refColumns: fk.to.map((c) => c ?? '') })),
      sequenced: [],
    });
  }
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const t of tables) {
    for (const fk of t.foreignKeys) if (fk.refColumns.some((c) => c === '')) fk.refColumns = byName.get(fk.table)?.primaryKey ?? fk.refColumns;
  }
  return { tables, derived };
}

async function postgresCatalog(k: Executor): Promise<Catalog> {
  const names = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and not c.relispartition order by c.oid`.execute(k);
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; is_identity: string; column_default: string | null; is_generated: string }>`
    select table_name, column_name, data_type, udt_name, is_nullable, is_identity, column_default, is_generated
    from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(k);
  const keys = await sql<{ id: string; kind: string; table: string; ref: string | null; col: string; ref_col: string | null; position: number }>`
    select c.oid::text as id, c.contype::text as kind, cl.relname as table, rf.relname as ref, a.attname::text as col, ra.attname::text as ref_col, k.i::int as position
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    cross join lateral unnest(c.conkey, coalesce(c.confkey, c.conkey)) with ordinality as k(attnum, refnum, i)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    left join pg_class rf on rf.oid = c.confrelid
    left join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = k.refnum
    where c.contype in ('p', 'f') and n.nspname = current_schema()
    order by c.oid, k.i`.execute(k);

  const tables: TableInfo[] = [];
  const derived: string[] = [];
  for (const { name } of names.rows) {
    if (internalTable(name)) continue;
    const cols = columns.rows.filter((c) => c.table_name === name);
    // A full-text index is derived from the stories: rebuilt after a restore, never copied.
    if (cols.some((c) => c.udt_name === 'tsvector')) {
      derived.push(name);
      continue;
    }
    const own = keys.rows.filter((r) => r.table === name);
    const foreign = new Map<string, ForeignKey>();
    for (const r of own.filter((x) => x.kind === 'f')) {
      const fk = foreign.get(r.id) ?? { columns: [], table: r.ref ?? '', refColumns: [] };
      fk.columns.push(r.col);
      fk.refColumns.push(r.ref_col ?? '');
      foreign.set(r.id, fk);
    }
    const written = cols.filter((c) => c.is_generated !== 'ALWAYS');
    tables.push({
      name,
      columns: written.map((c) => ({ name: c.column_name, type: c.data_type, kind: postgresKind(c.data_type), notNull: c.is_nullable === 'NO' })),
      primaryKey: own.filter((x) => x.kind === 'p').map((x) => x.col),
      foreignKeys: [...foreign.values()],
      sequenced: written.filter((c) => c.is_identity === 'YES' || (c.column_default ?? '').startsWith('nextval(')).map((c) => c.column_name),
    });
  }
  return { tables, derived };
}

/**
 * Parents before children (Kahn's order, ties kept in creation order). A table's references
 * to itself are left to the rows' order; a cycle between tables, which this schema does not
 * have, is broken at its earliest table and its forward references set after the load.
 */
export function orderByForeignKeys(tables: TableInfo[]): TableInfo[] {
  const names = new Set(tables.map((t) => t.name));
  const placed = new Set<string>();
  const remaining = [...tables];
  const ordered: TableInfo[] = [];
  while (remaining.length > 0) {
    const ready = remaining.findIndex((t) => t.foreignKeys.every((fk) => fk.table === t.name || placed.has(fk.table) || !names.has(fk.table)));
    const [next] = remaining.splice(Math.max(0, ready), 1);
    if (!next) break;
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

// ---------------------------------------------------------------------------------------
// The manifest.

const safeName = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const mediaPath = z.string().refine((p) => p.startsWith('media/') && p.split('/').slice(1).every((s) => safeName.test(s) && s !== '.' && s !== '..'), 'a path under media/');

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string().nullable() }),
  dialect: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string().regex(safeName),
      file: z.string().regex(/^db\/[A-Za-z0-9_.-]+\.jsonl$/),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[a-f0-9]{64}$/),
      primaryKey: z.array(z.string()),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
    }),
  ),
  derived: z.array(z.string()),
  media: z.object({
    files: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    entries: z.array(z.object({ path: mediaPath, bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[a-f0-9]{64}$/) })),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** The manifest as people read it (`tar -xzOf FILE manifest.json`): one line per table and per media file. */
function formatManifest(m: Manifest): string {
  const list = (items: readonly unknown[], indent: string) => (items.length === 0 ? '[]' : `[\n${items.map((i) => `${indent}  ${JSON.stringify(i)}`).join(',\n')}\n${indent}]`);
  const { tables, media, ...head } = m;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  lines.push(`  "tables": ${list(tables, '  ')}`);
  lines.push(`  "media": {"files": ${media.files}, "bytes": ${media.bytes}, "entries": ${list(media.entries, '  ')}}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
export type ManifestTable = Manifest['tables'][number];

export const totalRows = (m: Manifest): number => m.tables.reduce((sum, t) => sum + t.rows, 0);

// ---------------------------------------------------------------------------------------
// Values: what a row holds, as JSON, and back.

type Json = string | number | boolean | null | { $base64: string };

/** A database value as JSON: bytes as {"$base64"}, dates as ISO strings, parsed JSON as its text. */
function encodeValue(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return { $base64: Buffer.from(v).toString('base64') };
  return JSON.stringify(v);
}

/** A JSON value as the target column wants it: flags are 0/1 integers here, booleans only in a PostgreSQL boolean column. */
function decodeValue(v: unknown, kind: ColumnKind, dialect: Dialect): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') {
    if ('$base64' in v && typeof v.$base64 === 'string') return Buffer.from(v.$base64, 'base64');
    return JSON.stringify(v);
  }
  if (dialect === 'postgres' && kind === 'boolean') {
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return ['1', 't', 'true', 'y', 'yes', 'on'].includes(v.toLowerCase());
    return v;
  }
  if (typeof v === 'boolean') return kind === 'text' || kind === 'json' ? String(v) : v ? 1 : 0;
  if (typeof v === 'number' && (kind === 'text' || kind === 'json') && dialect === 'postgres') return String(v);
  return v;
}

// ---------------------------------------------------------------------------------------
// Backup.

export interface BackupOptions {
  file: string;
  /** DATA_DIR/media: the originals. DATA_DIR/media-cache holds renditions and is not copied. */
  mediaDir: string;
  appVersion?: string | null;
  progress?: ProgressFactory;
  now?: () => Date;
}

export interface BackupReport {
  file: string;
  /** Size of the archive. */
  bytes: number;
  manifest: Manifest;
}

export function defaultBackupName(now: Date): string {
  return `newsdesk-backup-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.tar.gz`;
}

const exists = (path: string) => lstat(path).then(() => true, () => false);

async function appliedMigrations(k: Executor, dialect: Dialect): Promise<string[]> {
  const present =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = ${DEFAULT_MIGRATION_TABLE}`.execute(k)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name = ${DEFAULT_MIGRATION_TABLE}`.execute(k);
  if (present.rows.length === 0) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} order by name`.execute(k);
  return rows.rows.map((r) => r.name);
}

function pageQuery(t: TableInfo, after: unknown[] | undefined, offset: number): RawBuilder<Record<string, unknown>> {
  const columns = sql.join(t.columns.map((c) => sql.id(c.name)));
  const key = t.primaryKey.length > 0 ? t.primaryKey : t.columns.map((c) => c.name);
  const order = sql.join(key.map((c) => sql.id(c)));
  if (t.primaryKey.length === 0) {
    // No key to page by: offsets, stable inside the snapshot.
    return sql<Record<string, unknown>>`select ${columns} from ${sql.table(t.name)} order by ${order} limit ${PAGE_ROWS} offset ${offset}`;
  }
  const where = !after ? sql`1 = 1` : key.length === 1 ? sql`${sql.id(key[0] ?? '')} > ${after[0]}` : sql`(${order}) > (${sql.join(after)})`;
  return sql<Record<string, unknown>>`select ${columns} from ${sql.table(t.name)} where ${where} order by ${order} limit ${PAGE_ROWS}`;
}

async function dumpTable(k: Executor, t: TableInfo, path: string, onRows: (n: number) => void): Promise<{ rows: number; bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const file = await open(path, 'wx');
  let rows = 0;
  let bytes = 0;
  try {
    let after: unknown[] | undefined;
    for (;;) {
      const page = (await pageQuery(t, after, rows).execute(k)).rows;
      if (page.length === 0) break;
      let text = '';
      for (const row of page) {
        const out: Record<string, Json> = {};
        for (const c of t.columns) out[c.name] = encodeValue(row[c.name]);
        text += `${JSON.stringify(out)}\n`;
      }
      const chunk = Buffer.from(text, 'utf8');
      hash.update(chunk);
      bytes += chunk.length;
      await file.write(chunk);
      rows += page.length;
      onRows(page.length);
      const last = page[page.length - 1];
      after = t.primaryKey.map((c) => last?.[c]);
      if (page.length < PAGE_ROWS) break;
    }
    await file.sync();
  } finally {
    await file.close();
  }
  return { rows, bytes, sha256: hash.digest('hex') };
}

interface MediaFile {
  /** Relative to the media folder, '/'-separated. */
  rel: string;
  abs: string;
}

/** Every original under the media folder; files being written (*.tmp) are not originals yet. */
async function listMedia(dir: string): Promise<MediaFile[]> {
  const found: MediaFile[] = [];
  const walk = async (at: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && at === dir) return;
      throw err;
    }
    for (const e of entries) {
      const abs = join(at, e.name);
      if (e.isDirectory()) await walk(abs);
      else if (e.isFile() && !e.name.endsWith('.tmp') && safeName.test(e.name)) found.push({ rel: relative(dir, abs).split(sep).join('/'), abs });
    }
  };
  await walk(dir);
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Writes the site to one archive. The database is read in one snapshot (a REPEATABLE READ,
 * read-only transaction on PostgreSQL; one read transaction on SQLite), then the media
 * folder: originals are content-addressed and never deleted, so every file a snapshot row
 * names is there when the folder is read.
 */
export async function createBackup(db: Db, options: BackupOptions): Promise<BackupReport> {
  const file = resolve(options.file);
  const progress = options.progress ?? noProgress;
  if (await exists(file)) throw new BackupError(`${options.file} already exists: choose another name or remove it first.`);
  await mkdir(dirname(file), { recursive: true });
  // Staged next to the archive (the same disk, not a small /tmp), removed whatever happens.
  const staging = await mkdtemp(join(dirname(file), '.newsdesk-backup-'));
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await mkdir(join(staging, 'db'));
    const begin = db.dialect === 'postgres' ? db.kysely.transaction().setIsolationLevel('repeatable read').setAccessMode('read only') : db.kysely.transaction();
    const { tables, derived, migrationNames } = await begin.execute(async (trx) => {
      const catalog = await readCatalog(trx, db.dialect);
      if (catalog.tables.length === 0) throw new BackupError('the database has no tables: is DATABASE_URL the site\'s database?');
      const migrationNames = await appliedMigrations(trx, db.dialect);
      const counts: number[] = [];
      for (const t of catalog.tables) {
        const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t.name)}`.execute(trx);
        counts.push(Number(r.rows[0]?.n ?? 0));
      }
      const bar = progress('Database rows', counts.reduce((a, b) => a + b, 0));
      const width = String(catalog.tables.length).length;
      const tables: ManifestTable[] = [];
      for (const [i, t] of catalog.tables.entries()) {
        const name = `db/${String(i + 1).padStart(width, '0')}-${t.name}.jsonl`;
        const dumped = await dumpTable(trx, t, join(staging, name), (n) => bar.advance(n));
        tables.push({ name: t.name, file: name, ...dumped, primaryKey: t.primaryKey, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) });
      }
      bar.done();
      return { tables, derived: catalog.derived, migrationNames };
    });

    const media = await listMedia(options.mediaDir);
    const mediaBar = progress('Media checksums', media.length);
    const entries: Manifest['media']['entries'] = [];
    for (const m of media) {
      entries.push({ path: `media/${m.rel}`, ...(await hashFile(m.abs)) });
      mediaBar.advance();
    }
    mediaBar.done();

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      app: { name: 'newsdesk', version: options.appVersion ?? null },
      dialect: db.dialect,
      migrations: migrationNames,
      tables,
      derived,
      media: { files: entries.length, bytes: entries.reduce((s, e) => s + e.bytes, 0), entries },
    };
    const handle = await open(join(staging, 'manifest.json'), 'wx');
    try {
      await handle.writeFile(formatManifest(manifest));
    } finally {
      await handle.close();
    }
    // The media folder joins the staging folder by a link, so the archive's paths are media/...
    if (entries.length > 0) await symlink(resolve(options.mediaDir), join(staging, 'media'), 'junction');
    const parts = ['manifest.json', ...tables.map((t) => t.file), ...entries.map((e) => e.path)];
    const packBar = progress('Writing archive (files)', parts.length);
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true, strict: true, onWriteEntry: () => packBar.advance() }, parts);
    packBar.done();
    const written = await open(partial, 'r');
    try {
      await written.sync();
    } finally {
      await written.close();
    }
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

// ---------------------------------------------------------------------------------------
// Reading an archive.

/**
 * Streams the archive's entries through `onEntry`, one at a time, with backpressure: the
 * file is read no faster than the entries are consumed (a database insert, a disk write).
 */
async function readArchive(file: string, wanted: (path: string) => boolean, onEntry: (entry: tar.ReadEntry) => Promise<void>, onBytes?: (n: number) => void): Promise<void> {
  const parser = new tar.Parser({ strict: true, filter: (path: string) => wanted(path) });
  let failure: { error: unknown } | undefined;
  let current: tar.ReadEntry | undefined;
  let chain: Promise<void> = Promise.resolve();
  parser.on('entry', (entry: tar.ReadEntry) => {
    chain = chain.then(async () => {
      if (failure) {
        entry.resume();
        return;
      }
      current = entry;
      try {
        await onEntry(entry);
      } catch (error) {
        failure ??= { error };
        entry.resume();
      }
    });
  });
  const ended = new Promise<void>((resolveEnd, rejectEnd) => {
    parser.on('end', () => resolveEnd());
    parser.on('error', (error: Error) => {
      failure ??= { error: damaged(error) };
      // The entry being read will get no more data: end its reader so the chain settles.
      current?.destroy(error);
      rejectEnd(error);
    });
  });
  ended.catch(() => undefined);
  const input = createReadStream(file);
  try {
    for await (const chunk of input) {
      if (failure) break;
      const b = chunk as Buffer;
      onBytes?.(b.length);
      if (!parser.write(b)) await Promise.race([once(parser, 'drain'), ended]).catch(() => undefined);
    }
    if (!failure) {
      parser.end();
      await ended.catch(() => undefined);
    }
  } catch (error) {
    failure ??= { error };
  } finally {
    input.destroy();
  }
  await chain;
  if (failure) throw failure.error;
}

function damaged(error: Error): BackupError {
  const reason = error.message.replace(/^TAR_[A-Z_]+: /, '');
  return new BackupError(`the archive is damaged or not a Newsdesk backup (${reason}).`);
}

export interface VerifiedBackup {
  file: string;
  /** Size of the archive. */
  bytes: number;
  manifest: Manifest;
}

/** Reads the whole archive and checks every part against the manifest; writes nothing. */
export async function verifyBackup(path: string, options: { progress?: ProgressFactory } = {}): Promise<VerifiedBackup> {
  const file = resolve(path);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new BackupError(`${path}: no such file.`);
  }
  // Progress in kB, or MB for a large archive.
  const unit = size >= 100 * 1024 ** 2 ? 1024 ** 2 : 1024;
  const bar = (options.progress ?? noProgress)(`Checking archive (${unit === 1024 ? 'kB' : 'MB'})`, Math.ceil(size / unit));
  let read = 0;
  const seen = new Map<string, { sha256: string; bytes: number }>();
  let manifestText: string | undefined;
  await readArchive(
    file,
    () => true,
    async (entry) => {
      if (entry.type === 'Directory') {
        entry.resume();
        return;
      }
      if (entry.type !== 'File' && entry.type !== 'OldFile') throw new BackupError(`the archive holds an unexpected ${entry.type} entry (${entry.path}): not a Newsdesk backup.`);
      if (seen.has(entry.path)) throw new BackupError(`the archive holds ${entry.path} twice: not a Newsdesk backup.`);
      const isManifest = entry.path === 'manifest.json';
      const hash = createHash('sha256');
      const parts: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of entry) {
        const b = chunk;
        hash.update(b);
        bytes += b.length;
        if (isManifest) {
          if (bytes > 512 * 1024 * 1024) throw new BackupError('manifest.json is too large: not a Newsdesk backup.');
          parts.push(b);
        }
      }
      if (isManifest) manifestText = Buffer.concat(parts).toString('utf8');
      seen.set(entry.path, { sha256: hash.digest('hex'), bytes });
    },
    (n) => {
      const before = Math.floor(read / unit);
      read += n;
      bar.advance(Math.floor(read / unit) - before);
    },
  );
  bar.done();
  if (manifestText === undefined) throw new BackupError('the archive has no manifest.json: not a Newsdesk backup.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText);
  } catch {
    throw new BackupError('manifest.json is not valid JSON: the archive is damaged.');
  }
  const head = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number() }).safeParse(parsed);
  if (!head.success) throw new BackupError('the archive is not a Newsdesk backup (its manifest names another format).');
  if (head.data.version !== BACKUP_FORMAT_VERSION) throw new BackupError(`the backup is in format version ${head.data.version}; this Newsdesk reads version ${BACKUP_FORMAT_VERSION}: upgrade Newsdesk first.`);
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new BackupError(`manifest.json is malformed (${result.error.issues[0]?.path.join('.') ?? ''}: ${result.error.issues[0]?.message ?? ''}).`);
  const manifest = result.data;

  const expected = new Map<string, { sha256: string; bytes: number }>();
  for (const t of manifest.tables) expected.set(t.file, t);
  for (const m of manifest.media.entries) expected.set(m.path, m);
  for (const [part, want] of expected) {
    const got = seen.get(part);
    if (!got) throw new BackupError(`the archive is incomplete: ${part} is missing.`);
    if (got.bytes !== want.bytes || got.sha256 !== want.sha256) throw new BackupError(`the archive is damaged: ${part} does not match its checksum.`);
  }
  for (const part of seen.keys()) if (part !== 'manifest.json' && !expected.has(part)) throw new BackupError(`the archive holds ${part}, which its manifest does not list.`);
  if (manifest.media.files !== manifest.media.entries.length) throw new BackupError('manifest.json is inconsistent (media count).');
  return { file, bytes: size, manifest };
}

// ---------------------------------------------------------------------------------------
// Restore.

export interface RestoreOptions {
  /** DATA_DIR/media. */
  mediaDir: string;
  /** Replace a database that already holds content. */
  force?: boolean;
  progress?: ProgressFactory;
}

export interface RestoreReport {
  tables: number;
  rows: number;
  /** Migrations applied to bring the database to the backup's level before loading. */
  migrated: string[];
  mediaFiles: number;
  mediaBytes: number;
  /** Media files already present with the same bytes (not written again). */
  mediaKept: number;
  /** Tables emptied first (with force). */
  replaced: boolean;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function rowCounts(k: Executor, tables: readonly TableInfo[]): Promise<{ table: string; rows: number }[]> {
  const counts: { table: string; rows: number }[] = [];
  for (const t of tables) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t.name)}`.execute(k);
    const rows = Number(r.rows[0]?.n ?? 0);
    if (rows > 0) counts.push({ table: t.name, rows });
  }
  return counts;
}

function refuseContent(counts: { table: string; rows: number }[]): never {
  const shown = counts.slice(0, 4).map((c) => `${c.table}: ${c.rows.toLocaleString('en-US')}`).join(', ');
  throw new BackupError(`the database already holds content (${shown}${counts.length > 4 ? ', ...' : ''}): restore with --force to replace it, or use an empty database.`);
}

/** Checks that this Newsdesk knows the backup's schema and that the database is not ahead of it. */
function checkMigrations(manifest: Manifest, applied: string[]): void {
  const known = Object.keys(migrations);
  const unknown = manifest.migrations.find((m) => !known.includes(m));
  if (unknown) throw new BackupError(`the backup was made by a newer Newsdesk (migration ${unknown} is unknown here): upgrade Newsdesk first.`);
  if (manifest.migrations.some((m, i) => known[i] !== m)) throw new BackupError('the backup\'s migrations are not in this Newsdesk\'s order: it cannot be restored by this version.');
  const unknownHere = applied.find((m) => !known.includes(m));
  if (unknownHere) throw new BackupError(`the database was migrated by a newer Newsdesk (${unknownHere}): use an empty database.`);
  if (applied.length > manifest.migrations.length) {
    throw new BackupError(`the database's schema (${applied[applied.length - 1] ?? ''}) is newer than the backup's (${manifest.migrations[manifest.migrations.length - 1] ?? 'none'}): restore into a new, empty database; it is brought up to date after loading.`);
  }
}

interface Deferred {
  table: string;
  key: [string, unknown][];
  column: string;
  value: unknown;
}

/**
 * Loads a verified backup into `db` and `mediaDir`: migrations up to the backup's level,
 * then every row in one transaction (all or nothing: a failure leaves the database as it
 * was), PostgreSQL sequences set past the restored ids, and then the media files (each
 * written to a temporary name and renamed). The search index is left to the caller
 * (services/backup.ts), as are migrations past the backup's level.
 */
export async function restoreBackup(db: Db, backup: VerifiedBackup, options: RestoreOptions): Promise<RestoreReport> {
  const { manifest } = backup;
  const progress = options.progress ?? noProgress;
  const k = db.kysely;

  checkMigrations(manifest, await appliedMigrations(k, db.dialect));
  // Refuse before touching anything, migrations included.
  const before = await readCatalog(k, db.dialect);
  if (!options.force) {
    const counts = await rowCounts(k, before.tables);
    if (counts.length > 0) refuseContent(counts);
  }

  const migrated: string[] = [];
  const last = manifest.migrations[manifest.migrations.length - 1];
  if (last !== undefined) {
    const migrator = new Migrator({ db: k, provider: { getMigrations: () => Promise.resolve(migrations) } });
    const { error, results } = await migrator.migrateTo(last);
    if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
    migrated.push(...(results ?? []).filter((r) => r.status === 'Success' && r.direction === 'Up').map((r) => r.migrationName));
  }

  const catalog = await readCatalog(k, db.dialect);
  const target = new Map(catalog.tables.map((t) => [t.name, t]));
  for (const t of manifest.tables) {
    const here = target.get(t.name);
    if (!here) throw new BackupError(`the backup has a table "${t.name}" that this database does not have.`);
    const missing = t.columns.find((c) => !here.columns.some((h) => h.name === c.name));
    if (missing) throw new BackupError(`the backup's table "${t.name}" has a column "${missing.name}" that this database does not have.`);
  }

  const rowsTotal = totalRows(manifest);
  let replaced = false;
  await k.transaction().execute(async (trx) => {
    const counts = await rowCounts(trx, catalog.tables);
    if (counts.length > 0) {
      if (!options.force) refuseContent(counts);
      await emptyTables(trx, db.dialect, catalog);
      replaced = true;
    }

    const bar = progress('Database rows', rowsTotal);
    const loaded = new Set<string>();
    const deferred: Deferred[] = [];
    let next = 0;
    await readArchive(
      backup.file,
      (path) => path.startsWith('db/'),
      async (entry) => {
        const spec = manifest.tables[next++];
        if (!spec || spec.file !== entry.path) throw new BackupError(`the archive changed since it was checked (${entry.path} out of order).`);
        const table = target.get(spec.name);
        if (!table) throw new BackupError(`no table ${spec.name}`);
        const rows = await loadTable(trx, db.dialect, table, spec, entry, loaded, deferred, (n) => bar.advance(n));
        if (rows.rows !== spec.rows || rows.sha256 !== spec.sha256) throw new BackupError(`the archive changed since it was checked (${spec.file}).`);
        loaded.add(spec.name);
      },
    );
    if (next !== manifest.tables.length) throw new BackupError('the archive changed since it was checked (tables missing).');
    for (const d of deferred) {
      const where = sql.join(d.key.map(([c, v]) => sql`${sql.id(c)} = ${v}`), sql` and `);
      await sql`update ${sql.table(d.table)} set ${sql.id(d.column)} = ${d.value} where ${where}`.execute(trx);
    }
    if (db.dialect === 'postgres') {
      // New rows must not collide with restored ids.
      for (const t of catalog.tables) {
        for (const c of t.sequenced) {
          await sql`select setval(pg_get_serial_sequence(${quoteIdent(t.name)}, ${c}), coalesce((select max(${sql.id(c)}) from ${sql.table(t.name)}), 0) + 1, false)`.execute(trx);
        }
      }
    }
    bar.done();
  });
  await refreshPlannerStatistics(db);

  let media: { kept: number };
  try {
    media = await restoreMedia(backup, options.mediaDir, progress);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new BackupError(`the database was restored, but writing the media files failed (${reason}): fix that, then run the restore again with --force.`);
  }
  return { tables: manifest.tables.length, rows: rowsTotal, migrated, mediaFiles: manifest.media.files, mediaBytes: manifest.media.bytes, mediaKept: media.kept, replaced };
}

/** Empties every table, children first (and the search index), inside the restore's transaction. */
async function emptyTables(trx: Executor, dialect: Dialect, catalog: Catalog): Promise<void> {
  if (dialect === 'postgres') {
    const all = [...catalog.tables.map((t) => t.name), ...catalog.derived];
    if (all.length > 0) await sql`truncate table ${sql.join(all.map((n) => sql.table(n)))}`.execute(trx);
    return;
  }
  // ON DELETE RESTRICT is checked row by row, so references within a table (a section's
  // parent) or back along a cycle are cleared before the rows go.
  const position = new Map(catalog.tables.map((t, i) => [t.name, i]));
  for (const [i, t] of catalog.tables.entries()) {
    for (const fk of t.foreignKeys) {
      if ((position.get(fk.table) ?? -1) < i) continue;
      const nullable = fk.columns.filter((c) => !t.columns.find((x) => x.name === c)?.notNull);
      for (const c of nullable) await sql`update ${sql.table(t.name)} set ${sql.id(c)} = null where ${sql.id(c)} is not null`.execute(trx);
    }
  }
  for (const t of [...catalog.tables].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
  for (const name of catalog.derived) await sql`delete from ${sql.table(name)}`.execute(trx);
}

async function loadTable(
  trx: Executor,
  dialect: Dialect,
  table: TableInfo,
  spec: ManifestTable,
  entry: tar.ReadEntry,
  loaded: ReadonlySet<string>,
  deferred: Deferred[],
  onRows: (n: number) => void,
): Promise<{ rows: number; sha256: string }> {
  const columns = spec.columns.map((c) => c.name);
  const kinds = columns.map((c) => table.columns.find((x) => x.name === c)?.kind ?? 'text');
  const known = new Set(columns);
  const pk = table.primaryKey;
  // References to rows not loaded yet: a table's own later rows (by key order), or a table
  // later in a cycle. They are written as NULL, then set once every row is in.
  const forward: { column: string; index: number; self: boolean }[] = [];
  for (const fk of table.foreignKeys) {
    const [column] = fk.columns;
    if (fk.columns.length !== 1 || column === undefined || loaded.has(fk.table) || pk.length === 0) continue;
    const index = columns.indexOf(column);
    const info = table.columns.find((c) => c.name === column);
    if (index < 0 || !info || info.notNull) continue;
    forward.push({ column, index, self: fk.table === table.name && pk.length === 1 && fk.refColumns[0] === pk[0] });
  }
  const pkIndex = pk.map((c) => columns.indexOf(c));
  const overriding = dialect === 'postgres' && table.sequenced.length > 0 ? sql` overriding system value` : sql``;
  const perInsert = Math.max(1, Math.min(INSERT_ROWS, Math.floor(INSERT_PARAMETERS / Math.max(1, columns.length))));
  const head = sql`insert into ${sql.table(table.name)} (${sql.join(columns.map((c) => sql.id(c)))})${overriding} values `;

  let batch: unknown[][] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch;
    batch = [];
    try {
      await sql`${head}${sql.join(values.map((r) => sql`(${sql.join(r)})`))}`.execute(trx);
    } catch (err) {
      throw new BackupError(`restoring table ${table.name} failed (${err instanceof Error ? err.message : String(err)}); nothing was restored.`);
    }
    onRows(values.length);
  };

  const hash: Hash = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const addLine = (line: string) => {
    if (line === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new BackupError(`${spec.file} line ${rows + 1} is not valid JSON.`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BackupError(`${spec.file} line ${rows + 1} is not a row.`);
    const record = parsed as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!known.has(key)) throw new BackupError(`${spec.file} line ${rows + 1} has a column "${key}" its manifest does not list.`);
    const values = columns.map((c, i) => decodeValue(record[c], kinds[i] ?? 'text', dialect));
    for (const f of forward) {
      const v = values[f.index];
      if (v === null || v === undefined) continue;
      const own = values[pkIndex[0] ?? -1];
      if (f.self && typeof v === 'number' && typeof own === 'number' && v <= own) continue;
      deferred.push({ table: table.name, key: pk.map((c, i) => [c, values[pkIndex[i] ?? -1]]), column: f.column, value: v });
      values[f.index] = null;
    }
    batch.push(values);
    rows++;
  };

  for await (const chunk of entry) {
    const b = chunk;
    hash.update(b);
    const lines = (pending + decoder.write(b)).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      addLine(line);
      if (batch.length >= perInsert) await flush();
    }
  }
  pending += decoder.end();
  addLine(pending);
  await flush();
  return { rows, sha256: hash.digest('hex') };
}

/** Writes the media originals: each to a temporary name, checked, then renamed into place. */
async function restoreMedia(backup: VerifiedBackup, mediaDir: string, progress: ProgressFactory): Promise<{ kept: number }> {
  const { manifest } = backup;
  if (manifest.media.entries.length === 0) return { kept: 0 };
  const root = resolve(mediaDir);
  const expected = new Map(manifest.media.entries.map((e) => [e.path, e]));
  const bar = progress('Media files', manifest.media.entries.length);
  let kept = 0;
  await readArchive(
    backup.file,
    (path) => path.startsWith('media/'),
    async (entry) => {
      const want = expected.get(entry.path);
      if (!want) throw new BackupError(`the archive changed since it was checked (${entry.path}).`);
      const path = resolve(root, ...entry.path.slice('media/'.length).split('/'));
      if (!path.startsWith(root + sep)) throw new BackupError(`${entry.path} points outside the media folder.`);
      const present = await hashFile(path).catch(() => undefined);
      if (present && present.sha256 === want.sha256) {
        entry.resume();
        await once(entry, 'end').catch(() => undefined);
        kept++;
        bar.advance();
        return;
      }
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      const hash = createHash('sha256');
      const out = await open(tmp, 'wx');
      try {
        for await (const chunk of entry) {
          const b = chunk;
          hash.update(b);
          await out.write(b);
        }
        await out.sync();
      } catch (err) {
        await out.close();
        await unlink(tmp).catch(() => undefined);
        throw err;
      }
      await out.close();
      if (hash.digest('hex') !== want.sha256) {
        await unlink(tmp).catch(() => undefined);
        throw new BackupError(`the archive changed since it was checked (${entry.path}).`);
      }
      await rename(tmp, path);
      bar.advance();
    },
  );
  bar.done();
  return { kept };
}
