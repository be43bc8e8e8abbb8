/**
 * The demo newsroom as machines and slow connections meet it, on every database. The lite
 * edition: every page text only (no script, image, stylesheet or font), under 15 KB, valid
 * HTML5, with a canonical link to the full page, and linked both ways. Structured data on
 * every story: a NewsArticle (OpinionNewsArticle for opinion) with headline, image, dates,
 * authors, section and a publisher with a logo, and a BreadcrumbList matching the page.
 */
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/seed-demo.js';
import type { TestApp } from '../helpers/app.js';
import { TEST_ORIGIN, startTestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';

const LIMIT = 15 * 1024;

type Ld = Record<string, unknown> & { '@type': string };

describe.each(DIALECTS)('lite edition and structured data on %s', (dialect) => {
  let t: TestApp;
  let articlePaths: string[];
  let stories: Array<{ path: string; label: string; headline: string; language: string }>;

  const get = (url: string) => t.app.server.inject({ method: 'GET', url });

  function expectTextOnly(html: string, path: string) {
    expect(Buffer.byteLength(html), `${path} size`).toBeLessThan(LIMIT);
    for (const forbidden of [/<script/i, /<img/i, /<picture/i, /<iframe/i, /<svg/i, /<video/i, /<style/i, /rel="stylesheet"/i, /@font-face/i]) expect(html, `${path} ${String(forbidden)}`).not.toMatch(forbidden);
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await seedDemo({ db: t.app.db, media: t.app.media, events: t.app.events });
    const rows = await t.app.db.kysely.selectFrom('articles').select(['section_id', 'slug', 'label', 'headline', 'language']).execute();
    const trees = { en: await t.app.reading.sectionTree('en'), es: await t.app.reading.sectionTree('es') };
    stories = rows.map((r) => ({ path: t.app.reading.articleUrl(r.language === 'es' ? trees.es : trees.en, { sectionId: r.section_id, slug: r.slug }), label: r.label, headline: r.headline, language: r.language }));
    articlePaths = stories.map((s) => s.path);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('serves every demo story as text under 15 KB, with a canonical link to the full story', async () => {
    expect(articlePaths.length).toBeGreaterThanOrEqual(40);
    for (const path of articlePaths) {
      const res = await get(`/lite${path}`);
      expect(res.statusCode, path).toBe(200);
      expectTextOnly(res.body, path);
      expect(res.body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}${path}"/>`);
      expect(res.body).toMatch(new RegExp(`<a href="${path}">[^<]+</a>`));
      if (!path.startsWith('/es/')) expect(res.body).toContain(`<a href="${path}">Full version of this page</a>`);
    }
  });

  it('keeps the story: headline, byline, body text, and pictures as their captions', async () => {
    const path = articlePaths.find((p) => p.includes('un-mission-urges-armed-groups')) ?? '';
    const full = await get(path);
    const lite = await get(`/lite${path}`);
    const headline = /<h1 id="headline">([^<]+)<\/h1>/.exec(full.body)?.[1] ?? 'missing';
    expect(lite.body).toContain(`<h1>${headline}</h1>`);
    const firstParagraph = /<div class="article-body"><p>([^<]{40,})/.exec(full.body)?.[1] ?? 'missing';
    expect(lite.body).toContain(firstParagraph);
    expect(lite.body).toMatch(/By [A-Z]/);
    // The full page links to the lite one.
    expect(full.body).toContain(`href="/lite${path}"`);
  });

  it('has a home and section pages that link within the lite edition', async () => {
    const home = await get('/lite');
    expect(home.statusCode).toBe(200);
    expectTextOnly(home.body, '/lite');
    expect(home.body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/"/>`);
    expect(home.body).toMatch(/<a href="\/lite\/news\/[^"]+">/);
    const section = await get('/lite/news/middle-east-africa/libya');
    expect(section.statusCode).toBe(200);
    expectTextOnly(section.body, 'section');
    expect(section.body).toContain('<h1>Libya</h1>');
    expect((await get('/lite/no/such/page')).statusCode).toBe(404);
  });

  it('serves valid HTML5', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:document'] });
    for (const path of ['/lite', '/lite/news', ...articlePaths.slice(0, 5).map((p) => `/lite${p}`)]) {
      const report = await validator.validateString((await get(path)).body);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`));
      expect(messages, path).toEqual([]);
    }
  });

  it('describes every story completely', async () => {
    expect(stories.some((s) => s.label === 'opinion')).toBe(true);
    for (const story of stories) {
      const html = (await t.app.server.inject({ method: 'GET', url: story.path })).body;
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}') as Ld);
      // The demo's live blog (src/seed/demo/live-blog.ts) is a LiveBlogPosting.
      const article = blocks.find((b) => b['@type'].endsWith('NewsArticle') || b['@type'] === 'LiveBlogPosting');
      expect(article, story.path).toBeDefined();
      if (!article) continue;
      expect(article['@type'], story.path).toBe(story.headline.startsWith('First aid convoy in weeks') ? 'LiveBlogPosting' : story.label === 'opinion' ? 'OpinionNewsArticle' : story.label === 'analysis' ? 'AnalysisNewsArticle' : 'NewsArticle');
      expect(article.url).toBe(`${TEST_ORIGIN}${story.path}`);
      expect(article.inLanguage, story.path).toBe(story.language);
      expect(typeof article.headline === 'string' && article.headline.length > 0 && article.headline.length <= 110).toBe(true);
      expect((article.image as string[])[0]).toMatch(new RegExp(`^${TEST_ORIGIN}/media/`));
      expect(Date.parse(String(article.datePublished))).toBeLessThanOrEqual(Date.parse(String(article.dateModified)));
      expect((article.author as Array<{ name: string }>).length).toBeGreaterThan(0);
      const publisher = article.publisher as { name: string; logo: { url: string } };
      expect(publisher.name).toBe('Newsdesk Network');
      expect(publisher.logo.url).toMatch(/^https:\/\//);
      expect((article.articleSection as string[]).length).toBeGreaterThan(0);

      const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList');
      const items = (crumbs?.itemListElement ?? []) as Array<{ position: number; name: string; item: string }>;
      expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
      expect(items.map((i) => i.name)).toEqual(article.articleSection);
      for (const item of items) expect(story.path.startsWith(item.item.replace(TEST_ORIGIN, ''))).toBe(true);
    }
  });
});
