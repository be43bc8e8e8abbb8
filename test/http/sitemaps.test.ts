/**
 * Sitemaps and robots.txt over HTTP, on every database, read the way a search engine reads
 * them: every document parsed (and so well-formed), the protocol's rules checked (namespaces,
 * limits, absolute and escaped URLs, W3C dates), and what is listed compared with what is
 * public: each month's stories, the last 48 hours for Google News, never a private story.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { MediaAsset } from '../../src/core/media.js';
import type { Section } from '../../src/core/sections.js';
import { PageCache } from '../../src/http/page-cache.js';
import { updateArticle } from '../../src/services/publishing.js';
import type { ArticleInput } from '../../src/services/publishing.js';
import { PAGE_SIZE } from '../../src/services/reading.js';
import type { SitemapLimits } from '../../src/services/sitemaps.js';
import { registerSitemapRoutes } from '../../src/site/sitemaps/routes.js';
import { renderUrlset } from '../../src/site/sitemaps/xml.js';
import { startTestApp, TEST_ORIGIN } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';
const MAX_URLS = 50_000;
const MAX_BYTES = 50 * 1024 * 1024;
/** W3C Datetime (https://www.w3.org/TR/NOTE-datetime), with a time and so a zone. */
const W3C_DATETIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const HOUR = 3_600_000;
const SITE_NAME = 'Newsdesk Network';

interface XmlImage {
  'image:loc': string;
  'image:caption'?: string;
  'image:title'?: string;
}
interface XmlUrl {
  loc: string;
  lastmod?: string;
  'image:image'?: XmlImage[];
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}
interface XmlDoc {
  urlset?: { '@xmlns'?: string; '@xmlns:news'?: string; '@xmlns:image'?: string; url?: XmlUrl[] };
  sitemapindex?: { '@xmlns'?: string; sitemap?: { loc: string; lastmod?: string }[] };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name) });
/** Parses and validates well-formedness (throws on broken XML). */
const parse = (xml: string): XmlDoc => parser.parse(xml, true) as XmlDoc;

/** The later of the row's last write and its publication: the page's last change. */
const lastmodOf = (a: Article): string => new Date(Math.max(Date.parse(a.updatedAt), Date.parse(a.publishedAt ?? a.updatedAt))).toISOString();
const newestOf = (dates: readonly string[]): string | undefined => [...dates].sort().at(-1);
/** The file name of an English-edition sitemap URL (Spanish ones live under /es/sitemaps/). */
const fileName = (url: string) => (url.startsWith(`${TEST_ORIGIN}/sitemaps/`) ? url.slice(`${TEST_ORIGIN}/sitemaps/`.length) : url);

/** RFC 9309 matching for one group: the longest matching rule wins, Allow on a tie. */
function robotsAllows(rules: readonly { allow: boolean; path: string }[], path: string): boolean {
  // `*` is any run of characters, a final `$` anchors the end; everything else is literal.
  const toRegExp = (rule: string) => new RegExp('^' + rule.split('*').map((p) => p.replace(/[.+?^{}()|[\]\\]/g, '\\$&')).join('.*'));
  let best: { allow: boolean; length: number } | undefined;
  for (const r of rules) {
    if (!toRegExp(r.path).test(path)) continue;
    if (!best || r.path.length > best.length || (r.path.length === best.length && r.allow)) best = { allow: r.allow, length: r.path.length };
  }
  return best?.allow ?? true;
}

