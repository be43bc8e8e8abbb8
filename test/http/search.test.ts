/**
 * Search as readers and the newsroom meet it, on every database: relevance (headline over
 * body, recency for ties), accents, English and Spanish stemming, filters, pages, snippets,
 * and an index that follows every publish, edit and unpublish at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { RichTextDocument } from '../../src/core/richtext.js';
import type { Section } from '../../src/core/sections.js';
import { updateArticle } from '../../src/services/publishing.js';
import { SearchService } from '../../src/services/search.js';
import type { ArticleInput } from '../../src/services/publishing.js';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn } from '../helpers/staff.js';

const doc = (...paragraphs: string[]): RichTextDocument => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe.each(DIALECTS)('search on %s', (dialect) => {
  let t: TestApp;
  let news: Section;
  let libya: Section;
  let opinion: Section;

  const story = (input: Partial<ArticleInput> & { headline: string }, section: Section = news): Promise<Article> => t.make.article({ sectionId: section.id, body: doc(`Ordinary filler text about the day ${input.headline.length}.`), ...input });

  async function page(query: string): Promise<string> {
    const res = await t.app.server.inject({ method: 'GET', url: `/search?${query}` });
    expect(res.statusCode).toBe(200);
    return res.body;
  }

  const ids = async (q: string, extra: Partial<Parameters<TestApp['app']['search']['search']>[0]> = {}) => (await t.app.search.search({ q, language: 'en', ...extra })).hits.map((h) => h.id);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    news = await t.make.section({ slug: 'news', name: 'News' });
    libya = await t.make.section({ slug: 'libya', name: 'Libya', parentId: news.id });
    opinion = await t.make.section({ slug: 'opinion', name: 'Opinion' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('ranks a headline match above a mention in the body, even a newer one', async () => {
    const inHeadline = await story({ headline: 'Lighthouse keepers return to the northern coast', publishedAt: hoursAgo(30) });
    const inBody = await story({ headline: 'Fishing quotas agreed after long talks', body: doc('The deal was signed near the old lighthouse on the pier.'), publishedAt: hoursAgo(2) });
    expect(await ids('lighthouse')).toEqual([inHeadline.id, inBody.id]);
  });

  it('breaks ties by recency', async () => {
    const older = await story({ headline: 'Tramway plans shelved for now', publishedAt: hoursAgo(50) });
    const newer = await story({ headline: 'Tramway plans shelved once more', publishedAt: hoursAgo(5) });
    expect(await ids('tramway plans shelved')).toEqual([newer.id, older.id]);
  });

  it('ignores accents and case, both ways', async () => {
    const a = await story({ headline: 'Mayor of Bogotá opens the new cable car line' });
    expect(await ids('Bogota')).toEqual([a.id]);
    expect(await ids('BOGOTÁ')).toEqual([a.id]);
  });

  it('stems English words, and Spanish words in the Spanish edition', async () => {
    const en = await story({ headline: 'Ceasefire holds as monitors arrive' });
    expect(await ids('ceasefires')).toContain(en.id);
    expect(await ids('monitor arriving')).toContain(en.id);
    const noticias = await t.make.section({ slug: 'noticias', name: 'Noticias', language: 'es' });
    const es = await story({ headline: 'Las elecciones regionales se celebrarán en marzo', language: 'es', slug: 'elecciones-regionales-marzo' }, noticias);
    const spanish = await ids('elección regional', { language: 'es' });
    expect(spanish).toEqual([es.id]);
    // Each edition searches its own stories.
    expect(await ids('elecciones')).not.toContain(es.id);

    // The newsroom searches both editions, each with its own stemmer, newest first. Both
    // stemmers make "eleccion" of "elecciones" (one query for both editions); "elections" is
    // "elect" in English and stays "elections" in Spanish (one query each).
    const quoted = await story({ headline: 'Voters in Caracas weigh the elecciones', publishedAt: hoursAgo(1) });
    const english = await story({ headline: 'Snap elections called in the north', publishedAt: hoursAgo(1) });
    expect(await t.app.search.matchingIds('elecciones')).toEqual([quoted.id, es.id]);
    expect(await t.app.search.matchingIds('elected')).toEqual([english.id]);
    expect(await t.app.search.matchingIds('elecciones', 1)).toEqual([quoted.id]);
  });

  it('finds stories by their tags and authors', async () => {
    const author = await t.make.author({ slug: 'samira-haddad', name: 'Samira Haddad' });
    const a = await story({ headline: 'Port workers vote on a new contract', authorIds: [author.id], tags: ['Labour unions'] });
    expect(await ids('Haddad')).toEqual([a.id]);
    expect(await ids('unions')).toEqual([a.id]);
  });

  it('filters by section (with its subsections), label, author and dates', async () => {
    const author = await t.make.author({ slug: 'filter-author', name: 'Filter Author' });
    const inLibya = await story({ headline: 'Saffron harvest begins early', publishedAt: hoursAgo(24 * 10) }, libya);
    const inNews = await story({ headline: 'Saffron prices climb again', authorIds: [author.id], publishedAt: hoursAgo(3) }, news);
    const inOpinion = await story({ headline: 'Why saffron deserves a festival', label: 'opinion' }, opinion);
    expect((await ids('saffron', { sectionIds: [news.id, libya.id] })).sort()).toEqual([inLibya.id, inNews.id].sort());
    expect(await ids('saffron', { sectionIds: [libya.id] })).toEqual([inLibya.id]);
    expect(await ids('saffron', { label: 'opinion' })).toEqual([inOpinion.id]);
    expect(await ids('saffron', { authorId: author.id })).toEqual([inNews.id]);
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    expect(await ids('saffron', { to: fiveDaysAgo })).toEqual([inLibya.id]);
    // The same through the page's form fields.
    const html = await page('q=saffron&section=news%2Flibya');
    expect(html).toContain('1 story for “saffron”');
    expect(html).toContain('<mark>Saffron</mark> harvest begins early');
  });

  it('never shows drafts or embargoed stories to readers; the newsroom search finds them', async () => {
    const draft = await story({ headline: 'Zeppelin museum draft', status: 'draft', publishedAt: null });
    const future = await story({ headline: 'Zeppelin museum opening', publishedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(await ids('zeppelin')).toEqual([]);
    expect((await ids('zeppelin', { includeUnpublished: true })).sort()).toEqual([draft.id, future.id].sort());
  });

  it('the newsroom’s story list searches drafts by any word in them, not only the headline', async () => {
    const draft = await story({ headline: 'Market report, first draft', status: 'draft', publishedAt: null, body: doc('Growers expect a record kumquat crop this winter.') });
    const editor = await signedIn(t, 'editor');
    const list = await editor.get('/admin/articles?q=kumquats');
    expect(list.body).toContain('Market report, first draft');
    expect(list.body).toContain(`/admin/articles/${draft.id}`);
    // Part of a headline word still works, as before, from three characters (a trigram index).
    expect((await editor.get('/admin/articles?q=market+rep')).body).toContain('Market report, first draft');
    expect((await editor.get('/admin/articles?q=ket+rep')).body).toContain('Market report, first draft');
    const short = (await editor.get('/admin/articles?q=ke')).body;
    expect(short).not.toContain('Market report, first draft');
    expect(short).toContain('matches whole words only: type at least three characters');
    expect((await editor.get('/admin/articles?q=ket')).body).not.toContain('matches whole words only');
    // The editor's story picker (RELATED blocks) finds it by part of its headline too, with
    // the address it will have; text under three characters looks among recent stories.
    const picked = async (q: string) => (await editor.get(`/admin/api/articles/search?q=${encodeURIComponent(q)}`)).json<{ id: number; headline: string; url: string }[]>();
    expect(await picked('ket rep')).toEqual([expect.objectContaining({ id: draft.id, headline: 'Market report, first draft', url: `/news/${draft.slug}` })]);
    expect((await picked('Ma')).map((r) => r.id)).toContain(draft.id);
    expect(await picked('kumquat')).toEqual([]);
    expect((await picked('')).length).toBeGreaterThan(0);
    // A contributor still sees only their own work and what is published.
    const contributor = await signedIn(t, 'contributor');
    expect((await contributor.get('/admin/articles?q=kumquat')).body).not.toContain('Market report, first draft');
  });

  it('follows every edit and unpublish at once', async () => {
    const a = await story({ headline: 'Glacier retreat measured by students' });
    expect(await ids('glacier')).toEqual([a.id]);
    await updateArticle({ db: t.app.db, events: t.app.events }, a.id, { headline: 'Icefield retreat measured by students', sectionId: news.id, standfirst: a.standfirst, body: a.body, status: 'published', publishedAt: a.publishedAt, slug: a.slug });
    expect(await ids('glacier')).toEqual([]);
    expect(await ids('icefield')).toEqual([a.id]);
    await updateArticle({ db: t.app.db, events: t.app.events }, a.id, { headline: 'Icefield retreat measured by students', sectionId: news.id, standfirst: a.standfirst, body: a.body, status: 'draft', publishedAt: null, slug: a.slug });
    expect(await ids('icefield')).toEqual([]);
  });

  it('shows marked snippets from the body, and pages through many results', async () => {
    for (let i = 0; i < 12; i++) {
      await story({ headline: `Orchard report number ${i}`, body: doc(`A long opening paragraph that sets the scene for readers in the valley, written plainly, with several words before the point. Then the apricot growers said the season was late, and number ${i} came after.`) });
    }
    const first = await page('q=apricot');
    expect(first).toContain('12 stories for “apricot”');
    expect(first).toContain('the <mark>apricot</mark> growers said');
    expect(first).toContain('Page 1 of 2');
    expect(first).toContain('href="/search?q=apricot&amp;page=2"');
    const second = await page('q=apricot&page=2');
    expect((second.match(/class="search-hit"/g) ?? []).length).toBe(2);
  });

  it('answers an empty result helpfully, and a query of only common words with a prompt', async () => {
    const none = await page('q=xylophonist&label=opinion');
    expect(none).toContain('No stories match “xylophonist”');
    expect(none).toContain('Search again without the filters');
    expect(await page('q=the+and+of')).toContain('Type a few words to search for');
    expect(await page('')).toContain('<input id="q" name="q" type="search"');
    expect((await t.app.server.inject({ method: 'GET', url: '/search?from=yesterday' })).statusCode).toBe(400);
  });

  // Ranks are read for a range of ids (FTS5 walks a range fast, an id list slowly), so other
  // matches between the candidates are ranked too: they must not slip into the results.
  it('ranks the filtered candidates only, whatever matches sit between them', async () => {
    const bodyOnly = await story({ headline: 'Harbour fees rise', body: doc('Marmalade exports fell.'), publishedAt: hoursAgo(40) }, libya);
    const elsewhere = await story({ headline: 'Marmalade marmalade everywhere', label: 'opinion', publishedAt: hoursAgo(20) }, opinion);
    const inHeadline = await story({ headline: 'Marmalade makers win export deal', publishedAt: hoursAgo(10) }, libya);
    expect(await ids('marmalade', { sectionIds: [libya.id] })).toEqual([inHeadline.id, bodyOnly.id]);
    expect(await ids('marmalade')).toEqual([elsewhere.id, inHeadline.id, bodyOnly.id]);
  });

  it('ranks only the newest matches on a large archive (the cap), and date filters reach older ones', async () => {
    const capped = new SearchService(t.app.db, undefined, 5);
    const made: Article[] = [];
    for (let i = 0; i < 8; i++) made.push(await story({ headline: `Glacier survey ${i}`, publishedAt: new Date(Date.UTC(2021, 0, 1 + i)).toISOString() }));
    const all = await capped.search({ q: 'glacier survey', language: 'en' });
    expect(all.capped).toBe(true);
    expect(all.total).toBe(5);
    // The newest five, by id: the three oldest are not ranked.
    expect(all.hits.map((h) => h.id).sort((x, y) => x - y)).toEqual(made.slice(3).map((m) => m.id));
    const older = await capped.search({ q: 'glacier survey', language: 'en', to: '2021-01-03' });
    expect(older.capped).toBe(false);
    expect(older.hits.map((h) => h.id).sort((x, y) => x - y)).toEqual(made.slice(0, 3).map((m) => m.id));
    expect((await t.app.search.search({ q: 'glacier survey', language: 'en' })).capped).toBe(false);
  });

  it('escapes what the reader typed', async () => {
    const html = await page(`q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
