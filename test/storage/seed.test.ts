/** The demo newsroom a newcomer meets on first start, checked on every database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentEvents } from '../../src/core/events.js';
import { parseDocument, referencedArticleIds, referencedMediaIds, wordCount } from '../../src/core/richtext.js';
import { buildSectionTree } from '../../src/core/sections.js';
import { LocalDiskMediaStore } from '../../src/media/store.js';
import { demoArticles, demoArticlesEs, seedDemo } from '../../src/seed/seed-demo.js';
import { TranslationRepository } from '../../src/storage/repositories/translations.js';
import { SectionRepository } from '../../src/storage/repositories/catalog.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';

describe.each(DIALECTS)('demo newsroom on %s', (dialect) => {
  let tdb: TestDatabase;
  const media = () => new LocalDiskMediaStore(`${tdb.dataDir}/media`);

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const result = await seedDemo({ db: tdb.db, media: media(), events: new ContentEvents() });
    expect(result).toEqual({ seeded: true, articles: demoArticles.length + demoArticlesEs.length });
  });

  afterAll(async () => {
    await tdb?.drop();
  });

  it('has living comment threads whose maintained counts match, and work for the moderators', async () => {
    const k = tdb.db.kysely;
    const articles = await k.selectFrom('articles').select(['id', 'slug', 'comment_count']).execute();
    const visible = await k.selectFrom('comments').select(['article_id', 'id', 'root_id', 'depth', 'reply_count']).where('status', '=', 'approved').execute();
    for (const a of articles) expect(a.comment_count).toBe(visible.filter((c) => c.article_id === a.id).length);
    for (const root of visible.filter((c) => c.depth === 0)) expect(root.reply_count).toBe(visible.filter((c) => c.root_id === root.id && c.depth > 0).length);
    expect(visible.length).toBeGreaterThanOrEqual(10);
    // The seed article of the brief keeps its empty state.
    expect(articles.find((a) => a.slug.startsWith('un-mission-urges-armed-groups'))?.comment_count).toBe(0);
    // One Editor's pick in each edition.
    expect(await k.selectFrom('comments').select('id').where('featured', '=', 1).execute()).toHaveLength(2);
    expect(await k.selectFrom('comments').select('id').where('status', '=', 'pending').execute()).toHaveLength(1);
    expect(await k.selectFrom('comment_reports').select('id').execute()).toHaveLength(1);
  });

  it('has at least 40 published articles, each complete', async () => {
    const rows = await tdb.db.kysely.selectFrom('articles').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const authors = await tdb.db.kysely.selectFrom('article_authors').select(['article_id']).execute();
    const tags = await tdb.db.kysely.selectFrom('article_tags').select(['article_id']).execute();
    for (const row of rows) {
      expect(row.status).toBe('published');
      expect(row.headline.length).toBeGreaterThan(10);
      expect(row.standfirst.length).toBeGreaterThan(20);
      expect(row.lead_media_id).not.toBeNull();
      expect(authors.some((a) => a.article_id === row.id)).toBe(true);
      expect(tags.some((a) => a.article_id === row.id)).toBe(true);
      const body = parseDocument(JSON.parse(row.body));
      expect(wordCount(body)).toBeGreaterThan(250);
      expect(body.content.some((b) => b.type === 'heading')).toBe(true);
    }
    expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.label)).size).toBeGreaterThanOrEqual(4);
  });

  it('has a section tree at least two levels deep with stories in every section', async () => {
    const tree = buildSectionTree(await new SectionRepository(tdb.db.kysely).all('en'));
    expect(tree.path(tree.findByPath(['news', 'middle-east-africa', 'libya'])?.id ?? -1)).toBe('/news/middle-east-africa/libya');
    expect(tree.findByPath(['news', 'latin-america'])).toBeDefined();
    for (const name of ['opinion', 'analysis']) expect(tree.findByPath([name])).toBeDefined();
    const counts = await tdb.db.kysely.selectFrom('articles').select(['section_id']).execute();
    for (const section of tree.byId.values()) expect(counts.some((c) => c.section_id === section.id)).toBe(true);
  });

  it('has a Spanish edition with its own tree, and its versions of English stories linked both ways', async () => {
    const k = tdb.db.kysely;
    const tree = buildSectionTree(await new SectionRepository(k).all('es'), '/es');
    expect(tree.path(tree.findByPath(['noticias', 'oriente-medio-africa', 'libia'])?.id ?? -1)).toBe('/es/noticias/oriente-medio-africa/libia');
    const rows = await k.selectFrom('articles').select(['id', 'slug', 'language', 'section_id', 'comment_count']).execute();
    const spanish = rows.filter((r) => r.language === 'es');
    expect(spanish).toHaveLength(demoArticlesEs.length);
    for (const r of spanish) expect(tree.byId.has(r.section_id)).toBe(true);
    // Slugs are transliterated: no accents or ñ survive.
    for (const r of spanish) expect(r.slug).toMatch(/^[a-z0-9-]+$/);
    const translations = new TranslationRepository(k);
    const seedStory = rows.find((r) => r.slug.startsWith('un-mission-urges-armed-groups'));
    const others = await translations.othersOf(seedStory?.id ?? -1);
    expect(others.map((o) => o.language)).toEqual(['es']);
    expect((await translations.othersOf(others[0]?.id ?? -1)).map((o) => o.id)).toEqual([seedStory?.id]);
    expect(rows.find((r) => r.id === others[0]?.id)?.comment_count).toBe(0);
    const linked = demoArticlesEs.filter((a) => a.translationOf !== undefined).length;
    expect(await k.selectFrom('article_translations').select('article_id').execute()).toHaveLength(linked * 2);
  });

  it('resolves every RELATED block and inline figure to real rows', async () => {
    const rows = await tdb.db.kysely.selectFrom('articles').select(['id', 'body']).execute();
    const ids = new Set(rows.map((r) => r.id));
    const mediaIds = new Set((await tdb.db.kysely.selectFrom('media').select('id').execute()).map((m) => m.id));
    let relatedBlocks = 0;
    for (const row of rows) {
      const body = parseDocument(JSON.parse(row.body));
      for (const id of referencedArticleIds(body)) {
        relatedBlocks++;
        expect(ids.has(id)).toBe(true);
        expect(id).not.toBe(row.id);
      }
      for (const id of referencedMediaIds(body)) expect(mediaIds.has(id)).toBe(true);
    }
    expect(relatedBlocks).toBeGreaterThanOrEqual(10);
  });

  it('stores the lead illustrations so they can be served', async () => {
    const rows = await tdb.db.kysely.selectFrom('media').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const row of rows.slice(0, 5)) {
      const bytes = await media().get(row.key);
      expect(bytes?.subarray(0, 3).toString('hex')).toBe('ffd8ff');
      expect(row.alt.length).toBeGreaterThan(10);
      expect(row.credit).toMatch(/\S/);
    }
  });

  it('does not seed twice', async () => {
    expect(await seedDemo({ db: tdb.db, media: media(), events: new ContentEvents() })).toEqual({ seeded: false, articles: 0 });
  });
});
