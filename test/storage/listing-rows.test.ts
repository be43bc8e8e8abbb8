/**
 * Tag and author pages read their stories through the join rows' copies of each story's
 * language and publication (migration 2026-12-03T2000-listing-columns), kept by triggers.
 * These tests hold the copies to the truth: the pages list exactly the public stories of
 * their edition, newest first, through every kind of write, and from one index range.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { Author } from '../../src/core/people.js';
import type { Section } from '../../src/core/sections.js';
import { ContentEvents } from '../../src/core/events.js';
import { updateArticle } from '../../src/services/publishing.js';
import type { ArticleInput } from '../../src/services/publishing.js';
import { PAGE_SIZE, ReadingService } from '../../src/services/reading.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { ArticleRepository } from '../../src/storage/repositories/articles.js';
import { migrations } from '../../src/storage/migrations/index.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import { catchQueries, planOf } from '../helpers/query-plans.js';
import type { TestDatabase } from '../helpers/databases.js';
import { factories } from '../helpers/factories.js';

const HOUR = 3_600_000;
const MIGRATION = '2026-12-03T2000-listing-columns';

describe.each(DIALECTS)('tag and author lists on %s', (dialect) => {
  let tdb: TestDatabase;
  let events: ContentEvents;
  let reading: ReadingService;
  let world: Section;
  let ana: Author;
  let clock = new Date();
  /** Every story, as it stands now, with its tags. */
  const stories = new Map<number, { article: Article; tags: string[]; authorIds: number[] }>();

  const publishing = () => ({ db: tdb.db, events, now: () => clock });
  const write = async (input: Partial<ArticleInput> & { sectionId: number; tags?: string[]; authorIds?: number[] }) => {
    const article = await factories({ db: tdb.db, events, now: () => clock }).article(input);
    stories.set(article.id, { article, tags: input.tags ?? [], authorIds: input.authorIds ?? [] });
    return article;
  };
  const edit = async (a: Article, change: Partial<ArticleInput> & { tags: string[]; authorIds: number[] }) => {
    const article = await updateArticle(publishing(), a.id, { sectionId: a.sectionId, headline: a.headline, slug: a.slug, body: a.body, status: a.status, publishedAt: a.publishedAt, ...change });
    stories.set(article.id, { article, tags: change.tags, authorIds: change.authorIds });
    return article;
  };
  /** The stories a reader of the edition should see on a list, newest first. */
  const expected = (language: string, on: (s: { tags: string[]; authorIds: number[] }) => boolean) =>
    [...stories.values()]
      .filter((s) => on(s) && s.article.language === language && s.article.status === 'published' && s.article.publishedAt !== null && Date.parse(s.article.publishedAt) <= clock.getTime())
      .map((s) => s.article)
      .sort((x, y) => (x.publishedAt === y.publishedAt ? y.id - x.id : Date.parse(y.publishedAt ?? '') - Date.parse(x.publishedAt ?? '')))
      .map((a) => a.id);
  /** Every story on every page of a list, and the total the first page states. */
  const readAll = async (page: (n: number) => Promise<{ cards: { id: number }[]; totalPages: number; total: number } | undefined>) => {
    const first = await page(1);
    if (!first) throw new Error('no such list');
    const ids = first.cards.map((c) => c.id);
    for (let n = 2; n <= first.totalPages; n++) ids.push(...((await page(n))?.cards.map((c) => c.id) ?? []));
    return { ids, total: first.total };
  };
  const tagList = (language: 'en' | 'es' = 'en') => readAll((n) => reading.tagPage(language, 'harbours', n));
  const authorList = () => readAll((n) => reading.authorPage('en', ana.slug, n));
  const tagged = (s: { tags: string[] }) => s.tags.includes('Harbours');
  const byAna = (s: { authorIds: number[] }) => s.authorIds.includes(ana.id);
  const expectListsTrue = async () => {
    const tags = await tagList();
    expect(tags.ids).toEqual(expected('en', tagged));
    expect(tags.total).toBe(tags.ids.length);
    const authors = await authorList();
    expect(authors.ids).toEqual(expected('en', byAna));
    expect(authors.total).toBe(authors.ids.length);
  };
  /** Join rows whose copies differ from their story's values. */
  const staleRows = async () => {
    const differs = (table: 'article_tags' | 'article_authors') =>
      sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} l join articles a on a.id = l.article_id
        where l.language is distinct from a.language
           or l.public_from is distinct from (case when a.status = 'published' then a.published_at end)
           or l.lastmod is distinct from (case when a.updated_at > a.published_at then a.updated_at else a.published_at end)`.execute(tdb.db.kysely);
    const [tags, authors] = await Promise.all([differs('article_tags'), differs('article_authors')]);
    return Number(tags.rows[0]?.n) + Number(authors.rows[0]?.n);
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    events = new ContentEvents();
    reading = new ReadingService({ db: tdb.db, events, now: () => clock });
    const make = factories({ db: tdb.db, events, now: () => clock });
    world = await make.section({ slug: 'world' });
    const mundo = await make.section({ slug: 'mundo', language: 'es' });
    ana = await make.author({ slug: 'ana-ruiz' });
    const base = clock.getTime() - 80 * HOUR;
    for (let i = 0; i < 2 * PAGE_SIZE + 5; i++) {
      // Some share a publication time: the id breaks the tie, newest first.
      const publishedAt = new Date(base + Math.floor(i / 2) * HOUR).toISOString();
      await write({ sectionId: world.id, publishedAt, tags: i % 3 === 0 ? ['Harbours', 'Fishing'] : ['Fishing'], authorIds: i % 2 === 0 ? [ana.id] : [] });
    }
    await write({ sectionId: world.id, status: 'draft', publishedAt: null, tags: ['Harbours'], authorIds: [ana.id] });
    await write({ sectionId: world.id, publishedAt: new Date(clock.getTime() + 2 * HOUR).toISOString(), tags: ['Harbours'], authorIds: [ana.id] });
    await write({ sectionId: mundo.id, language: 'es', publishedAt: new Date(clock.getTime() - HOUR).toISOString(), tags: ['Harbours'], authorIds: [ana.id] });
  });

  afterAll(async () => {
    await tdb?.drop();
  });

  it('pages through a tag and an author newest first, counting only the public stories of the edition', async () => {
    await expectListsTrue();
    expect((await tagList()).ids.length).toBeGreaterThan(PAGE_SIZE / 2);
    expect((await authorList()).ids.length).toBeGreaterThan(PAGE_SIZE);
    // The Spanish edition's tag page has its one story; the English has none of Spanish.
    expect((await tagList('es')).ids).toEqual(expected('es', tagged));
    expect((await tagList('es')).ids).toHaveLength(1);
  });

  it('keeps every list true through each change to a story, whoever writes it', async () => {
    const draft = [...stories.values()].find((s) => s.article.status === 'draft')?.article;
    if (!draft) throw new Error('no draft');
    // Published for later: embargoed until its time comes, then listed first.
    let story = await edit(draft, { status: 'published', publishedAt: new Date(clock.getTime() + HOUR).toISOString(), tags: ['Harbours'], authorIds: [ana.id] });
    await expectListsTrue();
    expect((await tagList()).ids).not.toContain(story.id);
    clock = new Date(clock.getTime() + 90 * 60_000);
    await expectListsTrue();
    expect((await tagList()).ids[0]).toBe(story.id);

    // Pulled and restored by other code (the scheduler, a script) writing the row directly.
    await tdb.db.kysely.updateTable('articles').set({ status: 'draft' }).where('id', '=', story.id).execute();
    stories.set(story.id, { ...(stories.get(story.id) ?? { tags: [], authorIds: [] }), article: { ...story, status: 'draft' } });
    await expectListsTrue();
    expect((await authorList()).ids).not.toContain(story.id);
    await tdb.db.kysely.updateTable('articles').set({ status: 'published' }).where('id', '=', story.id).execute();
    stories.set(story.id, { ...(stories.get(story.id) ?? { tags: [], authorIds: [] }), article: story });
    await expectListsTrue();

    // Tag and byline taken off, then put back: new join rows start with the story's values.
    story = await edit(story, { tags: ['Fishing'], authorIds: [] });
    await expectListsTrue();
    story = await edit(story, { tags: ['Harbours'], authorIds: [ana.id] });
    await expectListsTrue();
    expect((await tagList()).ids[0]).toBe(story.id);

    // Moved back in time: it takes its place further down.
    story = await edit(story, { publishedAt: new Date(clock.getTime() - 200 * HOUR).toISOString(), tags: ['Harbours'], authorIds: [ana.id] });
    await expectListsTrue();
    expect((await tagList()).ids.at(-1)).toBe(story.id);
    expect(await staleRows()).toBe(0);
  });

  it('reads a page and its count from one range of the listing index, in page order', async () => {
    // The SQL the repository runs for a tag page and an author page, caught on its way out.
    const { plugin, ran } = catchQueries();
    const articles = new ArticleRepository(tdb.db.kysely.withPlugin(plugin));
    const tag = await tdb.db.kysely.selectFrom('tags').select('id').where('slug', '=', 'harbours').executeTakeFirstOrThrow();
    for (const { index, owner, on } of [
      { index: 'article_tags_listing', owner: { tagId: tag.id }, on: tagged },
      { index: 'article_authors_listing', owner: { authorId: ana.id }, on: byAna },
    ]) {
      ran.length = 0;
      const want = expected('en', on);
      expect((await articles.listPublished({ language: 'en', now: clock, limit: PAGE_SIZE, ...owner })).map((a) => a.id)).toEqual(want.slice(0, PAGE_SIZE));
      expect(await articles.countPublished({ language: 'en', now: clock, ...owner })).toBe(want.length);
      const [page, count] = ran;
      if (!page || !count || ran.length !== 2) throw new Error(`expected a page query and a count query, ran ${ran.length}`);
      if (dialect === 'sqlite') {
        expect(await planOf(tdb.db, page)).toMatch(new RegExp(`^SEARCH l USING COVERING INDEX ${index} \\(`));
        expect(await planOf(tdb.db, page)).not.toMatch(/TEMP B-TREE/);
        expect(await planOf(tdb.db, count)).toMatch(new RegExp(`COVERING INDEX ${index}`));
        continue;
      }
      // A test table this small is cheaper to scan: ask the planner what it does when it may not.
      await tdb.db.kysely.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        expect(await planOf(tdb.db, page, trx)).toMatch(new RegExp(`Index Only Scan Backward using ${index}`));
        expect(await planOf(tdb.db, page, trx)).not.toMatch(/\bSort\b/);
        expect(await planOf(tdb.db, count, trx)).toMatch(new RegExp(`Index Only Scan using ${index}`));
      });
    }
  });

  it('fills the copies of stories written before the migration, and can be undone', async () => {
    const migrator = new Migrator({ db: tdb.db.kysely, provider: { getMigrations: () => Promise.resolve(migrations) } });
    const names = Object.keys(migrations);
    const later = names.slice(names.indexOf(MIGRATION));
    expect(later[0]).toBe(MIGRATION);
    const down = await migrator.migrateTo(names[names.indexOf(MIGRATION) - 1] ?? '');
    expect(down.error).toBeUndefined();
    await expect(sql`select public_from from article_tags`.execute(tdb.db.kysely)).rejects.toThrow();
    // Written with no triggers and no copies.
    await write({ sectionId: world.id, publishedAt: new Date(clock.getTime() - 30 * 60_000).toISOString(), tags: ['Harbours'], authorIds: [ana.id] });
    expect(await migrateToLatest(tdb.db.kysely)).toEqual(later);
    expect(await staleRows()).toBe(0);
    await expectListsTrue();
  });
});
