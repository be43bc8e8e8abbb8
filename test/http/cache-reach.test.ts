/**
 * What an edit clears from the page cache (and so from the CDN): a draft's edits and
 * autosaves clear nothing a reader sees; an edit that keeps a public story in the same lists
 * clears the pages that show it and the sitemaps, and leaves the other lists cached; a
 * publish or a move clears the lists. In a newsroom saving every few seconds, the first two
 * are nearly every save. The mechanism is the app's, not the database's: SQLite only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { Section } from '../../src/core/sections.js';
import type { StaffUser } from '../../src/core/staff.js';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';
import { signedIn } from '../helpers/staff.js';

describe('what a newsroom save clears from the page cache', () => {
  let t: TestApp;
  let news: Section;
  let sport: Section;
  let harbour: Article;
  let match: Article;
  let editor: StaffUser;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    news = await t.make.section({ slug: 'news', name: 'News' });
    sport = await t.make.section({ slug: 'sport', name: 'Sport' });
    harbour = await t.make.article({ sectionId: news.id, headline: 'Storm closes the harbour', tags: ['Weather'] });
    match = await t.make.article({ sectionId: sport.id, headline: 'Cup final goes to extra time' });
    editor = (await signedIn(t, 'editor')).user;
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string) => t.app.server.inject({ method: 'GET', url });
  const pages = () => ({ home: '/', news: '/news', sport: '/sport', harbour: `/news/${harbour.slug}`, match: `/sport/${match.slug}`, tag: '/tag/weather', sitemap: '/sitemap.xml' });
  type Page = keyof ReturnType<typeof pages>;

  /** Every page rendered and cached (a second request is a hit). */
  async function warm(): Promise<void> {
    for (const url of Object.values(pages())) {
      await get(url);
      expect((await get(url)).headers['x-cache'], url).toBe('HIT');
    }
  }

  /** Which of the pages the last change cleared. */
  async function cleared(): Promise<Page[]> {
    const out: Page[] = [];
    for (const [name, url] of Object.entries(pages()) as [Page, string][]) if ((await get(url)).headers['x-cache'] === 'MISS') out.push(name);
    return out;
  }

  async function save(id: number, change: (input: ReturnType<TestApp['app']['newsroom']['toInput']>) => void, extra: { autosave?: boolean; action?: 'publish' } = {}) {
    const loaded = await t.app.newsroom.load(id);
    if (!loaded) throw new Error(`no story ${id}`);
    const input = t.app.newsroom.toInput(loaded);
    change(input);
    return t.app.newsroom.save(editor, id, { input, ...extra });
  }

  it("clears nothing a reader sees when a draft is edited or autosaved", async () => {
    const draft = await t.app.newsroom.create(editor, { headline: 'Port reopening plan (draft)', sectionId: news.id, body: { type: 'doc', content: [] } });
    await warm();
    await save(draft.article.id, (input) => (input.headline = 'Port reopening plan, second draft'), { autosave: true });
    await save(draft.article.id, (input) => (input.standfirst = 'Still being written.'));
    expect(await cleared()).toEqual([]);
  });

  it('clears the pages showing a public story edited in place, and the sitemaps, and no other list', async () => {
    await warm();
    await save(harbour.id, (input) => (input.headline = 'Storm closes the harbour for a second day'));
    // Its page, and the lists with its card (home, its section, its tag); the other section
    // front and the other story's page stay cached.
    expect(await cleared()).toEqual(['home', 'news', 'harbour', 'tag', 'sitemap']);
    expect((await get('/')).body).toContain('Storm closes the harbour for a second day');
  });

  it('clears every list when a story is published or moves section', async () => {
    const draft = await t.app.newsroom.create(editor, { headline: 'Ferries resume after the storm', sectionId: news.id, body: { type: 'doc', content: [] } });
    await warm();
    await save(draft.article.id, () => undefined, { action: 'publish' });
    expect(await cleared()).toEqual(expect.arrayContaining(['home', 'news', 'sport', 'tag', 'sitemap']));
    expect((await get('/')).body).toContain('Ferries resume after the storm');

    await warm();
    await save(match.id, (input) => (input.sectionId = news.id));
    expect(await cleared()).toEqual(expect.arrayContaining(['home', 'news', 'sport', 'sitemap']));
  });
});
