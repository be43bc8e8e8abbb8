/**
 * The operator's long jobs besides backup (issue 7): `newsdesk reindex` rebuilds the search
 * index, `newsdesk renditions` makes every image's renditions ahead of readers. Both show
 * progress, and both are run here as the real command.
 */
import { mkdtempSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentEvents } from '../../src/core/events.js';
import { LocalDiskMediaStore } from '../../src/media/store.js';
import { SearchService, rebuildSearchIndex } from '../../src/services/search.js';
import { cli } from '../helpers/cli.js';
import { DIALECTS, createTestDatabase } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import { factories } from '../helpers/factories.js';

/** Drops every entry of the search index and adds one for a story that does not exist. */
async function damageIndex(tdb: TestDatabase): Promise<void> {
  const k = tdb.db.kysely;
  if (tdb.db.dialect === 'sqlite') {
    await sql`delete from article_fts`.execute(k);
    await sql`insert into article_fts (rowid, headline, standfirst, body, extra) values (999999, 'ghost', '', '', '')`.execute(k);
  } else {
    // Its foreign key would refuse a row for a missing story: the orphan check is SQLite's.
    await sql`delete from article_search`.execute(k);
  }
}

const indexedIds = async (tdb: TestDatabase): Promise<number[]> => {
  const table = tdb.db.dialect === 'sqlite' ? sql`select rowid as id from article_fts order by rowid` : sql`select article_id as id from article_search order by article_id`;
  return (await sql<{ id: number }>`${table}`.execute(tdb.db.kysely)).rows.map((r) => Number(r.id));
};

describe.each(DIALECTS)('rebuilding the search index on %s', (dialect) => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });

  afterAll(async () => {
    await tdb?.drop();
  });

  it('finds every story again after the index is lost, and drops entries of stories that are gone', async () => {
    const make = factories({ db: tdb.db, events: new ContentEvents() });
    const section = await make.section();
    const ids = [];
    for (const word of ['lighthouse', 'orchard', 'glacier']) ids.push((await make.article({ sectionId: section.id, headline: `A story about the ${word}` })).id);
    const search = new SearchService(tdb.db);
    expect(await search.matchingIds('orchard')).toEqual([ids[1]]);

    await damageIndex(tdb);
    expect(await search.matchingIds('orchard')).toEqual([]);

    const bars: Array<{ label: string; total: number; done: boolean }> = [];
    const indexed = await rebuildSearchIndex(tdb.db, (label, total) => {
      const bar = { label, total, done: false };
      bars.push(bar);
      return { advance: () => undefined, done: () => void (bar.done = true) };
    });
    expect(indexed).toBe(3);
    expect(bars).toEqual([{ label: 'Search index', total: 3, done: true }]);
    expect(await search.matchingIds('orchard')).toEqual([ids[1]]);
    expect(await search.matchingIds('glacier')).toEqual([ids[2]]);
    expect(await indexedIds(tdb)).toEqual(ids);
  });
});

describe('the maintenance commands', () => {
  let tdb: TestDatabase;
  let cwd: string;
  let env: Record<string, string>;
  const cacheDir = () => join(tdb.dataDir, 'media-cache');

  /** Every rendition file on disk, `<key>/<width>.<format>`, sorted. */
  async function renditionFiles(): Promise<string[]> {
    const found: string[] = [];
    for (const prefix of await readdir(cacheDir()).catch(() => [])) {
      for (const key of await readdir(join(cacheDir(), prefix))) for (const file of await readdir(join(cacheDir(), prefix, key))) found.push(`${key}/${file}`);
    }
    return found.sort();
  }

  beforeAll(async () => {
    tdb = await createTestDatabase('sqlite');
    cwd = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'));
    env = { DATABASE_URL: tdb.url, DATA_DIR: tdb.dataDir };
  });

  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
    await tdb?.drop();
  });

  it('newsdesk reindex: rebuilds the index with progress, and says how many stories it indexed', { timeout: 60_000 }, async () => {
    const make = factories({ db: tdb.db, events: new ContentEvents() });
    const section = await make.section();
    const story = await make.article({ sectionId: section.id, headline: 'Ferry timetable changes for the winter' });
    await damageIndex(tdb);

    const run = await cli(['reindex'], env, cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Search index: 1\/1 \(100%\), [\d.]+ s$/m);
    expect(run.stdout).toMatch(/^Search index: 1 story indexed in [\d.]+ s\.$/m);
    expect(await new SearchService(tdb.db).matchingIds('timetable')).toEqual([story.id]);
    expect(await indexedIds(tdb)).toEqual([story.id]);

    expect((await cli(['reindex', '--everything'], env, cwd)).code).toBe(1);
  });

  it('newsdesk renditions: makes every width and format each image is offered in, then only what is missing, all again with --force', { timeout: 120_000 }, async () => {
    const make = factories({ db: tdb.db, events: new ContentEvents(), media: new LocalDiskMediaStore(join(tdb.dataDir, 'media')) });
    const wide = await make.image({ width: 1200, height: 675 });
    const narrow = await make.image({ width: 700, height: 400 });
    // 1200 px: 320, 480, 640, 800 and 1024 (never upscaled); 700 px: 320, 480 and 640. Three formats each.
    const expected = [...[320, 480, 640, 800, 1024].map((w) => `${wide.key}/${w}`), ...[320, 480, 640].map((w) => `${narrow.key}/${w}`)].flatMap((base) => ['avif', 'jpeg', 'webp'].map((f) => `${base}.${f}`)).sort();

    const first = await cli(['renditions'], env, cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^Renditions: 24\/24 \(100%\), [\d.]+ s$/m);
    expect(first.stdout).toMatch(/^Renditions of 2 images: 24 made, 0 already there, in [\d.]+ s\.$/m);
    expect(await renditionFiles()).toEqual(expected);

    const one = join(cacheDir(), wide.key.slice(0, 2), wide.key, '640.webp');
    const before = (await stat(one)).mtimeMs;
    const again = await cli(['renditions'], env, cwd);
    expect(again.stdout).toMatch(/^Renditions of 2 images: 0 made, 24 already there/m);
    expect((await stat(one)).mtimeMs).toBe(before);

    await rm(one);
    const forced = await cli(['renditions', '--force'], env, cwd);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/^Renditions of 2 images: 24 made, 0 already there/m);
    expect(await renditionFiles()).toEqual(expected);

    // An original lost from the media folder: said, with a failing exit code, the rest done.
    await rm(join(tdb.dataDir, 'media', narrow.key.slice(0, 2), narrow.key));
    const lost = await cli(['renditions', '--force'], env, cwd);
    expect(lost.code).toBe(1);
    expect(lost.stdout).toMatch(/^Renditions of 2 images: 15 made, 0 already there/m);
    expect(lost.stderr).toContain(`newsdesk renditions: 1 originals are missing from ${join(tdb.dataDir, 'media')}: ${narrow.key}`);
  });
});
