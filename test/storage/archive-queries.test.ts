/**
 * Lists that must not slow down as the archive grows, on every database: a section with
 * subsections is read one indexed range per section and merged, in exactly the order a
 * single sorted query would give, and its count is the sum of covering-index counts.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../src/core/sections.js';
import { ContentEvents } from '../../src/core/events.js';
import { generateArchive } from '../../src/seed/generate.js';
import { ReadingService } from '../../src/services/reading.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import { factories } from '../helpers/factories.js';

describe.each(DIALECTS)('archive list queries on %s', (dialect) => {
  let tdb: TestDatabase;
  let parent: Section;
  let reading: ReadingService;
  const expected: Array<{ id: number; publishedAt: string }> = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const events = new ContentEvents();
    const make = factories({ db: tdb.db, events });
    parent = await make.section({ slug: 'world' });
    const children = [await make.section({ slug: 'africa', parentId: parent.id }), await make.section({ slug: 'asia', parentId: parent.id }), await make.section({ slug: 'europe', parentId: parent.id })];
    const base = Date.now() - 100 * 3_600_000;
    for (let i = 0; i < 75; i++) {
      const section = [parent, ...children][i % 4] as Section;
      // Some stories share a publication time: the id breaks the tie, newest first.
      const publishedAt = new Date(base + Math.floor(i / 3) * 3_600_000).toISOString();
      const a = await make.article({ sectionId: section.id, publishedAt });
      expected.push({ id: a.id, publishedAt });
    }
    await make.article({ sectionId: children[0]?.id ?? 0, status: 'draft', publishedAt: null });
    expected.sort((x, y) => (x.publishedAt === y.publishedAt ? y.id - x.id : x.publishedAt < y.publishedAt ? 1 : -1));
    reading = new ReadingService({ db: tdb.db, events });
  });

  afterAll(async () => {
    await tdb?.drop();
  });

  it('pages through a section and its subsections in date order, counting only public stories', async () => {
    const first = await reading.sectionPage(parent, 1);
    expect(first.total).toBe(75);
    expect(first.totalPages).toBe(Math.ceil(75 / first.cards.length));
    const all = [];
    for (let page = 1; page <= first.totalPages; page++) all.push(...(await reading.sectionPage(parent, page)).cards.map((c) => c.id));
    expect(all).toEqual(expected.map((e) => e.id));
  });

  it('reads one section, and the whole site, through indexes in index order', async () => {
    const now = new Date().toISOString();
    const list = sql`select a.id from articles a where a.section_id in (${parent.id}) and a.language = 'en' and a.status = 'published' and a.published_at <= ${now} order by a.published_at desc, a.id desc limit 20`;
    const count = sql`select count(*) from articles a where a.section_id in (${parent.id}) and a.language = 'en' and a.status = 'published' and a.published_at <= ${now}`;
    const latest = sql`select a.id from articles a where a.language = 'en' and a.status = 'published' and a.published_at <= ${now} order by a.published_at desc, a.id desc limit 7`;
    if (dialect === 'sqlite') {
      const plan = async (q: typeof list) => (await sql<{ detail: string }>`explain query plan ${q}`.execute(tdb.db.kysely)).rows.map((r) => r.detail).join(' | ');
      expect(await plan(list)).toMatch(/INDEX articles_section_language_status_published/);
      expect(await plan(list)).not.toMatch(/TEMP B-TREE/);
      expect(await plan(count)).toMatch(/COVERING INDEX articles_section_language_status_published/);
      expect(await plan(latest)).not.toMatch(/TEMP B-TREE/);
      return;
    }
    // A test table this small is cheaper to scan: ask the planner what it does when it may not.
    // With the visibility map set (as autovacuum leaves a real table), a count is index-only.
    await sql`vacuum analyze articles`.execute(tdb.db.kysely);
    await tdb.db.kysely.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = async (q: typeof list) => (await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      // Which of the two list indexes the planner takes depends on its statistics; either
      // yields the order without a sort.
      expect(await plan(list)).toMatch(/Index (Only )?Scan (Backward )?using articles_(section_)?language_status_published/);
      expect(await plan(list)).not.toMatch(/\bSort\b/);
      expect(await plan(count)).toMatch(/Index (Only )?Scan using articles_(section_)?language_status_published/);
      expect(await plan(latest)).not.toMatch(/\bSort\b/);
    });
  });

  it("reads the newsroom's list, whole, by section or by status, newest change first along an index", async () => {
    // newsroom-lists.ts: every status, ordered by the last change, 50 to a page.
    const columns = sql`a.id, a.headline, a.status, a.section_id, a.updated_at, a.published_at, a.scheduled_at`;
    const whole = sql`select ${columns} from articles a order by a.updated_at desc, a.id desc limit 50`;
    const bySection = sql`select ${columns} from articles a where a.section_id = ${parent.id} order by a.updated_at desc, a.id desc limit 50`;
    // The newsroom's home page: the latest published, on every visit.
    const byStatus = sql`select ${columns} from articles a where a.status = 'published' order by a.updated_at desc, a.id desc limit 10`;
    if (dialect === 'sqlite') {
      const plan = async (q: typeof whole) => (await sql<{ detail: string }>`explain query plan ${q}`.execute(tdb.db.kysely)).rows.map((r) => r.detail).join(' | ');
      expect(await plan(whole)).toMatch(/INDEX articles_updated\b/);
      expect(await plan(bySection)).toMatch(/INDEX articles_section_updated/);
      expect(await plan(byStatus)).toMatch(/INDEX articles_status_updated/);
      for (const q of [whole, bySection, byStatus]) expect(await plan(q)).not.toMatch(/TEMP B-TREE/);
      return;
    }
    await tdb.db.kysely.transaction().execute(async (trx) => {
      // 19 rows are cheaper to sort than to read in order: ask whether an index gives the order.
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_sort = off`.execute(trx);
      const plan = async (q: typeof whole) => (await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(await plan(whole)).toMatch(/Index Scan Backward using articles_updated/);
      expect(await plan(bySection)).toMatch(/Index Scan Backward using articles_section_updated/);
      // Nearly every story here is published: walking the whole list in order is as good.
      expect(await plan(byStatus)).toMatch(/Index Scan Backward using articles_(status_)?updated/);
      for (const q of [whole, bySection, byStatus]) expect(await plan(q)).not.toMatch(/\bSort\b/);
    });
  });

  it("finds the moderators' reported comments without reading every approved one", async () => {
    // moderation.ts counts() and queue('reported'): at 1,000,000 comments SQLite read them all
    // through the index on status (4-5 s) until the partial index on reported comments.
    // Comments enough for the planner's statistics to tell the indexes apart (the generator
    // refreshes them, as PRAGMA optimize does on a growing site), a few of them reported.
    await factories({ db: tdb.db, events: new ContentEvents() }).author();
    await generateArchive(tdb.db, { articles: 0, comments: 3_000 });
    await tdb.db.kysely.updateTable('comments').set({ report_count: 2 }).where('id', 'in', [3, 300, 2_000]).execute();
    const count = sql`select count(*) from comments where report_count > 0 and status = 'approved'`;
    const queue = sql`select c.id from comments c inner join articles a on a.id = c.article_id where c.status = 'approved' and c.report_count > 0 order by c.report_count desc, c.id asc limit 51`;
    if (dialect === 'sqlite') {
      const plan = async (q: typeof count) => (await sql<{ detail: string }>`explain query plan ${q}`.execute(tdb.db.kysely)).rows.map((r) => r.detail).join(' | ');
      for (const q of [count, queue]) expect(await plan(q)).toMatch(/INDEX comments_reported_approved/);
      return;
    }
    await tdb.db.kysely.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = async (q: typeof count) => (await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      for (const q of [count, queue]) expect(await plan(q)).toMatch(/using comments_reported_approved/);
    });
  });

  it('counts the monthly sitemap files from the index alone', async () => {
    // sitemap-entries.ts monthChunks: the rows the monthly files count. (The list pages' dates
    // come from each list's first page: the section reads above, and listing-rows.test.ts.)
    const now = new Date().toISOString();
    const lastmod = sql`case when a.updated_at > a.published_at then a.updated_at else a.published_at end`;
    const monthRows = sql`select a.published_at, a.id, ${lastmod} from articles a where a.language = 'en' and a.status = 'published' and a.published_at <= ${now} order by a.published_at, a.id`;
    if (dialect === 'sqlite') {
      const plan = (await sql<{ detail: string }>`explain query plan ${monthRows}`.execute(tdb.db.kysely)).rows.map((r) => r.detail).join(' | ');
      expect(plan).toMatch(/COVERING INDEX articles_language_status_published/);
      return;
    }
    await sql`vacuum analyze articles`.execute(tdb.db.kysely);
    await tdb.db.kysely.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = (await sql<{ 'QUERY PLAN': string }>`explain ${monthRows}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index Only Scan using articles_language_status_published/);
    });
  });
});
