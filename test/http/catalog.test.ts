/**
 * The newsroom's catalogue screens over HTTP, on every database: the section tree (adding,
 * refusing bad slugs and impossible parents, ordering, deleting), tags (rename, delete) and
 * author profiles (bio, photo, links), each change visible on the reader site at once; and
 * the roles that may not touch any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../src/core/sections.js';
import { startTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import type { Browserish } from '../helpers/staff.js';
import { signedIn } from '../helpers/staff.js';

describe.each(DIALECTS)('newsroom catalogue on %s', (dialect) => {
  let t: TestApp;
  let news: Section;
  let editor: Browserish;
  let admin: Browserish;
  let author: Browserish;
  let contributor: Browserish;

  const site = (url: string) => t.app.server.inject({ method: 'GET', url });
  const siteNav = (html: string) => /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  const sectionForm = (name: string, extra: Record<string, string> = {}) => ({ name, slug: '', description: '', parentId: '', language: 'en', ...extra });

  /** Adds a section through the newsroom; returns its id (read back from the tree list). */
  async function addSection(by: Browserish, name: string, extra: Record<string, string> = {}): Promise<number> {
    const res = await by.post('/admin/sections', sectionForm(name, extra));
    expect(res.statusCode, res.body.slice(0, 800)).toBe(303);
    expect(res.headers.location).toBe('/admin/sections?notice=added');
    const list = await by.get('/admin/sections');
    const id = new RegExp(`<a href="/admin/sections/(\\d+)">${name}</a>`).exec(list.body)?.[1];
    expect(id, `${name} is listed`).toBeDefined();
    return Number(id);
  }

  beforeAll(async () => {
    t = await startTestApp(dialect, { SITE_TIME_ZONE: 'UTC' });
    news = await t.make.section({ slug: 'news', name: 'News', position: 0 });
    editor = await signedIn(t, 'editor');
    admin = await signedIn(t, 'admin');
    const byline = await t.make.author({ slug: 'own-byline', name: 'Own Byline' });
    author = await signedIn(t, 'author', { authorId: byline.id });
    contributor = await signedIn(t, 'contributor');
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('sections', () => {
    it('adds a child section that the reader site serves at its path, with breadcrumbs', async () => {
      expect((await site('/news')).statusCode).toBe(200);
      const id = await addSection(editor, 'Middle East', { parentId: String(news.id), description: 'Stories from the region.' });
      const list = await editor.get('/admin/sections?notice=added');
      expect(list.body).toContain('<a href="/news/middle-east">/news/middle-east</a>');
      expect(list.body).toContain('Section added.');

      const page = await site('/news/middle-east');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1>Middle East</h1>');
      expect(page.body).toContain('Stories from the region.');
      expect(page.body).toMatch(/<nav aria-label="Breadcrumb" class="breadcrumbs"><ol><li><a href="\/news">News<\/a><\/li><li><a href="\/news\/middle-east" aria-current="page">Middle East<\/a><\/li><\/ol><\/nav>/);
      // The parent lists it, although the parent page was cached before the section existed.
      expect((await site('/news')).body).toContain('<a href="/news/middle-east">Middle East</a>');

      // Its edit form shows what is stored.
      const edit = await editor.get(`/admin/sections/${id}`);
      expect(edit.statusCode).toBe(200);
      expect(edit.body).toMatch(/<input id="section-slug" name="slug"[^>]*value="middle-east"/);
    });

    it('refuses a reserved top-level slug and a duplicate sibling slug with a clear message, keeping what was typed', async () => {
      const reserved = await editor.post('/admin/sections', sectionForm('Admin pages', { slug: 'admin', description: 'Typed description.' }));
      expect(reserved.statusCode).toBe(400);
      expect(reserved.body).toContain("is reserved for the site's own pages (/admin)");
      expect(reserved.body).toContain('value="Admin pages"');
      expect(reserved.body).toContain('Typed description.');
      expect((await editor.post('/admin/sections', sectionForm('Tags', {}))).statusCode).toBe(400);

      const duplicate = await editor.post('/admin/sections', sectionForm('Middle East again', { slug: 'middle-east', parentId: String(news.id) }));
      expect(duplicate.statusCode).toBe(400);
      expect(duplicate.body).toContain('is already used by the section');
      expect(duplicate.body).toContain('inside &quot;News&quot;');
      expect(duplicate.body).toContain('value="Middle East again"');

      const topLevelDuplicate = await editor.post('/admin/sections', sectionForm('News again', { slug: 'news' }));
      expect(topLevelDuplicate.statusCode).toBe(400);
      expect(topLevelDuplicate.body).toContain('at the top level');

      const badSlug = await editor.post('/admin/sections', sectionForm('Bad slug', { slug: 'Not A Slug' }));
      expect(badSlug.statusCode).toBe(400);
      expect(badSlug.body).toContain('must be lower-case letters, digits and dashes');

      // Reserved words only matter at the top: /news/live is an ordinary subsection.
      await addSection(editor, 'Live coverage', { slug: 'live', parentId: String(news.id) });
      expect((await site('/news/live')).statusCode).toBe(200);
    });

    it('never lets a section become a child of itself or of its own descendants', async () => {
      const world = await addSection(editor, 'World', { slug: 'world' });
      const africa = await addSection(editor, 'Africa', { parentId: String(world) });
      const libya = await addSection(editor, 'Libya', { parentId: String(africa) });

      const intoGrandchild = await editor.post(`/admin/sections/${world}`, sectionForm('World', { slug: 'world', parentId: String(libya) }));
      expect(intoGrandchild.statusCode).toBe(400);
      expect(intoGrandchild.body).toContain('is inside &quot;World&quot;, so &quot;World&quot; cannot move into it');
      const intoItself = await editor.post(`/admin/sections/${world}`, sectionForm('World', { slug: 'world', parentId: String(world) }));
      expect(intoItself.statusCode).toBe(400);
      expect(intoItself.body).toContain('a section cannot be inside itself');
      // The edit form does not even offer them.
      const edit = await editor.get(`/admin/sections/${world}`);
      expect(edit.body).not.toContain(`<option value="${libya}"`);
      expect(edit.body).toContain(`<option value="${news.id}"`);
      expect((await site('/world/africa/libya')).statusCode).toBe(200);

      // A legal move: Africa goes under News, and its subtree follows it.
      const moved = await editor.post(`/admin/sections/${africa}`, sectionForm('Africa', { slug: 'africa', parentId: String(news.id) }));
      expect(moved.statusCode).toBe(303);
      expect((await site('/news/africa/libya')).statusCode).toBe(200);
      expect((await site('/world/africa/libya')).statusCode).toBe(404);
    });

    it('reorders sections: moving one changes the order of the site navigation', async () => {
      const sport = await addSection(editor, 'Sport', { slug: 'sport' });
      const culture = await addSection(editor, 'Culture', { slug: 'culture' });
      const before = siteNav((await site('/')).body);
      expect(before.indexOf('>Sport<')).toBeGreaterThan(-1);
      expect(before.indexOf('>Sport<')).toBeLessThan(before.indexOf('>Culture<'));

      const res = await editor.post(`/admin/sections/${culture}/move`, { direction: 'up', from: 'list' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/sections?notice=moved');
      const after = siteNav((await site('/')).body);
      expect(after.indexOf('>Culture<')).toBeLessThan(after.indexOf('>Sport<'));

      // From the edit page, back down again; the first one cannot go further up.
      expect((await editor.post(`/admin/sections/${culture}/move`, { direction: 'down', from: 'edit' })).headers.location).toBe(`/admin/sections/${culture}?notice=moved`);
      const again = siteNav((await site('/')).body);
      expect(again.indexOf('>Sport<')).toBeLessThan(again.indexOf('>Culture<'));
      expect((await editor.post(`/admin/sections/${news.id}/move`, { direction: 'up', from: 'edit' })).statusCode).toBe(400);
      expect((await editor.post(`/admin/sections/${sport}/move`, { direction: 'up', from: 'list' })).statusCode).toBe(303);
    });

    it('refuses to delete a section that has stories or subsections, and deletes an empty one', async () => {
      const busy = await addSection(editor, 'Business', { slug: 'business' });
      await t.make.article({ sectionId: busy, headline: 'Markets rally on ceasefire hopes' });
      const refused = await editor.post(`/admin/sections/${busy}/delete`, {});
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('still has 1 story');
      expect((await site('/business')).statusCode).toBe(200);

      const parent = await addSection(editor, 'Science', { slug: 'science' });
      const child = await addSection(editor, 'Space', { parentId: String(parent) });
      const withChild = await editor.post(`/admin/sections/${parent}/delete`, {});
      expect(withChild.statusCode).toBe(400);
      expect(withChild.body).toContain('still has 1 subsection');

      expect((await site('/science/space')).statusCode).toBe(200);
      const deleted = await editor.post(`/admin/sections/${child}/delete`, {});
      expect(deleted.statusCode).toBe(303);
      expect(deleted.headers.location).toBe('/admin/sections?notice=deleted');
      expect((await site('/science/space')).statusCode).toBe(404);
      expect((await admin.post(`/admin/sections/${parent}/delete`, {})).statusCode).toBe(303);
      expect((await editor.get(`/admin/sections/${parent}`)).statusCode).toBe(404);
    });
  });

  describe('tags', () => {
    it('renames a tag: the tag page moves to its new URL and stories show the new name', async () => {
      await t.make.article({ sectionId: news.id, headline: 'Oil exports recover', tags: ['Oil prices'] });
      expect((await site('/tag/oil-prices')).statusCode).toBe(200);
      const storyBefore = await site('/news/oil-exports-recover');
      expect(storyBefore.body).toContain('<a href="/tag/oil-prices">Oil prices</a>');

      const list = await editor.get('/admin/tags?q=oil');
      expect(list.statusCode).toBe(200);
      const id = /<a href="\/admin\/tags\/(\d+)">Oil prices<\/a>/.exec(list.body)?.[1];
      expect(id).toBeDefined();
      const res = await editor.post(`/admin/tags/${id}`, { name: 'Crude oil', slug: 'crude-oil' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/admin/tags/${id}?notice=saved`);

      const renamed = await site('/tag/crude-oil');
      expect(renamed.statusCode).toBe(200);
      expect(renamed.body).toContain('<h1>Crude oil</h1>');
      expect(renamed.body).toContain('Oil exports recover');
      expect((await site('/tag/oil-prices')).statusCode).toBe(404);
      const storyAfter = await site('/news/oil-exports-recover');
      expect(storyAfter.body).toContain('<a href="/tag/crude-oil">Crude oil</a>');
      expect(storyAfter.body).not.toContain('Oil prices');
    });

    it('keeps using a renamed tag whose slug stayed the same when stories are saved again', async () => {
      const story = await t.make.article({ sectionId: news.id, headline: 'Grain ships leave Odesa', tags: ['Grain'] });
      const list = await editor.get('/admin/tags?q=grain');
      const id = /<a href="\/admin\/tags\/(\d+)">Grain<\/a>/.exec(list.body)?.[1];
      expect((await editor.post(`/admin/tags/${id}`, { name: 'Grain exports', slug: 'grain' })).statusCode).toBe(303);
      // The desk saves a story carrying the tag under its new name: no duplicate "grain-exports" tag.
      await t.app.newsroom.save(editor.user, story.id, { input: { headline: story.headline, sectionId: news.id, body: story.body, tags: ['Grain exports'] } });
      const tags = await t.tdb.db.kysely.selectFrom('tags').select(['id', 'slug']).where('slug', 'like', 'grain%').execute();
      expect(tags).toEqual([{ id: Number(id), slug: 'grain' }]);
      expect((await site('/tag/grain')).body).toContain('Grain ships leave Odesa');
    });

    it('refuses a slug another tag uses, and deleting a tag takes it off its stories', async () => {
      await t.make.article({ sectionId: news.id, headline: 'Gas field reopens', tags: ['Gas', 'Energy'] });
      const list = await editor.get('/admin/tags');
      const gas = /<a href="\/admin\/tags\/(\d+)">Gas<\/a>/.exec(list.body)?.[1];
      const clash = await editor.post(`/admin/tags/${gas}`, { name: 'Natural gas', slug: 'energy' });
      expect(clash.statusCode).toBe(400);
      expect(clash.body).toContain('is already used by the tag &quot;Energy&quot;');
      expect(clash.body).toContain('value="Natural gas"');

      const deleted = await editor.post(`/admin/tags/${gas}/delete`, {});
      expect(deleted.statusCode).toBe(303);
      expect((await site('/tag/gas')).statusCode).toBe(404);
      const story = await site('/news/gas-field-reopens');
      expect(story.statusCode).toBe(200);
      expect(story.body).not.toContain('href="/tag/gas"');
      expect(story.body).toContain('href="/tag/energy"');
    });
  });

  describe('authors', () => {
    it('shows an author’s new bio, photo and link on their profile page', async () => {
      const person = await t.make.author({ slug: 'nadia-salem', name: 'Nadia Salem', bio: 'Old bio.' });
      const photo = await t.make.image({ alt: 'Nadia Salem in the newsroom', width: 800, height: 800 });
      expect((await site('/author/nadia-salem')).body).toContain('Old bio.');

      const res = await editor.post(`/admin/authors/${person.id}`, {
        name: 'Nadia Salem',
        slug: 'nadia-salem',
        role: 'Energy correspondent',
        bio: 'Nadia reports on oil and gas across North Africa.',
        xHandle: 'nsalem',
        photoMediaId: String(photo.id),
        linkLabel: ['Mastodon', ''],
        linkUrl: ['https://mastodon.example/@nadia', ''],
      });
      expect(res.statusCode, res.body.slice(0, 800)).toBe(303);
      expect(res.headers.location).toBe(`/admin/authors/${person.id}?notice=saved`);

      const page = await site('/author/nadia-salem');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Nadia reports on oil and gas across North Africa.');
      expect(page.body).not.toContain('Old bio.');
      expect(page.body).toContain('Energy correspondent');
      expect(page.body).toContain(`/media/${photo.key}/`);
      expect(page.body).toContain('alt="Nadia Salem in the newsroom"');
      expect(page.body).toContain('<a href="https://mastodon.example/@nadia" rel="me noopener">Mastodon</a>');
      expect(page.body).toContain('@nsalem on X');

      // The edit form shows what was saved.
      const edit = await editor.get(`/admin/authors/${person.id}`);
      expect(edit.body).toContain('value="https://mastodon.example/@nadia"');
      expect(edit.body).toContain(`<option value="${photo.id}" selected`);
    });

    it('refuses links that are not https, more than eight links, and unknown photos, keeping what was typed', async () => {
      const person = await t.make.author({ slug: 'omar-link', name: 'Omar Link' });
      const base = { name: 'Omar Link', slug: 'omar-link', role: '', bio: 'Typed bio.', xHandle: '', photoMediaId: '' };
      const http = await editor.post(`/admin/authors/${person.id}`, { ...base, linkLabel: ['Blog'], linkUrl: ['http://blog.example'] });
      expect(http.statusCode).toBe(400);
      expect(http.body).toContain('is not an https:// address');
      expect(http.body).toContain('value="http://blog.example"');
      expect(http.body).toContain('Typed bio.');
      const script = await editor.post(`/admin/authors/${person.id}`, { ...base, linkLabel: ['Bad'], linkUrl: ['javascript:alert(1)'] });
      expect(script.statusCode).toBe(400);
      const nine = Array.from({ length: 9 }, (_, i) => i);
      const tooMany = await editor.post(`/admin/authors/${person.id}`, { ...base, linkLabel: nine.map((i) => `Site ${i}`), linkUrl: nine.map((i) => `https://site${i}.example`) });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.body).toContain('links: at most 8');
      const noPhoto = await editor.post(`/admin/authors/${person.id}`, { ...base, photoMediaId: '999999' });
      expect(noPhoto.statusCode).toBe(400);
      expect(noPhoto.body).toContain('photo: choose an image from the media library');
      expect((await site('/author/omar-link')).body).not.toContain('Typed bio.');
    });

    it('creates an author with a unique slug', async () => {
      expect((await editor.get('/admin/authors/new')).statusCode).toBe(200);
      const res = await editor.post('/admin/authors', { name: 'Laila Haddad', slug: '', role: 'Reporter', bio: 'Laila covers courts.', xHandle: '', photoMediaId: '', linkLabel: [''], linkUrl: [''] });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/admin\/authors\/\d+\?notice=created$/);
      const page = await site('/author/laila-haddad');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Laila covers courts.');
      expect((await editor.get('/admin/authors')).body).toContain('>Laila Haddad</a>');
      const again = await editor.post('/admin/authors', { name: 'Laila Haddad', slug: '', role: '', bio: '', xHandle: '', photoMediaId: '' });
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('is already used by the author');
    });
  });

  describe('roles', () => {
    it('refuses every POST of these screens to authors and contributors (403), and changes nothing', async () => {
      const section = await addSection(editor, 'Protected section', { slug: 'protected' });
      const person = await t.make.author({ slug: 'protected-author', name: 'Protected Author' });
      await t.make.article({ sectionId: news.id, headline: 'Story with a protected tag', tags: ['Protected tag'] });
      const tag = /<a href="\/admin\/tags\/(\d+)">Protected tag<\/a>/.exec((await editor.get('/admin/tags?q=protected')).body)?.[1] ?? '';
      expect(tag).not.toBe('');

      const posts: [string, Record<string, string>][] = [
        ['/admin/sections', sectionForm('Sneaky section', { slug: 'sneaky' })],
        [`/admin/sections/${section}`, sectionForm('Renamed', { slug: 'renamed' })],
        [`/admin/sections/${section}/move`, { direction: 'up', from: 'list' }],
        [`/admin/sections/${section}/delete`, {}],
        [`/admin/tags/${tag}`, { name: 'Renamed tag', slug: 'renamed-tag' }],
        [`/admin/tags/${tag}/delete`, {}],
        ['/admin/authors', { name: 'Sneaky Author', slug: 'sneaky-author', role: '', bio: '', xHandle: '', photoMediaId: '' }],
        [`/admin/authors/${person.id}`, { name: 'Renamed Author', slug: 'renamed-author', role: '', bio: '', xHandle: '', photoMediaId: '' }],
      ];
      for (const who of [author, contributor]) {
        for (const [url, form] of posts) expect((await who.post(url, form)).statusCode, `${who.user.role} POST ${url}`).toBe(403);
        for (const url of ['/admin/sections', `/admin/sections/${section}`, '/admin/tags', `/admin/tags/${tag}`, '/admin/authors', '/admin/authors/new', `/admin/authors/${person.id}`]) {
          expect((await who.get(url)).statusCode, `${who.user.role} GET ${url}`).toBe(403);
        }
      }
      // Nothing changed.
      expect((await site('/protected')).statusCode).toBe(200);
      expect((await site('/sneaky')).statusCode).toBe(404);
      expect((await site('/tag/protected-tag')).statusCode).toBe(200);
      expect((await site('/author/protected-author')).body).toContain('<h1>Protected Author</h1>');
      expect((await site('/author/sneaky-author')).statusCode).toBe(404);
      // And the CSRF check applies here too.
      expect((await editor.post(`/admin/sections/${section}/delete`, {}, { csrf: null })).statusCode).toBe(403);
      expect((await site('/protected')).statusCode).toBe(200);
    });
  });
});
