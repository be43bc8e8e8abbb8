/**
 * Feeds over HTTP, on every database, read back the way a feed reader reads them: RSS and
 * Atom through a real feed parser (@rowanmanning/feed-parser), JSON Feed as JSON. Each check
 * is something a subscriber would notice: the wrong headline, a link that moved, a story seen
 * twice after an edit, a missing byline or picture, a draft leaking, a story that stays after
 * it was pulled, a feed reader that cannot find the feed from the page.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { MediaAsset } from '../../src/core/media.js';
import type { Author } from '../../src/core/people.js';
import type { RichTextDocument } from '../../src/core/richtext.js';
import type { Section } from '../../src/core/sections.js';
import { updateArticle } from '../../src/services/publishing.js';
import type { ArticleInput } from '../../src/services/publishing.js';
import { startTestApp, TEST_ORIGIN } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import type { JsonFeed } from '../../src/site/feeds/build.js';
import { signedIn } from '../helpers/staff.js';

const SITE = 'Newsdesk Network';
const TYPES = { 'rss.xml': 'application/rss+xml; charset=utf-8', 'atom.xml': 'application/atom+xml; charset=utf-8', 'feed.json': 'application/feed+json; charset=utf-8' } as const;
const GUID = /^tag:news\.example\.test,\d{4}-\d{2}-\d{2}:article-(\d+)$/;



const bodyWithLinksAndPictures = (relatedId: number, figure: MediaAsset): RichTextDocument => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Talks resumed in Geneva on Monday, ' }, { type: 'text', text: 'as our guide explains', marks: [{ type: 'link', attrs: { href: '/news/middle-east-africa' } }] }, { type: 'text', text: '.' }] },
    { type: 'relatedArticle', attrs: { articleId: relatedId } },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What the mission said' }] },
    { type: 'figure', attrs: { mediaId: figure.id, caption: 'Delegates arrive in Geneva.' } },
    { type: 'paragraph', content: [{ type: 'text', text: 'A monitoring committee will meet weekly.' }] },
  ],
});

describe.each(DIALECTS)('feeds on %s', (dialect) => {
  let t: TestApp;
  let news: Section;
  let mea: Section;
  let libya: Section;
  let opinion: Section;
  let ana: Author;
  let karim: Author;
  let photo: MediaAsset;
  let inline: MediaAsset;
  let related: Article;
  let truce: Article;
  let regional: Article;
  let column: Article;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.server.inject({ method: 'GET', url, headers });

  async function fetchOk(url: string) {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    return res;
  }
  const xmlFeed = async (url: string) => {
    const body = (await fetchOk(url)).body;
    expect(XMLValidator.validate(body), url).toBe(true);
    return parseFeed(body);
  };
  const jsonFeed = async (url: string) => JSON.parse((await fetchOk(url)).body) as JsonFeed;
  /** Headlines in a feed of any format, in feed order. */
  async function headlines(url: string): Promise<string[]> {
    if (url.endsWith('.json')) return (await jsonFeed(url)).items.map((i) => i.title ?? '');
    return (await xmlFeed(url)).items.map((i) => i.title ?? '');
  }
  const allFormats = (base: string) => Object.keys(TYPES).map((file) => `${base}/${file}`);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    news = await t.make.section({ slug: 'news', name: 'News' });
    mea = await t.make.section({ slug: 'middle-east-africa', name: 'Middle East & Africa', parentId: news.id });
    libya = await t.make.section({ slug: 'libya', name: 'Libya', parentId: mea.id, description: 'Coverage of Libya.' });
    opinion = await t.make.section({ slug: 'opinion', name: 'Opinion' });
    ana = await t.make.author({ slug: 'ana-ruiz', name: 'Ana Ruiz' });
    karim = await t.make.author({ slug: 'karim-haddad', name: 'Karim Haddad' });
    photo = await t.make.image({ alt: 'Fishing boats in Tripoli harbour', credit: 'Photo: Reuters', width: 1600, height: 900 });
    inline = await t.make.image({ alt: 'Delegates at the Palais des Nations', width: 800, height: 600 });
    related = await t.make.article({ sectionId: libya.id, headline: 'Oil output resumes at western fields', authorIds: [karim.id], tags: ['Oil & Gas'], publishedAt: '2026-02-18T08:00:00.000Z' });
    truce = await t.make.article({
      sectionId: libya.id,
      headline: 'UN mission urges rivals to keep the Tripoli truce',
      standfirst: 'The mission said both sides had broken the ceasefire in the past week.',
      leadMediaId: photo.id,
      authorIds: [ana.id, karim.id],
      tags: ['Ceasefire', 'United Nations'],
      publishedAt: '2026-02-19T10:30:00.000Z',
      displayUpdatedAt: '2026-02-19T15:00:00.000Z',
      body: bodyWithLinksAndPictures(related.id, inline),
    });
    regional = await t.make.article({ sectionId: mea.id, headline: 'Sahel leaders meet in Niamey', authorIds: [ana.id], publishedAt: '2026-02-17T09:00:00.000Z' });
    column = await t.make.article({ sectionId: opinion.id, headline: 'Why the truce matters', label: 'opinion', publishedAt: '2026-02-16T12:00:00.000Z' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('serves every feed with its content type, list-page caching and CORS', async () => {
    for (const base of ['/feeds', '/feeds/section/news/middle-east-africa/libya', '/feeds/tag/ceasefire', '/feeds/author/ana-ruiz']) {
      for (const [file, type] of Object.entries(TYPES)) {
        const res = await fetchOk(`${base}/${file}`);
        expect(res.headers['content-type']).toBe(type);
        expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/);
        expect(res.headers.vary).toBe('Accept-Encoding');
        expect(res.headers['access-control-allow-origin']).toBe('*');
      }
    }
  });

  it('describes each feed: title, page, self link, description, language and last update', async () => {
    const site = await xmlFeed('/feeds/rss.xml');
    expect(site.title).toBe(SITE);
    expect(site.url).toBe(`${TEST_ORIGIN}/`);
    expect(site.self).toBe(`${TEST_ORIGIN}/feeds/rss.xml`);
    expect(site.description).toBe('News, analysis and live TV from around the world');
    expect(site.language).toBe('en');
    // The newest change among the stories, not the time the feed happened to be rendered.
    expect(site.updated?.toISOString()).toBe('2026-02-19T15:00:00.000Z');

    const section = await xmlFeed('/feeds/section/news/middle-east-africa/libya/atom.xml');
    expect(section.title).toBe(`Libya – ${SITE}`);
    expect(section.url).toBe(`${TEST_ORIGIN}/news/middle-east-africa/libya`);
    expect(section.self).toBe(`${TEST_ORIGIN}/feeds/section/news/middle-east-africa/libya/atom.xml`);
    expect(section.description).toBe('Coverage of Libya.');
    expect(section.updated?.toISOString()).toBe('2026-02-19T15:00:00.000Z');

    const tag = await jsonFeed('/feeds/tag/ceasefire/feed.json');
    expect(tag.title).toBe(`Ceasefire – ${SITE}`);
    expect(tag.home_page_url).toBe(`${TEST_ORIGIN}/tag/ceasefire`);
    expect(tag.feed_url).toBe(`${TEST_ORIGIN}/feeds/tag/ceasefire/feed.json`);
    expect(tag.description).toBe(`Stories about Ceasefire from ${SITE}.`);

    const author = await xmlFeed('/feeds/author/karim-haddad/rss.xml');
    expect(author.title).toBe(`Karim Haddad – ${SITE}`);
    expect(author.url).toBe(`${TEST_ORIGIN}/author/karim-haddad`);
  });

  it('carries a story field by field in RSS', async () => {
    const feed = await xmlFeed('/feeds/rss.xml');
    const item = feed.items.find((i) => i.title === truce.headline);
    expect(item).toBeDefined();
    if (!item) return;
    expect(item.url).toBe(`${TEST_ORIGIN}/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce`);
    expect(item.id).toMatch(GUID);
    expect(GUID.exec(item.id ?? '')?.[1]).toBe(String(truce.id));
    expect(item.published?.toISOString()).toBe('2026-02-19T10:30:00.000Z');
    expect(item.updated?.toISOString()).toBe('2026-02-19T15:00:00.000Z');
    expect(item.authors.map((a) => a.name)).toEqual(['Ana Ruiz', 'Karim Haddad']);
    expect(item.categories.map((c) => [c.label, c.url])).toEqual([
      ['Libya', `${TEST_ORIGIN}/news/middle-east-africa/libya`],
      ['Ceasefire', `${TEST_ORIGIN}/tag/ceasefire`],
      ['United Nations', `${TEST_ORIGIN}/tag/united-nations`],
    ]);
    expect(item.description).toBe('The mission said both sides had broken the ceasefire in the past week.');
    // The picture, as an enclosure and as Media RSS, at an absolute URL.
    const image = `${TEST_ORIGIN}/media/${photo.key}/1024.jpeg`;
    expect(item.image?.url).toBe(image);
    expect(item.media).toEqual([{ url: image, image, title: null, length: 0, type: 'image', mimeType: 'image/jpeg' }]);
    // Bylines, the updated date and Media RSS are in their declared namespaces.
    expect(item.element.findElementWithName('content')?.namespaceUri).toBe('http://search.yahoo.com/mrss/');
    expect(item.element.findElementWithName('creator')?.namespaceUri).toBe('http://purl.org/dc/elements/1.1/');
    expect(item.element.findElementWithName('date')?.namespaceUri).toBe('http://purl.org/dc/elements/1.1/');
    // The whole story, with every link and picture absolute.
    const html = item.content ?? '';
    expect(html).toContain('<p>Talks resumed in Geneva on Monday, <a href="https://news.example.test/news/middle-east-africa">as our guide explains</a>.</p>');
    expect(html).toContain('<h2>What the mission said</h2>');
    expect(html).toContain('<strong class="related-label">Related:</strong> <a href="https://news.example.test/news/middle-east-africa/libya/oil-output-resumes-at-western-fields">Oil output resumes at western fields</a>');
    expect(html).toContain(`src="${TEST_ORIGIN}/media/${inline.key}/800.jpeg"`);
    expect(html).toContain(`srcset="${TEST_ORIGIN}/media/${inline.key}/320.avif 320w, ${TEST_ORIGIN}/media/${inline.key}/480.avif 480w`);
    expect(html).toContain('Delegates arrive in Geneva.');
    expect(html).toContain('A monitoring committee will meet weekly.');
    expect(html).not.toMatch(/(?:href|src)="\/|srcset="[^"]*(?:^|, |")\//);
  });

  it('carries a story field by field in Atom', async () => {
    const feed = await xmlFeed('/feeds/atom.xml');
    const item = feed.items.find((i) => i.title === truce.headline);
    expect(item).toBeDefined();
    if (!item) return;
    expect(item.url).toBe(`${TEST_ORIGIN}/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce`);
    expect(GUID.exec(item.id ?? '')?.[1]).toBe(String(truce.id));
    expect(item.published?.toISOString()).toBe('2026-02-19T10:30:00.000Z');
    expect(item.updated?.toISOString()).toBe('2026-02-19T15:00:00.000Z');
    expect(item.authors).toEqual([
      { name: 'Ana Ruiz', email: null, url: `${TEST_ORIGIN}/author/ana-ruiz` },
      { name: 'Karim Haddad', email: null, url: `${TEST_ORIGIN}/author/karim-haddad` },
    ]);
    expect(item.categories.map((c) => [c.label, c.term])).toEqual([
      ['Libya', 'news/middle-east-africa/libya'],
      ['Ceasefire', 'ceasefire'],
      ['United Nations', 'united-nations'],
    ]);
    expect(item.description).toBe('The mission said both sides had broken the ceasefire in the past week.');
    expect(item.image?.url).toBe(`${TEST_ORIGIN}/media/${photo.key}/1024.jpeg`);
    expect(item.media[0]).toMatchObject({ url: `${TEST_ORIGIN}/media/${photo.key}/1024.jpeg`, mimeType: 'image/jpeg' });
    expect(item.content).toContain('<a href="https://news.example.test/news/middle-east-africa">as our guide explains</a>');
    expect(item.content).toContain(`src="${TEST_ORIGIN}/media/${inline.key}/800.jpeg"`);
    // A story with no byline is credited to the site, as Atom requires.
    const unsigned = feed.items.find((i) => i.title === column.headline);
    expect(unsigned?.authors.map((a) => a.name)).toEqual([SITE]);
  });

  it('carries a story field by field in JSON Feed 1.1', async () => {
    const res = await fetchOk('/feeds/feed.json');
    const feed = JSON.parse(res.body) as JsonFeed;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe(SITE);
    expect(feed.home_page_url).toBe(`${TEST_ORIGIN}/`);
    expect(feed.feed_url).toBe(`${TEST_ORIGIN}/feeds/feed.json`);
    expect(feed.language).toBe('en');
    const item = feed.items.find((i) => i.title === truce.headline);
    expect(item).toMatchObject({
      url: `${TEST_ORIGIN}/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce`,
      summary: 'The mission said both sides had broken the ceasefire in the past week.',
      image: `${TEST_ORIGIN}/media/${photo.key}/1024.jpeg`,
      date_published: '2026-02-19T10:30:00.000Z',
      date_modified: '2026-02-19T15:00:00.000Z',
      authors: [
        { name: 'Ana Ruiz', url: `${TEST_ORIGIN}/author/ana-ruiz` },
        { name: 'Karim Haddad', url: `${TEST_ORIGIN}/author/karim-haddad` },
      ],
      tags: ['Libya', 'Ceasefire', 'United Nations'],
    });
    expect(GUID.exec(item?.id ?? '')?.[1]).toBe(String(truce.id));
    expect(item?.content_html).toContain('<h2>What the mission said</h2>');
    expect(item?.content_html).toContain(`src="${TEST_ORIGIN}/media/${inline.key}/800.jpeg"`);
    // Every item has an id and content, as the spec requires.
    for (const i of feed.items) expect(typeof i.id === 'string' && typeof i.content_html === 'string').toBe(true);
  });

  it('gives the same story the same GUID in every format', async () => {
    const rss = (await xmlFeed('/feeds/rss.xml')).items.find((i) => i.title === truce.headline)?.id;
    const atom = (await xmlFeed('/feeds/atom.xml')).items.find((i) => i.title === truce.headline)?.id;
    const json = (await jsonFeed('/feeds/feed.json')).items.find((i) => i.title === truce.headline)?.id;
    expect(rss).toMatch(GUID);
    expect(atom).toBe(rss);
    expect(json).toBe(rss);
  });

  it('points the picture at an image that loads', async () => {
    const feed = await xmlFeed('/feeds/rss.xml');
    const url = feed.items.find((i) => i.title === truce.headline)?.image?.url ?? '';
    expect(url.startsWith(TEST_ORIGIN)).toBe(true);
    const res = await get(url.slice(TEST_ORIGIN.length));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
  });

  it('keeps a story in its section feed with its subsections, and out of the others', async () => {
    const newsFeed = await headlines('/feeds/section/news/rss.xml');
    expect(newsFeed).toEqual(expect.arrayContaining([truce.headline, related.headline, regional.headline]));
    expect(newsFeed).not.toContain(column.headline);
    const libyaFeed = await headlines('/feeds/section/news/middle-east-africa/libya/atom.xml');
    expect(libyaFeed).toEqual(expect.arrayContaining([truce.headline, related.headline]));
    expect(libyaFeed).not.toContain(regional.headline);
    expect(libyaFeed).not.toContain(column.headline);
    expect(await headlines('/feeds/section/opinion/feed.json')).toEqual([column.headline]);
  });

  it('follows tags and authors', async () => {
    expect(await headlines('/feeds/tag/ceasefire/rss.xml')).toEqual([truce.headline]);
    expect(await headlines('/feeds/tag/oil-gas/atom.xml')).toEqual([related.headline]);
    expect(await headlines('/feeds/author/karim-haddad/feed.json')).toEqual([truce.headline, related.headline]);
    expect(await headlines('/feeds/author/ana-ruiz/rss.xml')).toEqual([truce.headline, regional.headline]);
  });

  it('lists the 20 newest stories, newest first by publication', async () => {
    const sport = await t.make.section({ slug: 'sport', name: 'Sport' });
    for (let i = 0; i < 23; i++) await t.make.article({ sectionId: sport.id, headline: `Match report ${i}`, publishedAt: new Date(Date.UTC(2026, 0, 1 + i, 18)).toISOString() });
    for (const url of allFormats('/feeds/section/sport')) {
      const list = await headlines(url);
      expect(list, url).toEqual(Array.from({ length: 20 }, (_, i) => `Match report ${22 - i}`));
    }
  });

  it('never shows drafts, embargoed or future-dated stories', async () => {
    const editor = await signedIn(t, 'editor');
    await t.make.article({ sectionId: libya.id, headline: 'Draft about Sirte', status: 'draft', publishedAt: null });
    await t.make.article({ sectionId: libya.id, headline: 'Dated tomorrow about Benghazi', publishedAt: new Date(Date.now() + 86_400_000).toISOString() });
    const embargoed = await t.app.newsroom.create(editor.user, { headline: 'Embargoed report on Misrata', sectionId: libya.id, body: { type: 'doc', content: [] } });
    const held = await t.app.newsroom.save(editor.user, embargoed.article.id, { input: t.app.newsroom.toInput(embargoed), action: 'publish', embargoUntil: new Date(Date.now() + 3_600_000).toISOString() });
    expect(held.article.status).toBe('scheduled');
    for (const url of [...allFormats('/feeds'), ...allFormats('/feeds/section/news/middle-east-africa/libya')]) {
      const list = await headlines(url);
      expect(list, url).toContain(truce.headline);
      for (const hidden of ['Draft about Sirte', 'Dated tomorrow about Benghazi', 'Embargoed report on Misrata']) expect(list, url).not.toContain(hidden);
    }
  });

  it('drops an unpublished story from a cached feed at once', async () => {
    const editor = await signedIn(t, 'editor');
    const story = await t.make.article({ sectionId: libya.id, headline: 'Story pulled after complaint', authorIds: [ana.id] });
    const urls = [...allFormats('/feeds'), ...allFormats('/feeds/section/news'), ...allFormats('/feeds/author/ana-ruiz')];
    for (const url of urls) expect(await headlines(url), url).toContain(story.headline);
    for (const url of urls) expect((await get(url)).headers['x-cache'], url).toBe('HIT');
    const loaded = await t.app.newsroom.load(story.id);
    if (!loaded) throw new Error('story not found');
    await t.app.newsroom.save(editor.user, story.id, { input: t.app.newsroom.toInput(loaded), action: 'unpublish' });
    for (const url of urls) {
      const res = await get(url);
      expect(res.headers['x-cache'], url).toBe('MISS');
      expect(res.body, url).not.toContain('Story pulled after complaint');
    }
  });

  it('keeps the GUID when the slug and section change, so readers do not see the story twice', async () => {
    const story = await t.make.article({ sectionId: libya.id, headline: 'Port of Misrata reopens', authorIds: [karim.id] });
    const before = {
      rss: (await xmlFeed('/feeds/rss.xml')).items.find((i) => i.title === story.headline),
      atom: (await xmlFeed('/feeds/atom.xml')).items.find((i) => i.title === story.headline),
      json: (await jsonFeed('/feeds/feed.json')).items.find((i) => i.title === story.headline),
    };
    expect(before.rss?.url).toBe(`${TEST_ORIGIN}/news/middle-east-africa/libya/port-of-misrata-reopens`);
    const moved: ArticleInput = { sectionId: opinion.id, headline: 'Port of Misrata reopens after repairs', slug: 'misrata-port-reopens', body: story.body, status: 'published', publishedAt: story.publishedAt, authorIds: [karim.id] };
    await updateArticle({ db: t.tdb.db, events: t.app.events }, story.id, moved);
    const after = {
      rss: (await xmlFeed('/feeds/rss.xml')).items.find((i) => i.title === moved.headline),
      atom: (await xmlFeed('/feeds/atom.xml')).items.find((i) => i.title === moved.headline),
      json: (await jsonFeed('/feeds/feed.json')).items.find((i) => i.title === moved.headline),
    };
    expect(after.rss?.url).toBe(`${TEST_ORIGIN}/opinion/misrata-port-reopens`);
    expect(after.atom?.url).toBe(`${TEST_ORIGIN}/opinion/misrata-port-reopens`);
    expect(after.json?.url).toBe(`${TEST_ORIGIN}/opinion/misrata-port-reopens`);
    expect(after.rss?.id).toMatch(GUID);
    expect(after.rss?.id).toBe(before.rss?.id);
    expect(after.atom?.id).toBe(before.atom?.id);
    expect(after.json?.id).toBe(before.json?.id);
    // It left the Libya feed and joined the Opinion one.
    expect(await headlines('/feeds/section/news/middle-east-africa/libya/rss.xml')).not.toContain(moved.headline);
    expect(await headlines('/feeds/section/opinion/rss.xml')).toContain(moved.headline);
  });

  it('escapes headlines, standfirsts and names in XML, and keeps them exact', async () => {
    const headline = `Rates <up> & "down" 'sideways' ]]> then ]]> <script>x</script>`;
    const standfirst = 'A <b>bold</b> claim & a "quoted" one ]]> twice ]]>.';
    const story = await t.make.article({ sectionId: opinion.id, slug: 'rates-story', headline, standfirst, tags: ['Tom & Jerry'], body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body with ]]> and ]]> <tags> & "quotes".' }] }] } });
    for (const url of ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/section/opinion/rss.xml', '/feeds/tag/tom-jerry/atom.xml']) {
      const feed = await xmlFeed(url);
      const item = feed.items.find((i) => i.url === `${TEST_ORIGIN}/opinion/rates-story`);
      expect(item?.title, url).toBe(headline);
      expect(item?.description, url).toBe(standfirst);
      expect(item?.categories.map((c) => c.label), url).toContain('Tom & Jerry');
      // The parser hands back the body's text decoded: all of it arrived, nothing cut it short.
      expect(item?.content, url).toContain('<p>Body with ]]> and ]]> <tags> & "quotes".</p>');
      expect(feed.items.length, url).toBeGreaterThan(0);
    }
    const json = (await jsonFeed('/feeds/tag/tom-jerry/feed.json')).items[0];
    expect(json).toMatchObject({ title: headline, summary: standfirst, tags: ['Opinion', 'Tom & Jerry'] });
    expect(story.headline).toBe(headline);
  });

  it('names a category once when a tag repeats the section', async () => {
    await t.make.article({ sectionId: opinion.id, headline: 'A column tagged like its section', tags: ['Opinion', 'Diplomacy'] });
    const rss = (await xmlFeed('/feeds/section/opinion/rss.xml')).items.find((i) => i.title === 'A column tagged like its section');
    expect(rss?.categories.map((c) => c.label)).toEqual(['Opinion', 'Diplomacy']);
    const atom = (await xmlFeed('/feeds/section/opinion/atom.xml')).items.find((i) => i.title === 'A column tagged like its section');
    expect(atom?.categories.map((c) => c.label)).toEqual(['Opinion', 'Diplomacy']);
    const json = (await jsonFeed('/feeds/section/opinion/feed.json')).items.find((i) => i.title === 'A column tagged like its section');
    expect(json?.tags).toEqual(['Opinion', 'Diplomacy']);
  });

  it('answers 404 for unknown sections, tags, authors and formats', async () => {
    for (const url of [
      '/feeds/section/nowhere/rss.xml',
      '/feeds/section/news/nowhere/atom.xml',
      '/feeds/section/rss.xml',
      '/feeds/tag/no-such-tag/rss.xml',
      '/feeds/author/nobody/feed.json',
      '/feeds/podcast.xml',
      '/feeds/section/news/feed.xml',
      '/feeds/tag/ceasefire/index.html',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('text/html');
    }
  });

  it('answers revalidation with 304 and compresses', async () => {
    const url = '/feeds/section/news/middle-east-africa/libya/rss.xml';
    const first = await fetchOk(url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    expect((await get(url, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get(url, { 'if-modified-since': String(first.headers['last-modified']) })).statusCode).toBe(304);
    // The first compressed copy is quick gzip; a feed polled again is sent in brotli.
    const quick = await get(url, { 'accept-encoding': 'br, gzip' });
    expect(quick.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(quick.rawPayload).toString()).toBe(first.body);
    await get(url, { 'accept-encoding': 'br, gzip' });
    await new Promise((resolve) => setImmediate(resolve));
    const br = await get(url, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(first.body);
  });

  it('lets feed readers discover the feeds from the pages', async () => {
    const alternates = (html: string) => [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"\/>/g)].map((m) => ({ type: m[1] ?? '', title: m[2] ?? '', href: m[3] ?? '' }));
    const expectFeeds = (html: string, base: string, title: string) => {
      expect(alternates(html)).toEqual(expect.arrayContaining([
        { type: 'application/rss+xml', title: `${title} (RSS)`, href: `${TEST_ORIGIN}${base}/rss.xml` },
        { type: 'application/atom+xml', title: `${title} (Atom)`, href: `${TEST_ORIGIN}${base}/atom.xml` },
        { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: `${TEST_ORIGIN}${base}/feed.json` },
      ]));
    };
    const pages: [string, string, string][] = [
      ['/', '/feeds', SITE],
      ['/news/middle-east-africa/libya', '/feeds/section/news/middle-east-africa/libya', `Libya – ${SITE}`],
      ['/news/middle-east-africa/libya?page=1', '/feeds/section/news/middle-east-africa/libya', `Libya – ${SITE}`],
      ['/tag/ceasefire', '/feeds/tag/ceasefire', `Ceasefire – ${SITE}`],
      ['/author/ana-ruiz', '/feeds/author/ana-ruiz', `Ana Ruiz – ${SITE}`],
    ];
    for (const [page, base, title] of pages) {
      const html = (await fetchOk(page)).body;
      expectFeeds(html, base, title);
      expect(alternates(html), page).toHaveLength(3);
    }
    // A story offers its section's feeds first, then the site's.
    const article = (await fetchOk('/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce')).body;
    expect(alternates(article).map((a) => a.href)).toEqual([
      ...['rss.xml', 'atom.xml', 'feed.json'].map((f) => `${TEST_ORIGIN}/feeds/section/news/middle-east-africa/libya/${f}`),
      ...['rss.xml', 'atom.xml', 'feed.json'].map((f) => `${TEST_ORIGIN}/feeds/${f}`),
    ]);
    // Every advertised feed is there, in the advertised format.
    for (const page of ['/', '/news/middle-east-africa/libya', '/tag/ceasefire', '/author/ana-ruiz', '/news/middle-east-africa/libya/un-mission-urges-rivals-to-keep-the-tripoli-truce']) {
      for (const link of alternates((await fetchOk(page)).body)) {
        const res = await get(link.href.slice(TEST_ORIGIN.length));
        expect(res.statusCode, link.href).toBe(200);
        expect(res.headers['content-type'], link.href).toBe(`${link.type}; charset=utf-8`);
      }
    }
  });

  describe('with FEED_FULL_TEXT=false', () => {
    let s: TestApp;

    beforeAll(async () => {
      s = await startTestApp(dialect, { FEED_FULL_TEXT: 'false' });
      const section = await s.make.section({ slug: 'world', name: 'World' });
      const author = await s.make.author({ slug: 'lena-berg', name: 'Lena Berg' });
      const image = await s.make.image({ width: 1200, height: 800 });
      await s.make.article({
        sectionId: section.id,
        headline: 'Summit ends without a deal',
        standfirst: 'Leaders <disagreed> on the wording & left early.',
        leadMediaId: image.id,
        authorIds: [author.id],
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Only subscribers to the page read this sentence.' }] }] },
      });
    });

    afterAll(async () => {
      await s?.close();
    });

    it('sends the standfirst and no body', async () => {
      const read = (url: string) => s.app.server.inject({ method: 'GET', url });
      for (const url of ['/feeds/rss.xml', '/feeds/atom.xml']) {
        const res = await read(url);
        expect(res.statusCode).toBe(200);
        expect(XMLValidator.validate(res.body), url).toBe(true);
        expect(res.body, url).not.toContain('Only subscribers');
        const item = parseFeed(res.body).items[0];
        expect(item?.title, url).toBe('Summit ends without a deal');
        expect(item?.description, url).toBe('Leaders <disagreed> on the wording & left early.');
        expect(item?.content, url).toBeNull();
        // Still a byline and a picture.
        expect(item?.authors.map((a) => a.name), url).toEqual(['Lena Berg']);
        expect(item?.image?.url, url).toMatch(/^https:\/\/news\.example\.test\/media\/[0-9a-f]+\/1024\.jpeg$/);
      }
      const json = await read('/feeds/feed.json');
      expect(json.body).not.toContain('Only subscribers');
      const item = (JSON.parse(json.body) as JsonFeed).items[0];
      expect(item?.content_html).toBeUndefined();
      expect(item?.content_text).toBe('Leaders <disagreed> on the wording & left early.');
      expect(item?.summary).toBe('Leaders <disagreed> on the wording & left early.');
    });
  });
});
