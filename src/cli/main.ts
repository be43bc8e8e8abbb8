/**
 * The `newsdesk` command: serve (migrate, seed an empty database with the demo, listen),
 * migrate, seed, backup, restore. Configuration comes from the environment (see .env.example).
 */
import { createApp } from '../app.js';
import { ConfigError, loadConfig, publicOrigin } from '../config/env.js';
import type { Config } from '../config/env.js';
import { ContentEvents } from '../core/events.js';
import { LocalDiskMediaStore } from '../media/store.js';
import { VariantService } from '../media/variants.js';
import { VARIANT_FORMATS, widthsFor } from '../core/media.js';
import { rebuildSearchIndex, rebuildTriggerKeptIndexes } from '../services/search.js';
import { isStaffRole } from '../core/staff.js';
import { seedDemo } from '../seed/seed-demo.js';
import { Accounts } from '../services/accounts.js';
import { ValidationError } from '../services/publishing.js';
import { openDatabase } from '../storage/db.js';
import { migrateToLatest } from '../storage/migrate.js';
import { generateArchive } from '../seed/generate.js';
import { progress } from '../seed/progress.js';
import { startDemoStream } from '../live/demo-stream.js';
import { backupSite, checkBackup, defaultBackupName, restoreSite, totalRows } from '../services/backup.js';
import type { LoadedReport } from '../services/backup.js';
import { projectRoot } from '../http/project-root.js';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const USAGE = `Usage: newsdesk <command>

Commands:
  serve                                  migrate, seed the demo newsroom into an empty database
                                         (unless SEED_DEMO_CONTENT=false), publish scheduled stories, serve
  migrate                                apply pending database migrations
  seed                                   add the demo newsroom to an empty database
  seed --articles N --comments M         and a synthetic archive on top (load tests), with progress
  user create --role ROLE EMAIL          print a one-time link to create that account
                                         (ROLE: contributor, author, editor, admin, moderator)
  backup [FILE]                          write the database and the media originals to one archive
                                         (default: newsdesk-backup-<UTC time>.tar.gz here)
  restore FILE [--force]                 check a backup, then load it into DATABASE_URL and DATA_DIR
                                         (--force: replace a database that already has content)
  reindex                                rebuild the search index from the stories, with progress
  renditions [--force]                   make every image's renditions now, rather than on first
                                         request (--force: make them again, e.g. after an upgrade)

Configuration is read from environment variables: see .env.example.`;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function serve(config: Config): Promise<void> {
  const app = await createApp(config);
  if (config.SEED_DEMO_CONTENT) {
    const result = await seedDemo({ db: app.db, media: app.media, events: app.events, log: say });
    if (result.seeded) say(`Demo newsroom ready: ${result.articles} articles.`);
  }
  await app.server.listen({ host: config.HOST, port: config.PORT });
  app.startScheduler();
  // The demo channels' stream, made here by ffmpeg when it is installed (never in tests).
  const demoStream = config.DEMO_STREAM && config.NODE_ENV !== 'test' ? startDemoStream(resolve(config.DATA_DIR), say) : undefined;
  const address = app.server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const origin = config.PUBLIC_URL ? publicOrigin(config) : `http://${config.HOST === '127.0.0.1' || config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  say('');
  say(`Newsdesk is running at ${origin}`);
  say(`  Database: ${app.db.dialect} (${config.DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@')})`);
  const setup = await app.accounts.setupToken();
  if (setup) {
    say('');
    say('  No newsroom accounts yet. Create the first administrator (link valid 24 hours, once):');
    say(`    ${origin}/admin/setup?token=${setup}`);
    say('  or run: npm run newsdesk -- user create --role admin you@example.org');
  } else {
    say(`  Newsroom: ${origin}/admin (sign in with your account)`);
  }
  say(demoStream ? `  Live TV: ${origin}/live plays a demo stream made by ffmpeg (DEMO_STREAM=false turns it off).` : `  Live TV: ${origin}/live (install ffmpeg for a demo stream, or set a channel's stream in /admin/live).`);
  say('  Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal} received: finishing requests in flight, then stopping.`);
    void demoStream?.stop();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function withDb<T>(config: Config, fn: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase(config.DATABASE_URL, { poolSize: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `seed`: the demo newsroom into an empty database; with --articles/--comments, a synthetic archive on top. */
async function seedCommand(config: Config, args: string[]): Promise<number> {
  const count = (flag: string): number | undefined => {
    const at = args.indexOf(flag);
    if (at < 0) return undefined;
    const n = Number(args[at + 1]);
    return Number.isInteger(n) && n >= 0 && n <= 10_000_000 ? n : Number.NaN;
  };
  const articles = count('--articles');
  const comments = count('--comments');
  if (Number.isNaN(articles) || Number.isNaN(comments) || args.some((a) => a.startsWith('--') && a !== '--articles' && a !== '--comments')) {
    process.stderr.write('Usage: newsdesk seed [--articles N] [--comments N]   (N a whole number up to 10,000,000)\n');
    return 1;
  }
  return withDb(config, async (db) => {
    await migrateToLatest(db.kysely);
    const media = new LocalDiskMediaStore(join(resolve(config.DATA_DIR), 'media'));
    const result = await seedDemo({ db, media, events: new ContentEvents(), log: say });
    say(result.seeded ? 'Demo newsroom seeded.' : 'The database already has articles: the demo newsroom was not seeded again.');
    if (articles || comments) {
      const made = await generateArchive(db, { articles: articles ?? 0, comments: comments ?? 0, progress: (label, total) => progress(label, total) });
      say(`Added ${made.articles.toLocaleString('en-US')} stories and ${made.comments.toLocaleString('en-US')} comments.`);
    }
    return 0;
  });
}

async function userCommand(config: Config, args: string[]): Promise<number> {
  const roleAt = args.indexOf('--role');
  const role = roleAt >= 0 ? args[roleAt + 1] : undefined;
  const email = args.filter((a, i) => !a.startsWith('--') && (roleAt < 0 || i !== roleAt + 1))[1];
  if (args[0] !== 'create' || !role || !email || !isStaffRole(role)) {
    process.stderr.write('Usage: newsdesk user create --role contributor|author|editor|admin|moderator EMAIL\n');
    return 1;
  }
  return withDb(config, async (db) => {
    await migrateToLatest(db.kysely);
    try {
      const token = await new Accounts({ db }).invite({ email, role });
      say(`Open this link (valid 7 days, once) to set the name and password of ${email} (${role}):`);
      say(`  ${publicOrigin(config)}/admin/accept?token=${token}`);
      return 0;
    } catch (err) {
      if (err instanceof ValidationError) {
        process.stderr.write(`${err.issues.join('\n')}\n`);
        return 1;
      }
      throw err;
    }
  });
}

const fmt = (n: number) => n.toLocaleString('en-US');
const fmtBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} kB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024 ** 3).toFixed(2)} GB`;
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const redactUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

function appVersion(): string | null {
  try {
    const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : null;
  } catch {
    return null;
  }
}

/** A failed backup or restore: one line saying why, exit status 1. */
function failed(command: string, err: unknown): number {
  // A BackupError is written for the operator; any other error (a refused connection, a full
  // disk) is shown by its message alone too.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`newsdesk ${command}: ${message.split('\n')[0] ?? ''}\n`);
  return 1;
}

/** `backup [FILE]`: the database (one snapshot) and the media originals, in one .tar.gz. */
async function backupCommand(config: Config, args: string[]): Promise<number> {
  const names = args.filter((a) => !a.startsWith('--'));
  if (names.length > 1 || names.length !== args.length) {
    process.stderr.write('Usage: newsdesk backup [FILE]   (default: newsdesk-backup-<UTC time>.tar.gz in this folder)\n');
    return 1;
  }
  const now = new Date();
  let file = names[0] ?? defaultBackupName(now);
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = join(file, defaultBackupName(now));
  const mediaDir = join(resolve(config.DATA_DIR), 'media');
  const started = Date.now();
  try {
    return await withDb(config, async (db) => {
      say(`Backing up the ${db.dialect} database and ${mediaDir} to ${file}`);
      const report = await backupSite(db, { file, mediaDir, appVersion: appVersion(), now: () => now, progress: (label, total) => progress(label, total) });
      const m = report.manifest;
      const filled = m.tables.filter((t) => t.rows > 0);
      const width = Math.max(0, ...filled.map((t) => t.name.length));
      for (const t of filled) say(`  ${t.name.padEnd(width)}  ${fmt(t.rows).padStart(12)} ${t.rows === 1 ? 'row' : 'rows'}`);
      say(`Wrote ${report.file} (${fmtBytes(report.bytes)}) in ${seconds(started)}: ${m.tables.length} tables, ${fmt(totalRows(m))} rows, ${fmt(m.media.files)} media files (${fmtBytes(m.media.bytes)}).`);
      return 0;
    });
  } catch (err) {
    return failed('backup', err);
  }
}

/** `restore FILE [--force]`: check the whole archive first, then load it. */
async function restoreCommand(config: Config, args: string[]): Promise<number> {
  const force = args.includes('--force');
  const names = args.filter((a) => !a.startsWith('--'));
  if (names.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--force')) {
    process.stderr.write('Usage: newsdesk restore FILE [--force]   (--force replaces a database that already has content)\n');
    return 1;
  }
  const file = names[0] ?? '';
  const mediaDir = join(resolve(config.DATA_DIR), 'media');
  const started = Date.now();
  try {
    // Nothing is opened or written before the archive has been read and checked in full.
    const backup = await checkBackup(file, { progress: (label, total) => progress(label, total) });
    const m = backup.manifest;
    say(`${file}: made ${m.createdAt} by Newsdesk ${m.app.version ?? '(unknown version)'} on ${m.dialect}; ${m.tables.length} tables, ${fmt(totalRows(m))} rows, ${fmt(m.media.files)} media files (${fmtBytes(m.media.bytes)}). Checksums verified.`);
    return await withDb(config, async (db) => {
      say(`Restoring into the ${db.dialect} database ${redactUrl(config.DATABASE_URL)} and ${mediaDir}`);
      const onLoaded = (r: LoadedReport) => {
        if (r.migrated.length > 0) say(`Migrated to the backup's level: ${r.migrated.length} migrations.`);
        if (r.replaced) say('The content the database held was replaced (--force).');
        const kept = r.mediaKept > 0 ? `, ${fmt(r.mediaKept)} of them already there` : '';
        say(`Restored ${r.tables} tables (${fmt(r.rows)} rows) and ${fmt(r.mediaFiles)} media files (${fmtBytes(r.mediaBytes)}${kept}) in ${seconds(started)}.`);
        if (r.upgraded.length > 0) say(`Brought up to date: ${r.upgraded.join(', ')}.`);
        say('Rebuilding the search index...');
      };
      const r = await restoreSite(db, backup, { mediaDir, force, onLoaded, progress: (label, total) => progress(label, total) });
      say(`Search index: ${fmt(r.indexed)} stories indexed.`);
      return 0;
    });
  } catch (err) {
    return failed('restore', err);
  }
}

