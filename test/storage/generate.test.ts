/**
 * The load-test archive (`newsdesk seed --articles N --comments M`), on every database:
 * what it writes is searchable and its maintained counts are true, and it reports progress
 * as plain lines when not on a terminal.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentEvents } from '../../src/core/events.js';
import { generateArchive } from '../../src/seed/generate.js';
import { progress } from '../../src/seed/progress.js';
import { ReadingService } from '../../src/services/reading.js';
import { SearchService } from '../../src/services/search.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import { factories } from '../helpers/factories.js';

describe.each(DIALECTS)('the load-test archive on %s', (dialect) => {
  let tdb: TestDatabase;
  const lines: string[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const make = factories({ db: tdb.db, events: new ContentEvents() });
    await make.section({ slug: 'news' });
    await make.author({ slug: 'desk', name: 'The Desk' });
    const result = await generateArchive(tdb.db, { articles: 700, comments: 4_000, progress: (label, total) => progress(label, total, { isTTY: false, write: (s) => lines.push(s) }) });
    expect(result).toEqual({ articles: 700, comments: 4_000 });
  }, 120_000);

  afterAll(async () => {
    await tdb?.drop();
  });

  it('keeps every maintained count true', async () => {
    const k = tdb.db.kysely;
    const articles = await k.selectFrom('articles').select(['id', 'comment_count']).execute();
    expect(articles).toHaveLength(700);
    const counted = await k.selectFrom('comments').select(['article_id']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('article_id').execute();
    const byArticle = new Map(counted.map((c) => [c.article_id, Number(c.n)]));
    for (const a of articles) expect(a.comment_count).toBe(byArticle.get(a.id) ?? 0);
    expect(articles.reduce((sum, a) => sum + a.comment_count, 0)).toBe(4_000);
    // Uneven, as on a real site: the busiest story has far more than an even share (about 6).
    expect(Math.max(...articles.map((a) => a.comment_count))).toBeGreaterThan(30);
    const orphans = await k.selectFrom('comments').select('id').where('root_id', 'is', null).execute();
    expect(orphans).toEqual([]);
    // Each reader's approved count too (the account page and moderation read it).
    const readers = await k.selectFrom('readers').select(['id', 'approved_count']).where('email', 'like', 'archive-reader-%').execute();
    const perReader = await k.selectFrom('comments').select(['reader_id']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('reader_id').execute();
    const byReader = new Map(perReader.map((c) => [c.reader_id, Number(c.n)]));
    expect(readers.length).toBe(200);
    for (const r of readers) expect(r.approved_count).toBe(byReader.get(r.id) ?? 0);
    expect(readers.reduce((sum, r) => sum + r.approved_count, 0)).toBe(4_000);
  });

  it('leaves the planner statistics of the new archive, so its first requests use the right indexes', async () => {
    if (dialect === 'sqlite') {
      const stats = await sql<{ tbl: string }>`select tbl from sqlite_stat1 where tbl in ('articles', 'comments')`.execute(tdb.db.kysely);
      expect(new Set(stats.rows.map((r) => r.tbl))).toEqual(new Set(['articles', 'comments']));
    } else {
      const stats = await sql<{ relname: string; analyzed: string | null; vacuumed: string | null }>`select relname, coalesce(last_analyze, last_autoanalyze) as analyzed, coalesce(last_vacuum, last_autovacuum) as vacuumed from pg_stat_user_tables where relname in ('articles', 'comments')`.execute(tdb.db.kysely);
      expect(stats.rows).toHaveLength(2);
      for (const r of stats.rows) {
        expect(r.analyzed, r.relname).not.toBeNull();
        expect(r.vacuumed, r.relname).not.toBeNull();
      }
    }
  });

  it('tags every story with its subject and place, so tag pages list the archive', async () => {
    const reading = new ReadingService({ db: tdb.db, events: new ContentEvents() });
    const rows = await tdb.db.kysely.selectFrom('article_tags as at').innerJoin('articles as a', 'a.id', 'at.article_id').innerJoin('tags as t', 't.id', 'at.tag_id').select(['a.headline', 't.name']).execute();
    expect(rows).toHaveLength(2 * 700);
    // The tag names the headline's subject or place ("... the water supply in the capital").
    for (const r of rows) expect(r.headline.toLowerCase()).toContain(r.name.toLowerCase());
    const page = await reading.tagPage('en', 'water-supply', 1);
    expect(page?.total).toBe(rows.filter((r) => r.name === 'Water supply').length);
    expect(page?.total).toBeGreaterThan(20);
    expect(page?.cards).toHaveLength(20);
  });

  it('is searchable at once', async () => {
    const results = await new SearchService(tdb.db).search({ q: 'fishing quota', language: 'en' });
    expect(results.total).toBeGreaterThan(0);
  });

  it('reports progress as plain lines, every tenth of the way', () => {
    const stories = lines.filter((l) => l.startsWith('Stories:'));
    expect(stories.length).toBeGreaterThanOrEqual(2);
    expect(stories.length).toBeLessThanOrEqual(12);
    expect(stories.at(-1)).toMatch(/^Stories: 700\/700 \(100%\), \d+\.\d s\n$/);
    expect(lines.filter((l) => l.startsWith('Comments:')).length).toBeLessThanOrEqual(12);
    expect(lines.at(-1)).toMatch(/^Comments: 4,000\/4,000 \(100%\), \d+\.\d s\n$/);
  });
});
