/**
 * Backup and restore (issue 7): the demo newsroom, plus a reader, a comment and a section
 * whose parent is newer than itself, goes into one archive and comes back, on the same
 * database and on the other one, row for row and byte for byte.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { ContentEvents } from '../../src/core/events.js';
import { LocalDiskMediaStore } from '../../src/media/store.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { BackupError, backupSite, checkBackup, restoreSite } from '../../src/services/backup.js';
import type { Manifest } from '../../src/services/backup.js';
import { SearchService } from '../../src/services/search.js';
import { readCatalog } from '../../src/storage/backup.js';
import type { Db, Dialect } from '../../src/storage/db.js';
import { openDatabase } from '../../src/storage/db.js';
import { storiesShowingFigure } from '../../src/storage/repositories/figure-media.js';
import { NewsroomLists } from '../../src/storage/repositories/newsroom-lists.js';
import { cli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';

const SEED_STORY = 'un-mission-urges-armed-groups';

const mediaDirOf = (dataDir: string) => join(dataDir, 'media');

/** Every table the catalog knows (search indexes aside), its rows in key order, as JSON. */
async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const { tables } = await readCatalog(db.kysely, db.dialect);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const order = (t.primaryKey.length > 0 ? t.primaryKey : t.columns.map((c) => c.name)).map((c) => sql.id(c));
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} order by ${sql.join(order)}`.execute(db.kysely);
    out[t.name] = rows.rows.map((r) => Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k] ?? null])));
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown[]>;
}

/** Relative path -> bytes, for every file under a folder. */
async function files(dir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (!existsSync(dir)) return found;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = join(entry.parentPath, entry.name);
    found.set(relative(dir, abs), await readFile(abs));
  }
  return found;
}

async function countAll(db: Db): Promise<number> {
  let n = 0;
  for (const rows of Object.values(await snapshot(db))) n += rows.length;
  return n;
}

/** The seed story's page as the restored site serves it: status and headline. */
async function storyHeadline(tdb: TestDatabase): Promise<{ status: number; headline: string | undefined }> {
  const k = tdb.db.kysely;
  const story = await k.selectFrom('articles').select(['slug', 'section_id']).where('slug', 'like', `${SEED_STORY}%`).where('language', '=', 'en').executeTakeFirstOrThrow();
  const sections = await k.selectFrom('sections').select(['id', 'parent_id', 'slug']).execute();
  const path: string[] = [];
  for (let s = sections.find((x) => x.id === story.section_id); s; s = sections.find((x) => x.id === s?.parent_id)) path.unshift(s.slug);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url, PUBLIC_URL: 'https://news.example.test' });
  const app = await createApp(config, { db: tdb.db });
  try {
    const res = await app.server.inject({ method: 'GET', url: `/${path.join('/')}/${story.slug}` });
    return { status: res.statusCode, headline: /<h1 id="headline">([^<]*)<\/h1>/.exec(res.body)?.[1] };
  } finally {
    await app.close();
  }
}

const decodeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');

/** The demo newsroom with a few awkward extras, as a newsroom would have it after a while. */
/** The newsroom list's stories holding `text` in a headline or standfirst, by id. */
async function newsroomSubstringIds(tdb: TestDatabase, text: string): Promise<number[]> {
  const { rows } = await new NewsroomLists(tdb.db.kysely, tdb.db.dialect).list({ text, limit: 50, offset: 0 });
  return rows.map((r) => r.id).sort((x, y) => x - y);
}

/** Every image shown inside a story's body, with the stories showing it. */
async function figureUsage(tdb: TestDatabase): Promise<Array<[number, number[]]>> {
  const media = await tdb.db.kysely.selectFrom('media').select('id').orderBy('id').execute();
  const usage: Array<[number, number[]]> = [];
  for (const { id } of media) {
    const stories = (await storiesShowingFigure(tdb.db.kysely, tdb.db.dialect, id)).map((r) => r.id);
    if (stories.length) usage.push([id, stories]);
  }
  return usage;
}

async function seedSite(dialect: Dialect): Promise<TestDatabase> {
  const tdb = await createTestDatabase(dialect);
  await seedDemo({ db: tdb.db, media: new LocalDiskMediaStore(mediaDirOf(tdb.dataDir)), events: new ContentEvents() });
  const k = tdb.db.kysely;
  const at = '2026-11-30T10:15:30.123Z';
  const reader = await k
    .insertInto('readers')
    .values({ email: 'zoe.obrien@example.test', display_name: 'Zoë "Z" O\'Brien', name_key: 'zoezobrien', password_hash: null, email_verified_at: at, suspended_until: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const article = await k.selectFrom('articles').select('id').where('slug', 'not like', `${SEED_STORY}%`).orderBy('id').executeTakeFirstOrThrow();
  const comment = await k
    .insertInto('comments')
    .values({
      article_id: article.id,
      parent_id: null,
      root_id: null,
      reader_id: reader.id,
      staff_user_id: null,
      author_name: 'Zoë "Z" O\'Brien',
      guest_email: null,
      body: 'Line one\nLine two: «quoted», 🗞️, a backslash \\ and a tab\t. Ünïcödé.',
      status: 'approved',
      hold_reasons: '["link","first"]',
      score_reasons: '[{"reason":"new reader","points":-1}]',
      text_hash: 'a'.repeat(64),
      ip_hash: 'b'.repeat(64),
      created_at: at,
      edited_at: null,
      moderated_at: null,
      moderated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k.updateTable('comments').set({ root_id: comment.id }).where('id', '=', comment.id).execute();
  // A long rejected thread whose first comment answers its last (a thread moved by hand): the
  // reference points more than one insert batch ahead, so the restore has to set it afterwards.
  const thread = await k
    .insertInto('comments')
    .values(
      Array.from({ length: 600 }, (_, i) => ({
        article_id: article.id,
        parent_id: null,
        root_id: null,
        reader_id: reader.id,
        staff_user_id: null,
        author_name: 'Zoë "Z" O\'Brien',
        guest_email: null,
        body: `Rejected comment ${i}`,
        status: 'rejected',
        text_hash: String(i).padStart(64, '0'),
        created_at: at,
        edited_at: null,
        moderated_at: at,
        moderated_by: null,
      })),
    )
    .returning('id')
    .execute();
  const [first, lastInThread] = [thread[0]?.id ?? 0, thread[thread.length - 1]?.id ?? 0];
  await k.updateTable('comments').set({ parent_id: lastInThread, root_id: lastInThread, depth: 1 }).where('id', '=', first).execute();
  // A section moved under one created after it: its parent's id is higher than its own.
  const section = (slug: string) =>
    k.insertInto('sections').values({ parent_id: null, slug, name: slug, description: '', position: 99, language: 'en', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  const older = await section('backup-older');
  const newer = await section('backup-newer');
  await k.updateTable('sections').set({ parent_id: newer.id }).where('id', '=', older.id).execute();
  // Renditions are rebuilt, never backed up.
  await mkdir(join(tdb.dataDir, 'media-cache', 'ab'), { recursive: true });
  await writeFile(join(tdb.dataDir, 'media-cache', 'ab', 'rendition.webp'), 'not an original');
  return tdb;
}

/**
 * Rewrites an archive with one table file edited; with updateManifest, its manifest entry is
 * made to match (a well-formed archive holding bad data), otherwise left as it was (tampering).
 * `manifest` edits the manifest itself.
 */
async function rewriteArchive(archive: string, out: string, change: { table?: string; edit?: (text: string) => string; updateManifest: boolean; manifest?: (m: Manifest) => void }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bad-'));
  try {
    await tar.extract({ file: archive, cwd: dir });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const spec = manifest.tables.find((t) => t.name === change.table);
    if (spec && change.edit) {
      const text = change.edit(await readFile(join(dir, spec.file), 'utf8'));
      await writeFile(join(dir, spec.file), text);
      if (change.updateManifest) {
        spec.bytes = Buffer.byteLength(text);
        spec.sha256 = createHash('sha256').update(text).digest('hex');
        spec.rows = text.split('\n').filter(Boolean).length;
      }
    }
    change.manifest?.(manifest);
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await tar.create({ gzip: true, file: out, cwd: dir }, ['manifest.json', ...manifest.tables.map((t) => t.file), ...manifest.media.entries.map((e) => e.path)]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.each(DIALECTS)('backup of a site on %s', (source) => {
  let site: TestDatabase;
  let work: string;
  let archive: string;
  let manifest: Manifest;
  let before: Record<string, unknown[]>;
  const dropLater: TestDatabase[] = [];
  const fresh = async (dialect: Dialect) => {
    const tdb = await createTestDatabase(dialect);
    dropLater.push(tdb);
    return tdb;
  };
  const restoreInto = async (tdb: TestDatabase, file: string, force = false) => restoreSite(tdb.db, await checkBackup(file), { mediaDir: mediaDirOf(tdb.dataDir), force });

  beforeAll(async () => {
    site = await seedSite(source);
    work = mkdtempSync(join(tmpdir(), 'newsdesk-backup-test-'));
    archive = join(work, 'site.tar.gz');
    const started = Date.now();
    const report = await backupSite(site.db, { file: archive, mediaDir: mediaDirOf(site.dataDir), appVersion: '0.1.0' });
    process.stderr.write(`[backup test] ${source}: demo site backed up in ${Date.now() - started} ms (${report.bytes} bytes)\n`);
    manifest = report.manifest;
    before = await snapshot(site.db);
  });

  afterAll(async () => {
    for (const tdb of dropLater) await tdb.drop();
    await site?.drop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes one archive: a manifest, every table in foreign-key order, the media originals', async () => {
    expect(manifest).toMatchObject({ format: 'newsdesk-backup', version: 1, dialect: source, app: { name: 'newsdesk', version: '0.1.0' } });
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(site.db.kysely);
    expect(manifest.migrations).toEqual(applied.rows.map((r) => r.name));
    // Every table of the catalog, no migration bookkeeping, no search index.
    const names = manifest.tables.map((t) => t.name);
    expect(new Set(names)).toEqual(new Set(Object.keys(before)));
    expect(names).not.toContain('kysely_migration');
    expect(names.some((n) => n.startsWith('article_fts') || n.startsWith('article_title_trigrams') || n.startsWith('article_figure_media') || n === 'article_search')).toBe(false);
    expect(manifest.derived).toEqual(source === 'sqlite' ? ['article_fts', 'article_title_trigrams', 'article_figure_media'] : ['article_search']);
    for (const t of manifest.tables) expect(t.rows, t.name).toBe(before[t.name]?.length);
    // Parents first.
    const at = (n: string) => names.indexOf(n);
    expect(at('sections')).toBeLessThan(at('articles'));
    expect(at('media')).toBeLessThan(at('articles'));
    expect(at('users')).toBeLessThan(at('articles'));
    expect(at('articles')).toBeLessThan(at('comments'));
    expect(at('readers')).toBeLessThan(at('comments'));
    expect(at('comments')).toBeLessThan(at('comment_reports'));
    expect(at('channels')).toBeLessThan(at('programmes'));
    // The originals, not the renditions.
    const originals = await files(mediaDirOf(site.dataDir));
    expect(manifest.media.files).toBe(originals.size);
    expect(manifest.media.bytes).toBe([...originals.values()].reduce((s, b) => s + b.length, 0));
    const listed: string[] = [];
    await tar.list({ file: archive, onReadEntry: (e) => listed.push(e.path) });
    expect(listed[0]).toBe('manifest.json');
    expect(listed).toHaveLength(1 + manifest.tables.length + originals.size);
    expect(listed.some((p) => p.includes('media-cache') || p.includes('rendition'))).toBe(false);
  });

  it.each(DIALECTS)('restores into an empty %s database: every row, every media file, fresh ids, the same story page', { timeout: 120_000 }, async (target) => {
    const tdb = await fresh(target);
    const started = Date.now();
    const report = await restoreInto(tdb, archive);
    process.stderr.write(`[backup test] ${source} -> ${target}: demo site restored in ${Date.now() - started} ms\n`);
    expect(report).toMatchObject({ tables: manifest.tables.length, mediaFiles: manifest.media.files, replaced: false, upgraded: [] });
    expect(report.indexed).toBe(before.articles?.length);

    expect(await snapshot(tdb.db)).toEqual(before);
    const restoredMedia = await files(mediaDirOf(tdb.dataDir));
    const originalMedia = await files(mediaDirOf(site.dataDir));
    expect([...restoredMedia.keys()].sort()).toEqual([...originalMedia.keys()].sort());
    for (const [path, bytes] of originalMedia) expect(restoredMedia.get(path)?.equals(bytes), path).toBe(true);
    expect(existsSync(join(tdb.dataDir, 'media-cache'))).toBe(false);

    // New rows get ids past the restored ones (PostgreSQL sequences were moved on).
    const k = tdb.db.kysely;
    const maxComment = Math.max(...(before.comments ?? []).map((c) => (c as { id: number }).id));
    const article = await k.selectFrom('articles').select('id').orderBy('id').executeTakeFirstOrThrow();
    const added = await k
      .insertInto('comments')
      .values({ article_id: article.id, parent_id: null, root_id: null, reader_id: null, staff_user_id: null, author_name: 'After restore', guest_email: 'after@example.test', body: 'A new comment.', status: 'pending', text_hash: 'c'.repeat(64), created_at: new Date().toISOString(), edited_at: null, moderated_at: null, moderated_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(added.id).toBeGreaterThan(maxComment);
    const maxSection = Math.max(...(before.sections ?? []).map((s) => (s as { id: number }).id));
    const section = await k.insertInto('sections').values({ parent_id: null, slug: 'after-restore', name: 'After', description: '', position: 1, language: 'en', created_at: '2026-12-01T00:00:00.000Z', updated_at: '2026-12-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
    expect(section.id).toBeGreaterThan(maxSection);

    // Search was rebuilt, and the site serves the seed story as before.
    const headline = (before.articles as { slug: string; headline: string }[]).find((a) => a.slug.startsWith(SEED_STORY))?.headline ?? '';
    const hits = await new SearchService(tdb.db).search({ q: 'Tripoli truce', language: 'en' });
    expect(hits.total).toBeGreaterThan(0);
    // ...and so was the newsroom's part-of-a-word index: "ripol" is in no word on its own.
    expect(await newsroomSubstringIds(tdb, 'ripol')).toEqual(await newsroomSubstringIds(site, 'ripol'));
    expect((await newsroomSubstringIds(tdb, 'ripol')).length).toBeGreaterThan(0);
    // ...and which stories show each image inside their body.
    expect(await figureUsage(tdb)).toEqual(await figureUsage(site));
    expect((await figureUsage(site)).length).toBeGreaterThan(0);
    const page = await storyHeadline(tdb);
    expect(page.status).toBe(200);
    expect(decodeHtml(page.headline ?? '')).toBe(headline);
    expect(page).toEqual(await storyHeadline(site));
  });

  it('refuses a database that holds content and leaves it untouched; with force, replaces it', { timeout: 120_000 }, async () => {
    const tdb = await fresh(source);
    await restoreInto(tdb, archive);
    const k = tdb.db.kysely;
    await k.insertInto('tags').values({ slug: 'written-after-backup', name: 'Written after the backup', created_at: '2026-12-01T00:00:00.000Z' }).execute();
    await writeFile(join(mediaDirOf(tdb.dataDir), 'extra-file'), 'kept');
    const holding = await snapshot(tdb.db);

    await expect(restoreInto(tdb, archive)).rejects.toThrow(/already holds content \(.*\): restore with --force/);
    expect(await snapshot(tdb.db)).toEqual(holding);

    const report = await restoreInto(tdb, archive, true);
    expect(report.replaced).toBe(true);
    expect(report.mediaKept).toBe(manifest.media.files);
    expect(await snapshot(tdb.db)).toEqual(before);
    expect(await k.selectFrom('tags').select('id').where('slug', '=', 'written-after-backup').executeTakeFirst()).toBeUndefined();
    expect(await newsroomSubstringIds(tdb, 'ripol')).toEqual(await newsroomSubstringIds(site, 'ripol'));
  });

  it('refuses a damaged archive (a flipped byte, a truncated file, not a backup at all) and writes nothing', { timeout: 120_000 }, async () => {
    const good = await readFile(archive);
    const flipped = Buffer.from(good);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0xff;
    const cases: [string, Buffer][] = [
      ['flipped.tar.gz', flipped],
      ['truncated.tar.gz', good.subarray(0, Math.floor(good.length * 0.6))],
      ['cut-at-the-end.tar.gz', good.subarray(0, good.length - 100)],
      ['not-a-backup.tar.gz', Buffer.from('this is not an archive at all\n'.repeat(50))],
    ];
    const tdb = await fresh(source);
    for (const [name, bytes] of cases) {
      const file = join(work, name);
      await writeFile(file, bytes);
      const attempt = restoreInto(tdb, file);
      await expect(attempt, name).rejects.toBeInstanceOf(BackupError);
      await expect(attempt, name).rejects.toThrow(/damaged|incomplete|not a Newsdesk backup/);
    }
    expect(await countAll(tdb.db)).toBe(0);
    expect(existsSync(mediaDirOf(tdb.dataDir))).toBe(false);
    // A table edited without its manifest: the checksum gives it away.
    const tampered = join(work, 'tampered.tar.gz');
    await rewriteArchive(archive, tampered, { table: 'tags', edit: (t) => t.replace('"name":"', '"name":"X'), updateManifest: false });
    await expect(restoreInto(tdb, tampered)).rejects.toThrow(/damaged: db\/[\d]+-tags\.jsonl does not match its checksum/);
    expect(await countAll(tdb.db)).toBe(0);
    expect(existsSync(mediaDirOf(tdb.dataDir))).toBe(false);
  });

  it('refuses a backup from a newer Newsdesk, and a database whose schema is ahead of the backup', { timeout: 120_000 }, async () => {
    const newer = join(work, 'from-a-newer-newsdesk.tar.gz');
    await rewriteArchive(archive, newer, { updateManifest: false, manifest: (m) => m.migrations.push('2099-01-01T0000-from-the-future') });
    const older = join(work, 'older-schema.tar.gz');
    await rewriteArchive(archive, older, { updateManifest: false, manifest: (m) => m.migrations.pop() });
    const tdb = await fresh(source);
    await expect(restoreInto(tdb, newer)).rejects.toThrow(/made by a newer Newsdesk \(migration 2099-01-01T0000-from-the-future is unknown here\): upgrade Newsdesk first/);
    await expect(restoreInto(tdb, older)).rejects.toThrow(/schema \(.*\) is newer than the backup's \(.*\): restore into a new, empty database/);
    expect(await countAll(tdb.db)).toBe(0);
  });

  // SQLite only: one database file is enough to show it.
  if (source === 'sqlite') {
    it('refuses to back up a database without tables (a wrong DATABASE_URL)', async () => {
      const db = openDatabase(`sqlite:${join(work, 'not-the-site.db')}`);
      try {
        await expect(backupSite(db, { file: join(work, 'empty.tar.gz'), mediaDir: join(work, 'no-media') })).rejects.toThrow(/the database has no tables: is DATABASE_URL the site's database\?/);
        expect(existsSync(join(work, 'empty.tar.gz'))).toBe(false);
        expect((await readdir(work)).filter((f) => f.startsWith('.newsdesk-backup-') || f.endsWith('.partial'))).toEqual([]);
      } finally {
        await db.close();
      }
    });
  }

  it('rolls every row back when an insert fails halfway, whether the database was empty or replaced', { timeout: 120_000 }, async () => {
    // A valid archive (checksums match) whose last filled table repeats a row: its insert fails.
    const last = [...manifest.tables].reverse().find((t) => t.rows > 0)?.name ?? '';
    const bad = join(work, 'fails-halfway.tar.gz');
    await rewriteArchive(archive, bad, { table: last, edit: (t) => `${t}${t.split('\n')[0] ?? ''}\n`, updateManifest: true });
    const backup = await checkBackup(bad);

    const empty = await fresh(source);
    await expect(restoreSite(empty.db, backup, { mediaDir: mediaDirOf(empty.dataDir) })).rejects.toThrow(new RegExp(`restoring table ${last} failed .*nothing was restored`));
    expect(await countAll(empty.db)).toBe(0);
    expect(existsSync(mediaDirOf(empty.dataDir))).toBe(false);

    const holding = await fresh(source);
    await restoreInto(holding, archive);
    await holding.db.kysely.insertInto('tags').values({ slug: 'still-here', name: 'Still here', created_at: '2026-12-01T00:00:00.000Z' }).execute();
    const state = await snapshot(holding.db);
    await expect(restoreSite(holding.db, backup, { mediaDir: mediaDirOf(holding.dataDir), force: true })).rejects.toThrow(BackupError);
    expect(await snapshot(holding.db)).toEqual(state);
  });

  // The command itself, on SQLite (the database `npm start` gives a newcomer).
  if (source === 'sqlite') {
    it('runs as the newsdesk CLI: backup, restore, a refusal and a damaged file, with exit codes and clear lines', { timeout: 300_000 }, async () => {
      const siteEnv = { DATABASE_URL: site.url, DATA_DIR: site.dataDir };
      const cwd = join(work, 'cli');
      await mkdir(cwd);

      const backup = await cli(['backup'], siteEnv, cwd);
      expect(backup.stderr).toMatch(/Database rows: [\d,]+\/[\d,]+ \(100%\)/);
      expect(backup.code, backup.stderr).toBe(0);
      const written = (await readdir(cwd)).filter((f) => /^newsdesk-backup-\d{8}T\d{6}Z\.tar\.gz$/.test(f));
      expect(written).toHaveLength(1);
      const file = join(cwd, written[0] ?? '');
      expect(backup.stdout).toMatch(/^ {2}articles +\d+ rows$/m);
      expect(backup.stdout).toMatch(new RegExp(`^Wrote ${file.replaceAll('.', '\\.')} \\([\\d.]+ [kM]?B\\) in [\\d.]+ s: ${manifest.tables.length} tables, [\\d,]+ rows, ${manifest.media.files} media files`, 'm'));
      expect(await readdir(cwd)).toEqual(written); // no staging folder or partial file left behind

      const again = await cli(['backup', file], siteEnv, cwd);
      expect(again.code).toBe(1);
      expect(again.stderr.trim()).toMatch(/^newsdesk backup: .* already exists/);

      const targetDir = join(work, 'cli-target');
      const target = { DATABASE_URL: `sqlite:${join(targetDir, 'restored.db')}`, DATA_DIR: targetDir };
      const restored = await cli(['restore', file], target, cwd);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/Checksums verified\./);
      expect(restored.stdout).toMatch(new RegExp(`^Restored ${manifest.tables.length} tables \\([\\d,]+ rows\\) and ${manifest.media.files} media files`, 'm'));
      expect(restored.stdout).toMatch(/^Search index: \d+ stories indexed\.$/m);
      const db = openDatabase(target.DATABASE_URL);
      try {
        expect(await snapshot(db)).toEqual(await snapshot(site.db));
      } finally {
        await db.close();
      }

      const refused = await cli(['restore', file], target, cwd);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n').at(-1)).toMatch(/^newsdesk restore: the database already holds content .*--force/);
      const forced = await cli(['restore', file, '--force'], target, cwd);
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stdout).toMatch(/replaced \(--force\)/);

      const damaged = join(cwd, 'damaged.tar.gz');
      const bytes = await readFile(file);
      await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const elsewhere = join(work, 'cli-untouched');
      const broken = await cli(['restore', damaged], { DATABASE_URL: `sqlite:${join(elsewhere, 'never.db')}`, DATA_DIR: elsewhere }, cwd);
      expect(broken.code).toBe(1);
      expect(broken.stderr.trim().split('\n').at(-1)).toMatch(/^newsdesk restore: the archive is damaged/);
      expect(existsSync(elsewhere)).toBe(false);

      const usage = await cli(['restore'], target, cwd);
      expect(usage.code).toBe(1);
      expect(usage.stderr).toMatch(/^Usage: newsdesk restore FILE/);
    });
  }
});