describe.each(DIALECTS)('sitemaps and robots.txt on %s', (dialect) => {
  let t: TestApp;
  const T = new Date(Math.floor(Date.now() / 1000) * 1000);
  const clock = T;
  let world: Section;
  let opinion: Section;
  let photo: MediaAsset;
  let fresh: Article;
  let spanish: Article;
  let dayOld: Article;
  let stale: Article;
  /** Every story a reader can see, as it stands now. */
  const visible = new Map<number, Article>();
  /** Stories that must never be listed. */
  const hidden: Article[] = [];
  const extraServers: FastifyInstance[] = [];

  const get = (url: string, headers: Record<string, string> = {}) => t.app.server.inject({ method: 'GET', url, headers });
  const urlOf = async (a: Article) => TEST_ORIGIN + t.app.reading.articleUrl(await t.app.reading.sectionTree('en'), a);
  const publish = async (input: Partial<ArticleInput> & { sectionId: number }) => {
    const a = await t.make.article(input);
    visible.set(a.id, a);
    return a;
  };

  /** A sitemap file as a crawler gets it: 200, XML, well-formed, within the protocol's rules. */
  async function fetchUrlset(url: string, app: FastifyInstance = t.app.server): Promise<{ body: string; urls: XmlUrl[]; doc: NonNullable<XmlDoc['urlset']> }> {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = parse(res.body).urlset;
    expect(doc, url).toBeDefined();
    if (!doc) throw new Error(`${url} is not a urlset`);
    expect(doc['@xmlns']).toBe(SITEMAP_NS);
    const urls = doc.url ?? [];
    expect(urls.length).toBeLessThanOrEqual(MAX_URLS);
    expect(Buffer.byteLength(res.body)).toBeLessThan(MAX_BYTES);
    for (const u of urls) {
      // Absolute, on this site, already in canonical form (escaping is the XML's job), < 2,048 characters.
      expect(u.loc.startsWith(`${TEST_ORIGIN}/`), u.loc).toBe(true);
      expect(new URL(u.loc).href).toBe(u.loc);
      expect(u.loc.length).toBeLessThan(2048);
      if (u.lastmod !== undefined) expect(u.lastmod).toMatch(W3C_DATETIME);
      for (const image of u['image:image'] ?? []) {
        expect(doc['@xmlns:image']).toBe(IMAGE_NS);
        expect(image['image:loc'].startsWith(`${TEST_ORIGIN}/media/`)).toBe(true);
      }
      if (u['news:news']) expect(doc['@xmlns:news']).toBe(NEWS_NS);
    }
    return { body: res.body, urls, doc };
  }

  async function fetchIndex(app: FastifyInstance = t.app.server): Promise<{ loc: string; lastmod?: string }[]> {
    const res = await app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const doc = parse(res.body).sitemapindex;
    expect(doc?.['@xmlns']).toBe(SITEMAP_NS);
    const files = doc?.sitemap ?? [];
    expect(files.length).toBeLessThanOrEqual(MAX_URLS);
    expect(Buffer.byteLength(res.body)).toBeLessThan(MAX_BYTES);
    for (const f of files) {
      expect(f.loc).toMatch(new RegExp(`^${TEST_ORIGIN.replace(/\./g, '\\.')}(/es)?/sitemaps/[a-z0-9-]+\\.xml$`));
      if (f.lastmod !== undefined) expect(f.lastmod).toMatch(W3C_DATETIME);
    }
    return files;
  }

  /** Every URL listed anywhere, by following the index like a crawler. */
  async function everyListedUrl(): Promise<string[]> {
    const out: string[] = [];
    for (const f of await fetchIndex()) out.push(...(await fetchUrlset(new URL(f.loc).pathname)).urls.map((u) => u.loc));
    return out;
  }

  /** A second server with the same data but its own clock and limits (and no caching). */
  function serverWith(opts: { now?: () => Date; limits?: Partial<SitemapLimits> }): FastifyInstance {
    const app = Fastify();
    registerSitemapRoutes(app, {
      db: t.app.db,
      reading: t.app.reading,
      cache: new PageCache({ ttlSeconds: 0, maxEntries: 0 }),
      events: t.app.events,
      editions: t.app.editions,
      options: { origin: TEST_ORIGIN, siteName: SITE_NAME, tagline: '', timeZone: 'UTC', feedFullText: false },
      now: opts.now ?? (() => clock),
      ...(opts.limits ? { limits: opts.limits } : {}),
    });
    extraServers.push(app);
    return app;
  }

  const publicByMonth = () => {
    const months = new Map<string, Article[]>();
    for (const a of visible.values()) {
      const m = (a.publishedAt ?? '').slice(0, 7);
      months.set(m, [...(months.get(m) ?? []), a]);
    }
    return months;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, {}, { now: () => clock });
    const news = await t.make.section({ slug: 'news', name: 'News' });
    world = await t.make.section({ slug: 'world', name: 'World', parentId: news.id });
    opinion = await t.make.section({ slug: 'opinion', name: 'Opinion' });
    await t.make.section({ slug: 'accounting', name: 'Accounting' });
    const ana = await t.make.author({ slug: 'ana-ruiz', name: 'Ana Ruiz' });
    const ghost = await t.make.author({ slug: 'ghost-writer', name: 'Ghost Writer' });
    photo = await t.make.image({ caption: 'Boats & nets <moored> in "Tripoli" — it\'s calm', alt: 'Fishing boats & nets', width: 1600, height: 900 });

    fresh = await publish({ sectionId: world.id, headline: 'Rivals & allies <meet> in "Tripoli" — it\'s a truce', publishedAt: new Date(T.getTime() - 2 * HOUR).toISOString(), leadMediaId: photo.id, authorIds: [ana.id], tags: ['Ceasefire'] });
    dayOld = await publish({ sectionId: opinion.id, headline: 'A day and most of another', publishedAt: new Date(T.getTime() - 47 * HOUR).toISOString() });
    stale = await publish({ sectionId: world.id, headline: 'Forty-nine hours old', publishedAt: new Date(T.getTime() - 49 * HOUR).toISOString() });
    // Months with gaps, and both sides of a UTC month boundary.
    await publish({ sectionId: world.id, publishedAt: '2019-11-10T08:00:00.000Z' });
    await publish({ sectionId: opinion.id, publishedAt: '2019-11-30T23:59:59.999Z' });
    await publish({ sectionId: world.id, publishedAt: '2019-12-01T00:00:00.000Z' });
    await publish({ sectionId: world.id, publishedAt: '2019-09-05T12:00:00.000Z' });

    hidden.push(await t.make.article({ sectionId: world.id, headline: 'A draft with a secret tag', status: 'draft', publishedAt: null, tags: ['Secret plans'], authorIds: [ghost.id] }));
    hidden.push(await t.make.article({ sectionId: world.id, headline: 'Scheduled for later', status: 'scheduled', publishedAt: null }));
    hidden.push(await t.make.article({ sectionId: world.id, headline: 'Embargoed until this evening', publishedAt: new Date(T.getTime() + 3 * HOUR).toISOString() }));
    const mundo = await t.make.section({ slug: 'mundo', name: 'Mundo', language: 'es' });
    spanish = await t.make.article({ sectionId: mundo.id, headline: 'Una historia en español', language: 'es', publishedAt: new Date(T.getTime() - HOUR).toISOString() });
    const pulled = await t.make.article({ sectionId: world.id, headline: 'Pulled after publication', publishedAt: new Date(T.getTime() - 3 * HOUR).toISOString() });
    hidden.push(await updateArticle({ db: t.tdb.db, events: t.app.events, now: () => clock }, pulled.id, { sectionId: world.id, headline: pulled.headline, body: pulled.body, status: 'draft', publishedAt: pulled.publishedAt }));
  });

  afterAll(async () => {
    for (const s of extraServers) await s.close();
    await t?.close();
  });

  it('indexes the pages, the news sitemap and exactly the months that have stories', async () => {
    const all = await fetchIndex();
    const files = all.filter((f) => f.loc.startsWith(`${TEST_ORIGIN}/sitemaps/`));
    // The Spanish edition's files sit in the same index, under its prefix.
    const month = (spanish.publishedAt ?? '').slice(0, 7);
    expect(all.map((f) => f.loc).filter((l) => !files.some((f) => f.loc === l))).toEqual(['pages.xml', 'news.xml', `articles-${month}.xml`].map((n) => `${TEST_ORIGIN}/es/sitemaps/${n}`));
    const names = files.map((f) => fileName(f.loc));
    const months = publicByMonth();
    expect(new Set(names)).toEqual(new Set(['pages.xml', 'news.xml', ...[...months.keys()].map((m) => `articles-${m}.xml`)]));
    expect(names).toHaveLength(2 + months.size);
    expect(names).not.toContain('articles-2019-10.xml');
    // Each month's lastmod is the newest lastmod inside it.
    for (const [month, stories] of months) {
      expect(files.find((f) => fileName(f.loc) === `articles-${month}.xml`)?.lastmod).toBe(newestOf(stories.map(lastmodOf)));
    }
    expect(files.find((f) => fileName(f.loc) === 'news.xml')?.lastmod).toBe(newestOf([fresh, dayOld].map(lastmodOf)));
    expect(files.find((f) => fileName(f.loc) === 'pages.xml')?.lastmod).toBe(newestOf([...visible.values()].map(lastmodOf)));
  });

  it("lists exactly each month's public stories, at their canonical URLs, with their lastmod", async () => {
    for (const [month, stories] of publicByMonth()) {
      const { urls, doc } = await fetchUrlset(`/sitemaps/articles-${month}.xml`);
      expect(doc['@xmlns:image']).toBe(IMAGE_NS);
      const expected = new Map(await Promise.all(stories.map(async (a) => [await urlOf(a), lastmodOf(a)] as const)));
      expect(new Map(urls.map((u) => [u.loc, u.lastmod]))).toEqual(expected);
      expect(urls).toHaveLength(stories.length);
    }
    // Every listed URL is the page's own canonical URL and answers 200.
    const loc = await urlOf(fresh);
    const page = await get(new URL(loc).pathname);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<link rel="canonical" href="${loc}"/>`);
  });

  it('lists the lead image as an absolute JPEG rendition, caption and title escaped', async () => {
    const month = (fresh.publishedAt ?? '').slice(0, 7);
    const { body, urls } = await fetchUrlset(`/sitemaps/articles-${month}.xml`);
    const withImage = urls.filter((u) => u['image:image']);
    expect(withImage.map((u) => u.loc)).toEqual([await urlOf(fresh)]);
    const image = withImage[0]?.['image:image']?.[0];
    expect(image?.['image:loc']).toBe(`${TEST_ORIGIN}/media/${photo.key}/1024.jpeg`);
    expect(image?.['image:caption']).toBe('Boats & nets <moored> in "Tripoli" — it\'s calm');
    expect(image?.['image:title']).toBe('Fishing boats & nets');
    expect(body).toContain('Boats &amp; nets &lt;moored&gt;');
    expect(body).not.toContain('<moored>');
    // The image URL works.
    const jpeg = await get(new URL(image?.['image:loc'] ?? TEST_ORIGIN).pathname);
    expect(jpeg.statusCode).toBe(200);
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
  });

  it('lists the last 48 hours in the Google News sitemap, with publication, language, date and an escaped title', async () => {
    const { body, urls, doc } = await fetchUrlset('/sitemaps/news.xml');
    expect(doc['@xmlns:news']).toBe(NEWS_NS);
    expect(doc['@xmlns:image']).toBe(IMAGE_NS);
    // Newest first; the story 49 hours old is gone, the one 47 hours old is still there.
    expect(urls.map((u) => u.loc)).toEqual([await urlOf(fresh), await urlOf(dayOld)]);
    expect(urls.map((u) => u.loc)).not.toContain(await urlOf(stale));
    const news = urls[0]?.['news:news'];
    expect(news?.['news:publication']).toEqual({ 'news:name': SITE_NAME, 'news:language': 'en' });
    expect(news?.['news:publication_date']).toBe(fresh.publishedAt);
    expect(news?.['news:publication_date']).toMatch(W3C_DATETIME);
    expect(news?.['news:title']).toBe('Rivals & allies <meet> in "Tripoli" — it\'s a truce');
    expect(body).toContain('<news:title>Rivals &amp; allies &lt;meet&gt; in');
    expect(body).not.toContain('<meet>');
    expect(urls[0]?.['image:image']?.[0]?.['image:loc']).toBe(`${TEST_ORIGIN}/media/${photo.key}/1024.jpeg`);
    for (const u of urls) expect(u.lastmod).toBeDefined();
  });

  it('lists the home page, every section, and the tags and authors that have public stories', async () => {
    const { urls } = await fetchUrlset('/sitemaps/pages.xml');
    const locs = urls.map((u) => u.loc);
    expect(locs).toEqual(expect.arrayContaining([`${TEST_ORIGIN}/`, `${TEST_ORIGIN}/live`, `${TEST_ORIGIN}/schedule`, `${TEST_ORIGIN}/news`, `${TEST_ORIGIN}/news/world`, `${TEST_ORIGIN}/opinion`, `${TEST_ORIGIN}/tag/ceasefire`, `${TEST_ORIGIN}/author/ana-ruiz`]));
    expect(locs).not.toContain(`${TEST_ORIGIN}/tag/secret-plans`);
    expect(locs).not.toContain(`${TEST_ORIGIN}/author/ghost-writer`);
    expect(new Set(locs).size).toBe(locs.length);
    // A section's lastmod covers the sections below it; a tag's, its stories.
    const lastmod = (loc: string) => urls.find((u) => u.loc === `${TEST_ORIGIN}${loc}`)?.lastmod;
    const inWorld = [...visible.values()].filter((a) => a.sectionId === world.id);
    expect(lastmod('/news')).toBe(newestOf(inWorld.map(lastmodOf)));
    expect(lastmod('/opinion')).toBe(newestOf([...visible.values()].filter((a) => a.sectionId === opinion.id).map(lastmodOf)));
    expect(lastmod('/tag/ceasefire')).toBe(lastmodOf(fresh));
    expect(lastmod('/accounting')).toBeUndefined();
    // Every page listed answers 200.
    for (const loc of locs) expect((await get(new URL(loc).pathname)).statusCode, loc).toBe(200);
  });

  it('counts the list pages for the index exactly: one pages file while they fit, two past the limit', async () => {
    // The index counts list pages (tags and authors with public stories) without listing
    // them; the count must match pages.xml, or a file is missing or empty.
    const { urls } = await fetchUrlset('/sitemaps/pages.xml');
    const pagesFiles = async (urlsPerFile: number) => (await fetchIndex(serverWith({ limits: { urlsPerFile } }))).map((f) => fileName(f.loc)).filter((n) => n.startsWith('pages'));
    expect(await pagesFiles(urls.length)).toEqual(['pages.xml']);
    expect(await pagesFiles(urls.length - 1)).toEqual(['pages.xml', 'pages-2.xml']);
    expect((await fetchUrlset('/sitemaps/pages-2.xml', serverWith({ limits: { urlsPerFile: urls.length - 1 } }))).urls).toHaveLength(1);
  });

  it('never lists drafts, scheduled, embargoed or unpublished stories, and lists each edition in its own files', async () => {
    const listed = new Set(await everyListedUrl());
    for (const a of hidden) {
      expect(listed.has(TEST_ORIGIN + t.app.reading.articleUrl(await t.app.reading.sectionTree('en'), a)), a.headline).toBe(false);
    }
    const spanishUrl = `${TEST_ORIGIN}/es/mundo/${spanish.slug}`;
    expect(listed.has(spanishUrl)).toBe(true);
    expect((await fetchUrlset(`/sitemaps/articles-${(spanish.publishedAt ?? '').slice(0, 7)}.xml`)).urls.map((u) => u.loc)).not.toContain(spanishUrl);
    const news = await fetchUrlset('/es/sitemaps/news.xml');
    expect(news.urls.map((u) => u.loc)).toEqual([spanishUrl]);
    expect(news.body).toContain('<news:language>es</news:language>');
    // Everything public is listed.
    for (const a of visible.values()) expect(listed.has(await urlOf(a)), a.headline).toBe(true);
  });

  it('lists an embargoed story once its time has come, and empties the news sitemap after 48 quiet hours', async () => {
    const later = serverWith({ now: () => new Date(T.getTime() + 30 * 24 * HOUR) });
    const embargoed = hidden.find((a) => a.headline.startsWith('Embargoed'));
    if (!embargoed) throw new Error('no embargoed story');
    const { urls } = await fetchUrlset(`/sitemaps/articles-${(embargoed.publishedAt ?? '').slice(0, 7)}.xml`, later);
    const loc = await urlOf(embargoed);
    // Written before its time, it changed when it went public: lastmod is the publication time.
    expect(urls.find((u) => u.loc === loc)?.lastmod).toBe(embargoed.publishedAt);
    const news = await fetchUrlset('/sitemaps/news.xml', later);
    expect(news.urls).toHaveLength(0);
    expect(news.doc['@xmlns:news']).toBe(NEWS_NS);
    const index = await fetchIndex(later);
    expect(index.find((f) => fileName(f.loc) === 'news.xml')).toEqual({ loc: `${TEST_ORIGIN}/sitemaps/news.xml` });
  });

  it('splits a month past the per-file URL limit, each part with its own lastmod', async () => {
    const may: Article[] = [];
    for (let day = 1; day <= 5; day++) may.push(await publish({ sectionId: world.id, publishedAt: `2017-05-0${day}T09:00:00.000Z` }));
    const small = serverWith({ limits: { urlsPerFile: 2, newsUrlsPerFile: 1 } });
    const files = await fetchIndex(small);
    const names = files.map((f) => fileName(f.loc));
    expect(names.filter((n) => n.startsWith('articles-2017-05'))).toEqual(['articles-2017-05.xml', 'articles-2017-05-2.xml', 'articles-2017-05-3.xml']);
    expect(names).toEqual(expect.arrayContaining(['news.xml', 'news-2.xml', 'pages.xml', 'pages-2.xml']));
    const parts = await Promise.all(['articles-2017-05.xml', 'articles-2017-05-2.xml', 'articles-2017-05-3.xml'].map((n) => fetchUrlset(`/sitemaps/${n}`, small)));
    expect(parts.map((p) => p.urls.length)).toEqual([2, 2, 1]);
    // Publication order, each story once.
    expect(parts.flatMap((p) => p.urls.map((u) => u.loc))).toEqual(await Promise.all(may.map(urlOf)));
    for (const [i, p] of parts.entries()) {
      expect(files.find((f) => fileName(f.loc) === names.filter((n) => n.startsWith('articles-2017-05'))[i])?.lastmod).toBe(newestOf(p.urls.map((u) => u.lastmod ?? '')));
    }
    // Every file respects the lowered limit; part names past the end, or "-1", are not files.
    for (const f of files) expect((await fetchUrlset(new URL(f.loc).pathname, small)).urls.length).toBeLessThanOrEqual(2);
    expect((await small.inject({ method: 'GET', url: '/sitemaps/articles-2017-05-4.xml' })).statusCode).toBe(404);
    expect((await small.inject({ method: 'GET', url: '/sitemaps/articles-2017-05-1.xml' })).statusCode).toBe(404);
  });

  it('measures every file: past the byte limit it drops image captions, never URLs', async () => {
    const month = (fresh.publishedAt ?? '').slice(0, 7);
    const full = await fetchUrlset(`/sitemaps/articles-${month}.xml`);
    const limit = Buffer.byteLength(full.body) - 1;
    const tight = await fetchUrlset(`/sitemaps/articles-${month}.xml`, serverWith({ limits: { bytesPerFile: limit } }));
    expect(Buffer.byteLength(tight.body)).toBeLessThanOrEqual(limit);
    expect(tight.urls.map((u) => u.loc)).toEqual(full.urls.map((u) => u.loc));
    expect(tight.body).toContain(`<image:loc>${TEST_ORIGIN}/media/${photo.key}/1024.jpeg</image:loc>`);
    expect(tight.body).not.toContain('image:caption');
    // A limit nothing fits in is an error, not a truncated sitemap.
    expect((await serverWith({ limits: { bytesPerFile: 100 } }).inject({ method: 'GET', url: `/sitemaps/articles-${month}.xml` })).statusCode).toBe(500);
  });

  it('answers 404 for sitemap files that do not exist', async () => {
    for (const url of ['/sitemaps/articles-2019-10.xml', '/sitemaps/articles-2019-13.xml', '/sitemaps/articles-2019-11-2.xml', '/sitemaps/pages-2.xml', '/sitemaps/news-2.xml', '/sitemaps/other.xml', '/sitemaps/pages.xml.gz']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
  });

  it('serves sitemaps from the page cache with ETag, 304 and compression', async () => {
    const first = await get('/sitemap.xml');
    const again = await get('/sitemap.xml');
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.body).toBe(first.body);
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    expect(first.headers['last-modified']).toBeDefined();
    expect(first.headers.vary).toBe('Accept-Encoding');
    expect(first.headers['x-robots-tag']).toBe('noindex');
    expect(String(first.headers['cache-control'])).toContain('public');
    expect((await get('/sitemap.xml', { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
    // A browser's first copy is quick gzip; once asked for again, brotli is made and sent.
    const quick = await get('/sitemap.xml', { 'accept-encoding': 'br, gzip' });
    expect(quick.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(quick.rawPayload).toString('utf8')).toBe(first.body);
    await get('/sitemap.xml', { 'accept-encoding': 'br, gzip' });
    await new Promise((resolve) => setImmediate(resolve));
    const br = await get('/sitemap.xml', { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(first.body);
    const gz = await get('/sitemaps/news.xml', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe((await get('/sitemaps/news.xml')).body);
  });

  it('moves lastmod when a story is updated, in its file, the index and the page alike', async () => {
    const story = await publish({ sectionId: opinion.id, headline: 'A story that will be updated', publishedAt: '2018-03-14T10:00:00.000Z' });
    const before = await fetchUrlset('/sitemaps/articles-2018-03.xml');
    expect(before.urls[0]?.lastmod).toBe(lastmodOf(story));
    expect((await get('/sitemaps/articles-2018-03.xml')).headers['x-cache']).toBe('HIT');
    const editedAt = new Date(T.getTime() + 10 * 60_000);
    const updated = await updateArticle({ db: t.tdb.db, events: t.app.events, now: () => editedAt }, story.id, {
      sectionId: opinion.id,
      headline: 'A story that was updated',
      slug: story.slug,
      body: story.body,
      status: 'published',
      publishedAt: story.publishedAt,
      displayUpdatedAt: editedAt.toISOString(),
    });
    visible.set(updated.id, updated);
    const res = await get('/sitemaps/articles-2018-03.xml');
    expect(res.headers['x-cache']).toBe('MISS');
    const after = await fetchUrlset('/sitemaps/articles-2018-03.xml');
    expect(after.urls[0]?.lastmod).toBe(editedAt.toISOString());
    expect((await fetchIndex()).find((f) => fileName(f.loc) === 'articles-2018-03.xml')?.lastmod).toBe(editedAt.toISOString());
    // The same moment the article page itself reports (Last-Modified, whole seconds).
    const page = await get(new URL(await urlOf(updated)).pathname);
    expect(Date.parse(String(page.headers['last-modified']))).toBe(Math.floor(editedAt.getTime() / 1000) * 1000);
  });

  it('drops an unpublished story from the cached sitemaps at once', async () => {
    const story = await publish({ sectionId: world.id, headline: 'A story about to be pulled', publishedAt: new Date(T.getTime() - 5 * HOUR).toISOString() });
    const month = (story.publishedAt ?? '').slice(0, 7);
    const loc = await urlOf(story);
    expect((await fetchUrlset(`/sitemaps/articles-${month}.xml`)).urls.map((u) => u.loc)).toContain(loc);
    expect((await fetchUrlset('/sitemaps/news.xml')).urls.map((u) => u.loc)).toContain(loc);
    expect((await get('/sitemaps/news.xml')).headers['x-cache']).toBe('HIT');
    const lone = await publish({ sectionId: world.id, headline: 'Alone in its month', publishedAt: '2016-02-29T12:00:00.000Z' });
    expect((await fetchIndex()).map((f) => fileName(f.loc))).toContain('articles-2016-02.xml');

    for (const a of [story, lone]) {
      await updateArticle({ db: t.tdb.db, events: t.app.events, now: () => clock }, a.id, { sectionId: a.sectionId, headline: a.headline, slug: a.slug, body: a.body, status: 'draft', publishedAt: a.publishedAt });
      visible.delete(a.id);
    }
    expect((await fetchUrlset(`/sitemaps/articles-${month}.xml`)).urls.map((u) => u.loc)).not.toContain(loc);
    expect((await fetchUrlset('/sitemaps/news.xml')).urls.map((u) => u.loc)).not.toContain(loc);
    // A month left empty leaves the index, and its file is gone.
    expect((await fetchIndex()).map((f) => fileName(f.loc))).not.toContain('articles-2016-02.xml');
    expect((await get('/sitemaps/articles-2016-02.xml')).statusCode).toBe(404);
  });

  it('serves robots.txt: everything readers see, not the newsroom, accounts, previews or comment pages', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toEqual(expect.arrayContaining([`Sitemap: ${TEST_ORIGIN}/sitemap.xml`, `Sitemap: ${TEST_ORIGIN}/sitemaps/news.xml`]));
    const rules = lines.flatMap((l) => {
      const m = /^(Allow|Disallow):\s*(\S*)$/i.exec(l);
      return m?.[1] && m[2] ? [{ allow: m[1].toLowerCase() === 'allow', path: m[2] }] : [];
    });
    for (const path of ['/admin', '/admin/articles', '/account', '/account/signin', '/es/account', '/es/account/signin', '/preview/12?expires=1&sig=x', '/articles/12/comments', '/articles/12/comments?page=2', '/articles/12/comments/fragment', '/comments/7/report', '/comments/unsubscribe']) {
      expect(robotsAllows(rules, path), path).toBe(false);
    }
    const readerPaths = ['/', '/news', '/news/world', new URL(await urlOf(fresh)).pathname, '/accounting', '/administration-news', '/previews', '/es/accounting', '/tag/ceasefire', '/author/ana-ruiz', '/live', `/media/${photo.key}/1024.jpeg`, '/sitemap.xml', '/sitemaps/news.xml', '/assets/site.css'];
    for (const path of readerPaths) expect(robotsAllows(rules, path), path).toBe(true);
    // Both sitemaps named there exist.
    for (const l of lines.filter((x) => x.startsWith('Sitemap: '))) expect((await get(new URL(l.slice('Sitemap: '.length)).pathname)).statusCode).toBe(200);
  });

  it('dates a list page by the stories on its first page: an edit further back leaves it, an edit on it moves it', async () => {
    const desk = await t.make.section({ slug: 'harbour-desk', name: 'Harbour desk' });
    const lena = await t.make.author({ slug: 'lena-port', name: 'Lena Port' });
    // One story more than a page, oldest first, all with the same tag and byline.
    const stories: Article[] = [];
    for (let i = 0; i <= PAGE_SIZE; i++) {
      stories.push(await publish({ sectionId: desk.id, publishedAt: new Date(Date.UTC(2015, 5, 1 + i, 9)).toISOString(), tags: ['Harbours'], authorIds: [lena.id] }));
    }
    const oldest = stories[0] as Article;
    const newest = stories.at(-1) as Article;
    const listPages = ['/harbour-desk', '/tag/harbours', '/author/lena-port'];
    const lastmods = async () => {
      const { urls } = await fetchUrlset('/sitemaps/pages.xml');
      return listPages.map((loc) => urls.find((u) => u.loc === `${TEST_ORIGIN}${loc}`)?.lastmod);
    };
    const firstPage = stories.slice(1);
    expect(await lastmods()).toEqual(listPages.map(() => newestOf(firstPage.map(lastmodOf))));
    const edit = async (a: Article, at: Date) => {
      const edited = await updateArticle({ db: t.tdb.db, events: t.app.events, now: () => at }, a.id, { sectionId: desk.id, headline: `${a.headline}, revised`, slug: a.slug, body: a.body, status: 'published', publishedAt: a.publishedAt, tags: ['Harbours'], authorIds: [lena.id] });
      visible.set(edited.id, edited);
      return edited;
    };

    // The 21st story is on page 2: the pages a crawler is sent to did not change.
    const unchanged = await lastmods();
    await edit(oldest, new Date(T.getTime() + 20 * 60_000));
    expect(await lastmods()).toEqual(unchanged);
    expect((await get('/harbour-desk?page=2')).body).toContain(`${oldest.headline}, revised`);

    // The newest is on every first page, and the home page shows it too.
    const editedAt = new Date(T.getTime() + 30 * 60_000);
    await edit(newest, editedAt);
    expect(await lastmods()).toEqual(listPages.map(() => editedAt.toISOString()));
    const { urls } = await fetchUrlset('/sitemaps/pages.xml');
    expect(urls.find((u) => u.loc === `${TEST_ORIGIN}/`)?.lastmod).toBe(editedAt.toISOString());
    expect((await fetchIndex()).find((f) => fileName(f.loc) === 'pages.xml')?.lastmod).toBe(editedAt.toISOString());
  });
});

describe('sitemap XML', () => {
  it('escapes URLs and text as the protocol requires', async () => {
    const xml = await renderUrlset('news', [{ path: `/news/a&b'c"d<e>f`, lastmod: '2026-02-19T15:00:00.000Z', news: { title: `Tom & Jerry's "<best>"`, language: 'en', publishedAt: '2026-02-19T10:30:00.000Z' } }], { origin: TEST_ORIGIN, siteName: 'Smith & Sons <News>', maxBytes: MAX_BYTES });
    // `"`, `<` and `>` are percent-encoded in the URL, `&` entity-escaped; `'` needs neither in text.
    expect(xml).toContain(`<loc>${TEST_ORIGIN}/news/a&amp;b'c%22d%3Ce%3Ef</loc>`);
    expect(xml).toContain('<news:title>Tom &amp; Jerry\'s "&lt;best&gt;"</news:title>');
    const url = parse(xml).urlset?.url?.[0];
    expect(url?.loc).toBe(`${TEST_ORIGIN}/news/a&b'c%22d%3Ce%3Ef`);
    expect(url?.lastmod).toBe('2026-02-19T15:00:00.000Z');
    expect(url?.['news:news']?.['news:title']).toBe(`Tom & Jerry's "<best>"`);
    expect(url?.['news:news']?.['news:publication']['news:name']).toBe('Smith & Sons <News>');
  });
});
