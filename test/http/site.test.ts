/**
 * The reader site over HTTP, on every database: each page type, the seed page's elements,
 * redirects, 404s, conditional requests, compression and cache invalidation.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { MediaAsset } from '../../src/core/media.js';
import type { Author } from '../../src/core/people.js';
import type { Section } from '../../src/core/sections.js';
import { updateArticle } from '../../src/services/publishing.js';
import type { ArticleInput } from '../../src/services/publishing.js';
import { startTestApp, TEST_ORIGIN } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';

describe.each(DIALECTS)('reader site on %s', (dialect) => {
  let t: TestApp;
  let news: Section;
  let mea: Section;
  let libya: Section;
  let opinion: Section;
  let author1: Author;
  let author2: Author;
  let photo: MediaAsset;
  let related: Article;
  let seedInput: ArticleInput;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.server.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    news = await t.make.section({ slug: 'news', name: 'News' });
    mea = await t.make.section({ slug: 'middle-east-africa', name: 'Middle East & Africa', parentId: news.id });
    libya = await t.make.section({ slug: 'libya', name: 'Libya', parentId: mea.id, description: 'Coverage of Libya.' });
    opinion = await t.make.section({ slug: 'opinion', name: 'Opinion' });
    author1 = await t.make.author({ slug: 'ana-ruiz', name: 'Ana Ruiz', bio: 'Ana covers North Africa.' });
    author2 = await t.make.author({ slug: 'karim-haddad', name: 'Karim Haddad' });
    photo = await t.make.image({ alt: 'Fishing boats in Tripoli harbour', caption: 'Boats moored in Tripoli on Tuesday.', credit: 'Photo: Reuters', width: 1600, height: 900 });
    related = await t.make.article({ sectionId: libya.id, headline: 'Oil output resumes at western fields', authorIds: [author2.id], tags: ['Oil'] });
    seedInput = {
      sectionId: libya.id,
      headline: 'UN mission urges rivals to keep the Tripoli truce',
      seoHeadline: 'UN urges Libya truce to hold',
      standfirst: 'The mission said both sides had broken the ceasefire in the past week.',
      label: 'opinion',
      leadMediaId: photo.id,
      authorIds: [author1.id, author2.id],
      tags: ['Ceasefire', 'United Nations'],
      publishedAt: '2026-02-19T10:30:00.000Z',
      displayUpdatedAt: '2026-02-19T15:00:00.000Z',
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Talks resumed in Geneva on Monday.' }] },
          { type: 'relatedArticle', attrs: { articleId: related.id } },
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What the mission said' }] },
          { type: 'blockquote', attrs: { attribution: 'UN mission statement' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We call on all parties to respect the truce.' }] }] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A monitoring committee' }] }] }] },
        ],
      },
    };
    await t.make.article(seedInput);
    // Enough stories for two pages of the Opinion section.
    for (let i = 0; i < 22; i++) await t.make.article({ sectionId: opinion.id, label: 'opinion', publishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('serves the home page with the lead story, top stories and latest per section', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(res.body).toContain('<a href="/news/middle-east-africa/libya/oil-output-resumes-at-western-fields">Oil output resumes at western fields</a>');
    expect(res.body).toContain('<a href="/opinion">Opinion</a>');
    expect(res.body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/"/>`);
    expect(res.body).toContain('href="/live"');
    expect(res.body).toContain('href="/live?audio=1"');
  });

  it('shows every element of the seed article page', async () => {
    const res = await get('/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // Breadcrumb News > Middle East & Africa > Libya, every level a link.
    expect(html).toMatch(/<nav aria-label="Breadcrumb"[^>]*><ol><li><a href="\/news">News<\/a><\/li><li><a href="\/news\/middle-east-africa">Middle East &amp; Africa<\/a><\/li><li><a href="\/news\/middle-east-africa\/libya">Libya<\/a><\/li><\/ol><\/nav>/);
    expect(html).toContain('<h1 id="headline">UN mission urges rivals to keep the Tripoli truce</h1>');
    expect(html).toContain('<span class="label label-opinion">Opinion</span>');
    expect(html).toContain('<p class="standfirst">The mission said both sides had broken the ceasefire in the past week.</p>');
    expect(html).toMatch(/By <a href="\/author\/ana-ruiz" rel="author">Ana Ruiz<\/a> and <a href="\/author\/karim-haddad" rel="author">Karim Haddad<\/a>/);
    expect(html).toMatch(/Published <time datetime="2026-02-19T10:30:00.000Z">19 February 2026/);
    expect(html).toMatch(/Updated <time datetime="2026-02-19T15:00:00.000Z">/);
    // Lead photo with alt, caption, credit and responsive sources.
    expect(html).toContain('alt="Fishing boats in Tripoli harbour"');
    expect(html).toMatch(/<figcaption>Boats moored in Tripoli on Tuesday.<span class="credit"> Photo: Reuters<\/span><\/figcaption>/);
    expect(html).toContain(`<source type="image/avif" srcset="/media/${photo.key}/320.avif 320w`);
    expect(html).toContain(`/media/${photo.key}/1600.webp 1600w`);
    // Body: RELATED line, subheading, attributed quote, list.
    expect(html).toMatch(/<strong class="related-label">Related:<\/strong> <a href="\/news\/middle-east-africa\/libya\/oil-output-resumes-at-western-fields">Oil output resumes at western fields<\/a>/);
    expect(html).toContain('<h2>What the mission said</h2>');
    expect(html).toMatch(/<blockquote><p>We call on all parties to respect the truce.<\/p><\/blockquote><figcaption>UN mission statement<\/figcaption>/);
    expect(html).toContain('<li><p>A monitoring committee</p></li>');
    // Share links and the comments area with its count and empty state.
    for (const share of ['https://www.facebook.com/sharer/sharer.php?u=', 'https://twitter.com/intent/tweet?url=', 'https://wa.me/?text=', 'https://t.me/share/url?url=', 'mailto:?subject=']) expect(html).toContain(share);
    expect(html).toContain('class="share-copy"');
    expect(html).toContain('<h2 id="comments-title">Comment</h2>');
    expect(html).toContain('0 Comments');
    expect(html).toContain('Post with no comments.');
    // Tags link to their pages; the social profiles of the network are in the page.
    expect(html).toContain('<a href="/tag/ceasefire">Ceasefire</a>');
    expect(html).toContain('rel="me noopener"');
  });

  it('describes the article for search engines and social networks', async () => {
    const html = (await get('/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce')).body;
    const url = `${TEST_ORIGIN}/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce`;
    expect(html).toContain('<title>UN urges Libya truce to hold | Newsdesk Network</title>');
    expect(html).toContain('<meta name="description" content="The mission said both sides had broken the ceasefire in the past week."/>');
    expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain(`<meta property="og:image" content="${TEST_ORIGIN}/media/${photo.key}/1024.jpeg"/>`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? 'null') as Record<string, unknown>);
    const article = blocks.find((b) => String(b['@type']).endsWith('NewsArticle'));
    expect(article).toMatchObject({
      '@type': 'OpinionNewsArticle',
      headline: 'UN urges Libya truce to hold',
      datePublished: '2026-02-19T10:30:00.000Z',
      dateModified: '2026-02-19T15:00:00.000Z',
      articleSection: ['News', 'Middle East & Africa', 'Libya'],
      image: [`${TEST_ORIGIN}/media/${photo.key}/1024.jpeg`],
      author: [{ '@type': 'Person', name: 'Ana Ruiz' }, { '@type': 'Person', name: 'Karim Haddad' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Newsdesk Network' },
    });
    expect(blocks.find((b) => b['@type'] === 'BreadcrumbList')).toBeTruthy();
  });

  it('uses a separate social card image when the desk sets one', async () => {
    const card = await t.make.image({ alt: 'A square card for social networks', width: 1200, height: 1200 });
    await t.make.article({ sectionId: libya.id, headline: 'Story with its own social card', leadMediaId: photo.id, socialMediaId: card.id });
    const html = (await get('/news/middle-east-africa/libya/story-with-its-own-social-card')).body;
    expect(html).toContain(`<meta property="og:image" content="${TEST_ORIGIN}/media/${card.key}/1024.jpeg"/>`);
    expect(html).toContain('<meta name="twitter:image:alt" content="A square card for social networks"/>');
    // The page itself still shows the lead photo.
    expect(html).toContain(`/media/${photo.key}/320.avif 320w`);
  });

  it('paginates section pages and lists child sections', async () => {
    const first = await get('/opinion');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Page 1 of 2');
    expect(first.body).toContain('href="/opinion?page=2" rel="next"');
    const second = await get('/opinion?page=2');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/opinion?page=2"/>`);
    expect((await get('/opinion?page=3')).statusCode).toBe(404);
    expect((await get('/opinion?page=abc')).statusCode).toBe(400);
    const parent = await get('/news/middle-east-africa');
    expect(parent.body).toContain('<a href="/news/middle-east-africa/libya">Libya</a>');
    // A parent section lists its children's stories.
    expect(parent.body).toContain('UN mission urges rivals to keep the Tripoli truce');
  });

  it('serves tag and author pages, and 404s for unknown ones', async () => {
    const tag = await get('/tag/ceasefire');
    expect(tag.statusCode).toBe(200);
    expect(tag.body).toContain('<h1>Ceasefire</h1>');
    expect(tag.body).toContain('UN mission urges rivals to keep the Tripoli truce');
    expect(tag.body).not.toContain('Oil output resumes');
    const author = await get('/author/ana-ruiz');
    expect(author.statusCode).toBe(200);
    expect(author.body).toContain('<h1>Ana Ruiz</h1>');
    expect(author.body).toContain('Ana covers North Africa.');
    expect((await get('/tag/no-such-tag')).statusCode).toBe(404);
    expect((await get('/author/nobody')).statusCode).toBe(404);
  });

  it('answers unknown paths with a real 404 page', async () => {
    const res = await get('/news/no-such-story');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<h1>Page not found</h1>');
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('keeps drafts and future stories private', async () => {
    await t.make.article({ sectionId: libya.id, headline: 'Draft about Sirte', status: 'draft', publishedAt: null });
    await t.make.article({ sectionId: libya.id, headline: 'Embargoed about Benghazi', publishedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await get('/news/middle-east-africa/libya/draft-about-sirte')).statusCode).toBe(404);
    expect((await get('/news/middle-east-africa/libya/embargoed-about-benghazi')).statusCode).toBe(404);
    const section = await get('/news/middle-east-africa/libya');
    expect(section.body).not.toContain('Draft about Sirte');
    expect(section.body).not.toContain('Embargoed about Benghazi');
  });

  it('redirects an old slug and a wrong section path to the current URL with a 301', async () => {
    const story = await t.make.article({ sectionId: libya.id, headline: 'Port of Misrata reopens' });
    const movedInput: ArticleInput = { sectionId: opinion.id, headline: 'Port of Misrata reopens after repairs', slug: 'misrata-port-reopens', body: story.body, status: 'published', publishedAt: story.publishedAt };
    await updateArticle({ db: t.tdb.db, events: t.app.events }, story.id, movedInput);
    const old = await get('/news/middle-east-africa/libya/port-of-misrata-reopens');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/opinion/misrata-port-reopens');
    const wrongSection = await get('/news/misrata-port-reopens');
    expect(wrongSection.statusCode).toBe(301);
    expect(wrongSection.headers.location).toBe('/opinion/misrata-port-reopens');
    expect((await get('/opinion/misrata-port-reopens')).statusCode).toBe(200);
    expect((await get('/opinion/misrata-port-reopens/')).headers.location).toBe('/opinion/misrata-port-reopens');
  });

  it('does not let query strings fill the page cache with copies of one article', async () => {
    const url = '/news/middle-east-africa/libya/oil-output-resumes-at-western-fields';
    await get(url);
    const before = t.app.cache.size;
    for (let page = 2; page < 12; page++) {
      const res = await get(`${url}?page=${page}`);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(url);
    }
    expect((await get(`${url}?utm_source=newsletter`)).headers['x-cache']).toBe('HIT');
    expect(t.app.cache.size).toBe(before);
  });

  it('answers revalidation with 304 (ETag and Last-Modified) and caches pages', async () => {
    const url = '/news/middle-east-africa/libya/oil-output-resumes-at-western-fields';
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(first.headers.vary).toBe('Accept-Encoding');
    const again = await get(url);
    expect(again.headers['x-cache']).toBe('HIT');
    const byEtag = await get(url, { 'if-none-match': etag });
    expect(byEtag.statusCode).toBe(304);
    expect(byEtag.body).toBe('');
    const byDate = await get(url, { 'if-modified-since': lastModified });
    expect(byDate.statusCode).toBe(304);
    const stale = await get(url, { 'if-none-match': 'W/"something-else"' });
    expect(stale.statusCode).toBe(200);
  });

  it('compresses pages with brotli or gzip as the client accepts', async () => {
    const url = '/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce';
    const plain = await get(url);
    // What browsers send: the first copy is made while the reader waits, so it is quick gzip;
    // once the page is asked for again it is made in brotli, smaller, for every later reader.
    const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };
    const quick = await get(url, browser);
    expect(quick.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(quick.rawPayload).toString()).toBe(plain.body);
    await get(url, browser);
    await new Promise((resolve) => setImmediate(resolve));
    const br = await get(url, browser);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(quick.rawPayload.length);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect((await get(url, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
  });

  it('shows an edit at once: the cached article, its section and the home page are refreshed', async () => {
    const url = '/news/middle-east-africa/libya/oil-output-resumes-at-western-fields';
    await get(url);
    await get('/');
    await get('/news/middle-east-africa/libya');
    expect((await get(url)).headers['x-cache']).toBe('HIT');
    const unrelated = await get('/author/ana-ruiz');
    expect(unrelated.statusCode).toBe(200);
    await updateArticle({ db: t.tdb.db, events: t.app.events }, related.id, {
      sectionId: libya.id,
      slug: related.slug,
      headline: 'Oil output resumes at western fields after deal',
      body: related.body,
      status: 'published',
      publishedAt: related.publishedAt,
      authorIds: [author2.id],
    });
    const after = await get(url);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body).toContain('Oil output resumes at western fields after deal');
    expect((await get('/')).body).toContain('Oil output resumes at western fields after deal');
    expect((await get('/news/middle-east-africa/libya')).body).toContain('Oil output resumes at western fields after deal');
    // The seed story shows it in its RELATED line: that page was cleared too.
    expect((await get('/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce')).body).toContain('Oil output resumes at western fields after deal');
  });

  it('serves image renditions in AVIF, WebP and JPEG at the requested width', async () => {
    for (const [format, type] of [['avif', 'image/avif'], ['webp', 'image/webp'], ['jpeg', 'image/jpeg']] as const) {
      const res = await get(`/media/${photo.key}/480.${format}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['cache-control']).toContain('immutable');
      const { default: sharp } = await import('sharp');
      const meta = await sharp(res.rawPayload).metadata();
      expect(meta.width).toBe(480);
    }
    expect((await get(`/media/${photo.key}/481.jpeg`)).statusCode).toBe(404);
    expect((await get('/media/0123456789abcdef0123456789abcdef/480.jpeg')).statusCode).toBe(404);
    expect((await get('/media/..%2F..%2Fetc/480.jpeg')).statusCode).toBe(404);
  });

  it('reports health and readiness', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('serves the stylesheet by content hash with long-lived caching', async () => {
    const home = (await get('/')).body;
    const css = /href="(\/assets\/site\.[a-f0-9]+\.css)"/.exec(home)?.[1];
    expect(css).toBeDefined();
    const res = await get(css ?? '', { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/css');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-encoding']).toBe('br');
  });

  it('says the channel is off air on the live page', async () => {
    const res = await get('/live?audio=1');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('The channel is off air right now.');
    expect((await get('/live?audio=yes')).statusCode).toBe(400);
  });

  it('sends security headers with pages', async () => {
    const res = await get('/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