/** `reindex`: every story's search entry rewritten, and entries of deleted stories dropped. */
async function reindexCommand(config: Config, args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('Usage: newsdesk reindex\n');
    return 1;
  }
  const started = Date.now();
  try {
    return await withDb(config, async (db) => {
      const indexed = await rebuildSearchIndex(db, (label, total) => progress(label, total));
      await rebuildTriggerKeptIndexes(db);
      say(`Search index: ${fmt(indexed)} ${indexed === 1 ? 'story' : 'stories'} indexed in ${seconds(started)}.`);
      return 0;
    });
  } catch (err) {
    return failed('reindex', err);
  }
}

/**
 * `renditions [--force]`: every width and format the site offers for every image, made now
 * by the image worker, so no reader waits for one (after importing an archive, say); with
 * --force made again even where they exist (after a change to how they are encoded).
 */
async function renditionsCommand(config: Config, args: string[]): Promise<number> {
  if (args.some((a) => a !== '--force')) {
    process.stderr.write('Usage: newsdesk renditions [--force]\n');
    return 1;
  }
  const replace = args.includes('--force');
  const dataDir = resolve(config.DATA_DIR);
  const mediaDir = join(dataDir, 'media');
  const variants = new VariantService(new LocalDiskMediaStore(mediaDir), join(dataDir, 'media-cache'));
  const started = Date.now();
  try {
    return await withDb(config, async (db) => {
      const assets = await db.kysely.selectFrom('media').select(['key', 'width']).orderBy('id').execute();
      const jobs = assets.flatMap((a) => widthsFor(a).flatMap((width) => VARIANT_FORMATS.map((format) => ({ key: a.key, width, format }))));
      const bar = progress('Renditions', jobs.length);
      const outcomes = { made: 0, kept: 0, 'no original': 0 };
      const missing = new Set<string>();
      // Two at a time: what VariantService encodes at once anyway, so the queue stays short.
      const queue = jobs.values();
      const work = async () => {
        for (const job of queue) {
          const outcome = await variants.prepare(job.key, job.width, job.format, replace);
          outcomes[outcome]++;
          if (outcome === 'no original') missing.add(job.key);
          bar.advance();
        }
      };
      await Promise.all([work(), work()]);
      bar.done();
      say(`Renditions of ${fmt(assets.length)} ${assets.length === 1 ? 'image' : 'images'}: ${fmt(outcomes.made)} made, ${fmt(outcomes.kept)} already there, in ${seconds(started)}.`);
      if (missing.size === 0) return 0;
      process.stderr.write(`newsdesk renditions: ${fmt(missing.size)} originals are missing from ${mediaDir}: ${[...missing].slice(0, 5).join(', ')}${missing.size > 5 ? ', ...' : ''}\n`);
      return 1;
    });
  } catch (err) {
    return failed('renditions', err);
  }
}

export async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    say(USAGE);
    return command ? 0 : 1;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n\nSee .env.example for every setting and its format.\n`);
      return 2;
    }
    throw err;
  }
  switch (command) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate':
      return withDb(config, async (db) => {
        const applied = await migrateToLatest(db.kysely);
        say(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        return 0;
      });
    case 'seed':
      return seedCommand(config, argv.slice(1));
    case 'user':
      return userCommand(config, argv.slice(1));
    case 'backup':
      return backupCommand(config, argv.slice(1));
    case 'restore':
      return restoreCommand(config, argv.slice(1));
    case 'reindex':
      return reindexCommand(config, argv.slice(1));
    case 'renditions':
      return renditionsCommand(config, argv.slice(1));
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // serve keeps running; the others exit with their status.
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`newsdesk: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
