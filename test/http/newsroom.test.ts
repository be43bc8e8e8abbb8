/**
 * The newsroom over HTTP, on every database: sign-in and its protections, every role rule,
 * every workflow transition (allowed and refused), scheduling (fires; survives a restart),
 * embargoes, the edit conflict, revisions, internal notes and signed previews.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import type { Author } from '../../src/core/people.js';
import type { Section } from '../../src/core/sections.js';
import type { MailMessage } from '../../src/services/mail.js';
import { startTestApp, TEST_ORIGIN } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import type { Browserish } from '../helpers/staff.js';
import { encodeForm, signedIn } from '../helpers/staff.js';

const body = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }, { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A subheading' }] }] });

describe.each(DIALECTS)('newsroom on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date('2026-03-01T12:00:00Z');
  const mail: MailMessage[] = [];
  let section: Section;
  let byline: Author;
  let admin: Browserish;
  let editor: Browserish;
  let author: Browserish;
  let contributor: Browserish;

  const form = (headline: string, extra: Record<string, string | string[]> = {}) => ({ headline, standfirst: 'A standfirst.', sectionId: String(section.id), label: 'news', body: body(`Body of ${headline}.`), tags: 'Ceasefire, Libya', ...extra });
  const idFrom = (location: string | string[] | number | undefined) => Number(/\/admin\/articles\/(\d+)/.exec(String(location))?.[1]);
  const versionOf = (html: string) => /<input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
  const site = (url: string) => t.app.server.inject({ method: 'GET', url });

  async function draft(by: Browserish, headline: string, extra: Record<string, string | string[]> = {}): Promise<number> {
    const res = await by.post('/admin/articles', form(headline, extra));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    return idFrom(res.headers.location);
  }

  async function act(by: Browserish, id: number, action: string, extra: Record<string, string> = {}) {
    const page = await by.get(`/admin/articles/${id}`);
    const headline = /<input id="headline" name="headline"[^>]*value="([^"]*)"/.exec(page.body)?.[1] ?? `Story ${id}`;
    // Post back what the form shows, as a browser would: the selected bylines included.
    const bylineSelects = [...page.body.matchAll(/<select id="authorIds-\d"[\s\S]*?<\/select>/g)].map((m) => m[0]);
    const authorIds = bylineSelects.map((select) => /<option value="(\d+)" selected/.exec(select)?.[1] ?? '');
    return by.post(`/admin/articles/${id}`, form(headline.replace(/&amp;/g, '&'), { action, version: versionOf(page.body), authorIds, ...extra }));
  }

  beforeAll(async () => {
    t = await startTestApp(dialect, { SITE_TIME_ZONE: 'UTC' }, { now: () => clock, mailer: { send: (m) => Promise.resolve(void mail.push(m)) } });
    section = await t.make.section({ slug: 'news', name: 'News' });
    byline = await t.make.author({ slug: 'reporter', name: 'Rita Reporter' });
    admin = await signedIn(t, 'admin');
    editor = await signedIn(t, 'editor');
    author = await signedIn(t, 'author', { authorId: byline.id });
    contributor = await signedIn(t, 'contributor');
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('accounts', () => {
    it('sends people without a session to the sign-in page', async () => {
      const res = await t.app.server.inject({ method: 'GET', url: '/admin/articles' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/login?next=%2Fadmin%2Farticles');
      expect((await t.app.server.inject({ method: 'GET', url: '/admin/api/articles/search' })).statusCode).toBe(401);
    });

    it('creates no default account: the first administrator comes from a one-time setup link', async () => {
      const fresh = await startTestApp(dialect);
      try {
        const token = await fresh.app.accounts.setupToken();
        expect(token).toBeDefined();
        const page = await fresh.app.server.inject({ method: 'GET', url: `/admin/setup?token=${token}` });
        expect(page.statusCode).toBe(200);
        const formCookie = page.cookies.find((c) => c.name === 'nd_form');
        const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        const res = await fresh.app.server.inject({ method: 'POST', url: '/admin/setup', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `nd_form=${formCookie?.value}` }, payload: encodeForm({ _csrf: csrf, token: token ?? '', name: 'First Admin', email: 'chief@example.test', password: 'a long enough password' }) });
        expect(res.statusCode).toBe(303);
        expect(res.cookies.find((c) => c.name === 'nd_session')?.httpOnly).toBe(true);
        expect(await fresh.app.accounts.setupToken()).toBeUndefined();
        const again = await fresh.app.server.inject({ method: 'POST', url: '/admin/setup', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `nd_form=${formCookie?.value}` }, payload: encodeForm({ _csrf: csrf, token: token ?? '', name: 'Intruder', email: 'x@example.test', password: 'another long password' }) });
        expect(again.statusCode).toBe(410);
      } finally {
        await fresh.close();
      }
    });

    it('refuses state-changing requests without the CSRF token', async () => {
      expect((await editor.post('/admin/articles', form('No token'), { csrf: null })).statusCode).toBe(403);
      expect((await editor.post('/admin/articles', form('Wrong token'), { csrf: 'forged' })).statusCode).toBe(403);
      expect((await editor.post('/admin/articles', form('Other session token'), { csrf: author.csrf })).statusCode).toBe(403);
    });

    it('throttles sign-in per account after repeated failures, even with the right password', async () => {
      const victim = await signedIn(t, 'author', { password: 'the real password 1' });
      const attempt = (password: string, ip = '10.9.9.9') =>
        t.app.server.inject({ method: 'POST', url: '/admin/login', remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'nd_form=prelogin-token-abcdefghijk' }, payload: encodeForm({ _csrf: 'prelogin-token-abcdefghijk', email: victim.user.email, password }) });
      for (let i = 0; i < 5; i++) expect((await attempt('wrong password')).statusCode).toBe(401);
      const blocked = await attempt('the real password 1', '10.1.1.1');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      clock = new Date(clock.getTime() + 16 * 60_000);
      expect((await attempt('the real password 1', '10.1.1.1')).statusCode).toBe(303);
    });

    it('throttles sign-in per address across accounts', async () => {
      const target = await signedIn(t, 'author', { password: 'ip throttled pw' });
      const attempt = (email: string, password: string) =>
        t.app.server.inject({ method: 'POST', url: '/admin/login', remoteAddress: '10.7.7.7', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'nd_form=prelogin-token-abcdefghijk' }, payload: encodeForm({ _csrf: 'prelogin-token-abcdefghijk', email, password }) });
      // Password spraying: one guess each at many accounts from one address.
      for (let i = 0; i < 20; i++) expect((await attempt(`nobody${i}@example.test`, 'guess')).statusCode).toBe(401);
      expect((await attempt(target.user.email, 'ip throttled pw')).statusCode).toBe(429);
    });

    it('resets a password by email and ends every old session', async () => {
      const person = await signedIn(t, 'author', { password: 'before reset pw' });
      mail.length = 0;
      const res = await t.app.server.inject({ method: 'POST', url: '/admin/forgot', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'nd_form=prelogin-token-abcdefghijk' }, payload: encodeForm({ _csrf: 'prelogin-token-abcdefghijk', email: person.user.email }) });
      expect(res.body).toContain('a reset link is on its way');
      const link = /\/admin\/reset\?token=([A-Za-z0-9_-]+)/.exec(mail[0]?.text ?? '')?.[1];
      expect(mail[0]?.to).toBe(person.user.email);
      expect(link).toBeDefined();
      const done = await t.app.server.inject({ method: 'POST', url: '/admin/reset', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'nd_form=prelogin-token-abcdefghijk' }, payload: encodeForm({ _csrf: 'prelogin-token-abcdefghijk', token: link ?? '', password: 'after reset pw!' }) });
      expect(done.statusCode).toBe(200);
      expect((await person.get('/admin')).statusCode).toBe(303);
      // An unknown address gets the same answer and no mail.
      mail.length = 0;
      await t.app.server.inject({ method: 'POST', url: '/admin/forgot', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'nd_form=prelogin-token-abcdefghijk' }, payload: encodeForm({ _csrf: 'prelogin-token-abcdefghijk', email: 'nobody@example.test' }) });
      expect(mail).toHaveLength(0);
    });

    it('signs out everywhere', async () => {
      const person = await signedIn(t, 'editor');
      expect((await person.get('/admin')).statusCode).toBe(200);
      expect((await person.post('/admin/logout-everywhere', {})).statusCode).toBe(303);
      expect((await person.get('/admin')).statusCode).toBe(303);
    });

    it('lets administrators invite people by email, and nobody else', async () => {
      mail.length = 0;
      const res = await admin.post('/admin/users/invite', { email: 'new.hire@example.test', role: 'author' });
      expect(res.statusCode).toBe(200);
      expect(mail[0]?.text).toMatch(new RegExp(`${TEST_ORIGIN}/admin/accept\\?token=`));
      expect((await editor.post('/admin/users/invite', { email: 'sneaky@example.test', role: 'admin' })).statusCode).toBe(403);
      expect((await editor.get('/admin/users')).statusCode).toBe(403);
    });
  });

  describe('roles and workflow', () => {
    it('contributor: writes a draft and submits it, but cannot publish or edit it in review', async () => {
      const id = await draft(contributor, 'Contributor draft about Sirte');
      expect((await act(contributor, id, 'publish')).statusCode).toBe(403);
      expect((await act(contributor, id, 'schedule', { scheduleAt: '2026-12-01T10:00' })).statusCode).toBe(403);
      const submitted = await act(contributor, id, 'submit');
      expect(submitted.statusCode).toBe(200);
      expect(submitted.body).toContain('Submitted for review.');
      expect((await act(contributor, id, 'save')).statusCode).toBe(403);
      expect((await site('/news/contributor-draft-about-sirte')).statusCode).toBe(404);
      // The editor publishes it.
      expect((await act(editor, id, 'publish')).statusCode).toBe(200);
      expect((await site('/news/contributor-draft-about-sirte')).statusCode).toBe(200);
    });

    it('author: publishes own work, not other people’s', async () => {
      const own = await draft(author, 'Author own story on oil', { authorIds: String(byline.id) });
      expect((await act(author, own, 'publish')).statusCode).toBe(200);
      const others = await draft(editor, 'Editor story the author may not touch');
      expect((await act(author, others, 'publish')).statusCode).toBe(403);
      expect((await act(author, others, 'save')).statusCode).toBe(403);
    });

    it('keeps bylines in the order the desk chose', async () => {
      const second = await t.make.author({ slug: 'second-writer', name: 'Sam Second' });
      const id = await draft(editor, 'Story with two bylines', { authorIds: [String(second.id), '', String(byline.id)] });
      await act(editor, id, 'publish');
      expect((await site('/news/story-with-two-bylines')).body).toMatch(/By <a href="\/author\/second-writer" rel="author">Sam Second<\/a> and <a href="\/author\/reporter" rel="author">Rita Reporter<\/a>/);
    });

    it('refuses transitions that make no sense, with a clear message', async () => {
      const id = await draft(editor, 'Story for odd transitions');
      const res = await act(editor, id, 'unpublish');
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('the story is not published');
      expect((await act(editor, id, 'return')).statusCode).toBe(409);
      expect((await act(editor, id, 'unschedule')).statusCode).toBe(409);
    });

    it('publishes, unpublishes and republishes, and the site follows at once', async () => {
      const id = await draft(editor, 'Tripoli talks resume');
      expect((await site('/news/tripoli-talks-resume')).statusCode).toBe(404);
      expect((await act(editor, id, 'publish')).statusCode).toBe(200);
      const live = await site('/news/tripoli-talks-resume');
      expect(live.statusCode).toBe(200);
      expect((await site('/')).body).toContain('Tripoli talks resume');
      expect((await act(editor, id, 'unpublish')).statusCode).toBe(200);
      expect((await site('/news/tripoli-talks-resume')).statusCode).toBe(404);
      expect((await site('/')).body).not.toContain('Tripoli talks resume');
    });

    it('shows an update note and Updated time on a published story', async () => {
      const id = await draft(editor, 'Casualty figures revised');
      await act(editor, id, 'publish');
      clock = new Date(clock.getTime() + 3_600_000);
      const res = await act(editor, id, 'save', { markUpdated: '1', correctionKind: 'correction', correctionNote: 'An earlier version gave the wrong district.' });
      expect(res.statusCode).toBe(200);
      const page = await site('/news/casualty-figures-revised');
      expect(page.body).toContain('An earlier version gave the wrong district.');
      expect(page.body).toMatch(/Updated <time/);
      expect(page.body).toContain('"@type":"CorrectionComment"');
    });

    it('schedules a story: it stays private until its time, then the scheduler publishes it', async () => {
      const id = await draft(editor, 'Scheduled budget story');
      const res = await act(editor, id, 'schedule', { scheduleAt: new Date(clock.getTime() + 30 * 60_000).toISOString().slice(0, 16) });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Scheduled.');
      expect(await t.app.newsroom.publishDue()).not.toContain(id);
      expect((await site('/news/scheduled-budget-story')).statusCode).toBe(404);
      clock = new Date(clock.getTime() + 31 * 60_000);
      expect(await t.app.newsroom.publishDue()).toContain(id);
      expect((await site('/news/scheduled-budget-story')).statusCode).toBe(200);
      expect(await t.app.newsroom.publishDue()).toEqual([]);
    });

    it('keeps the schedule across a restart: a new instance publishes what fell due', async () => {
      const id = await draft(editor, 'Story that outlives a restart');
      await act(editor, id, 'schedule', { scheduleAt: new Date(clock.getTime() + 5 * 60_000).toISOString().slice(0, 16) });
      clock = new Date(clock.getTime() + 10 * 60_000);
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: t.tdb.dataDir, DATABASE_URL: t.tdb.url, PUBLIC_URL: TEST_ORIGIN });
      const restarted = await createApp(config, { db: t.tdb.db, now: () => clock });
      try {
        const scheduler = restarted.startScheduler();
        await expect.poll(async () => (await restarted.server.inject({ method: 'GET', url: '/news/story-that-outlives-a-restart' })).statusCode, { timeout: 5000 }).toBe(200);
        scheduler.stop();
      } finally {
        await restarted.server.close();
      }
    });

    it('never publishes before the embargo, whoever presses publish', async () => {
      const embargo = new Date(clock.getTime() + 2 * 3_600_000).toISOString().slice(0, 16);
      const id = await draft(editor, 'Embargoed report on aid', { embargoUntil: embargo });
      const res = await act(editor, id, 'publish', { embargoUntil: embargo });
      expect(res.body).toContain('under embargo');
      expect((await site('/news/embargoed-report-on-aid')).statusCode).toBe(404);
      clock = new Date(clock.getTime() + 3_600_000);
      expect(await t.app.newsroom.publishDue()).not.toContain(id);
      clock = new Date(clock.getTime() + 3_600_000 + 1000);
      expect(await t.app.newsroom.publishDue()).toContain(id);
      expect((await site('/news/embargoed-report-on-aid')).statusCode).toBe(200);
    });
  });

  describe('editing', () => {
    it('refuses the second of two saves from the same version: nothing is overwritten', async () => {
      const id = await draft(editor, 'Contested headline');
      const page = await editor.get(`/admin/articles/${id}`);
      const version = versionOf(page.body);
      const first = await editor.post(`/admin/articles/${id}`, form('First editor wins', { version, action: 'save' }));
      expect(first.statusCode).toBe(200);
      const other = await signedIn(t, 'editor');
      const second = await other.post(`/admin/articles/${id}`, form('Second editor loses', { version, action: 'save' }));
      expect(second.statusCode).toBe(409);
      expect(second.body).toContain('since you opened it');
      // The loser's text is still in the form, so nothing typed is lost.
      expect(second.body).toContain('Second editor loses');
      const loaded = await t.app.newsroom.load(id);
      expect(loaded?.article.headline).toBe('First editor wins');
    });

    it('autosaves and answers a conflict with 409', async () => {
      const id = await draft(editor, 'Autosaved story');
      const version = versionOf((await editor.get(`/admin/articles/${id}`)).body);
      const res = await editor.post(`/admin/articles/${id}/autosave`, form('Autosaved story, longer', { version }));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: Number(version) + 1 });
      expect((await editor.post(`/admin/articles/${id}/autosave`, form('Stale autosave', { version }))).statusCode).toBe(409);
    });

    it('rejects unsafe or unknown body content with a clear error', async () => {
      const res = await editor.post('/admin/articles', form('Bad body', { body: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }) }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('link must be http(s), mailto or a site path');
      const html = await editor.post('/admin/articles', form('HTML body', { body: JSON.stringify({ type: 'doc', content: [{ type: 'html', html: '<script>' }] }) }));
      expect(html.statusCode).toBe(400);
    });

    it('keeps a revision per save, compares two and restores one', async () => {
      const id = await draft(editor, 'Original wording');
      const v1 = versionOf((await editor.get(`/admin/articles/${id}`)).body);
      await editor.post(`/admin/articles/${id}`, form('Changed wording', { version: v1, action: 'save' }));
      const list = await editor.get(`/admin/articles/${id}/revisions`);
      const revIds = [...list.body.matchAll(new RegExp(`/admin/articles/${id}/revisions/(\\d+)"`, 'g'))].map((m) => Number(m[1]));
      expect(revIds.length).toBe(2);
      const oldest = Math.min(...revIds);
      const diff = await editor.get(`/admin/articles/${id}/revisions/${oldest}`);
      expect(diff.body).toMatch(/<del>Original<\/del>/);
      expect(diff.body).toMatch(/<ins>Changed<\/ins>/);
      const current = versionOf((await editor.get(`/admin/articles/${id}`)).body);
      expect((await editor.post(`/admin/articles/${id}/revisions/${oldest}/restore`, { version: current })).statusCode).toBe(303);
      expect((await t.app.newsroom.load(id))?.article.headline).toBe('Original wording');
    });

    it('keeps internal notes in the newsroom only', async () => {
      const id = await draft(editor, 'Story with a note');
      await editor.post(`/admin/articles/${id}/notes`, { body: 'Check the casualty figure with the ministry.' });
      expect((await editor.get(`/admin/articles/${id}`)).body).toContain('Check the casualty figure with the ministry.');
      await act(editor, id, 'publish');
      expect((await site('/news/story-with-a-note')).body).not.toContain('casualty figure with the ministry');
    });

    it('previews a draft through a signed link only', async () => {
      const id = await draft(editor, 'Draft seen through preview');
      const page = await editor.get(`/admin/articles/${id}`);
      const link = /href="(\/preview\/\d+\?expires=\d+&amp;sig=[^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
      expect(link).toBeDefined();
      const preview = await site(link ?? '');
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain('Draft seen through preview');
      expect(preview.headers['cache-control']).toContain('no-store');
      expect(preview.body).toContain('<meta name="robots" content="noindex"/>');
      expect((await site((link ?? '').replace(/sig=[^&]+/, 'sig=forged'))).statusCode).toBe(404);
      expect((await site(`/preview/${id + 1000}?expires=9999999999&sig=x`)).statusCode).toBe(404);
    });

    it('filters the article list by status, section, author and text', async () => {
      const res = await editor.get(`/admin/articles?status=published&q=${encodeURIComponent('tripoli')}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Scheduled budget story');
      const drafts = await editor.get('/admin/articles?status=draft');
      expect(drafts.body).toContain('First editor wins');
      expect(drafts.body).not.toContain('Scheduled budget story');
      const byAuthor = await editor.get(`/admin/articles?authorId=${byline.id}`);
      expect(byAuthor.body).toContain('Author own story on oil');
      expect(byAuthor.body).not.toContain('First editor wins');
      // Contributors see their own work and published stories, not colleagues' drafts.
      expect((await contributor.get('/admin/articles?status=draft')).body).not.toContain('First editor wins');
    });

    it('shows dates in lists without making a date formatter per row', async () => {
      // Each Intl.DateTimeFormat costs ~130 µs and memory outside the heap that the GC frees
      // late: made per row, 50 editors at once took an instance past 700 MB (docs/performance.md).
      const pages = ['/admin', '/admin/articles', '/admin/comments', '/admin/comments/log'];
      for (const p of pages) expect((await admin.get(p)).statusCode).toBe(200);
      const Original = Intl.DateTimeFormat;
      let made = 0;
      const counting = new Proxy(Original, {
        construct: (target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
          made++;
          return new target(...args);
        },
        apply: (target, _this, args: Parameters<typeof Intl.DateTimeFormat>) => {
          made++;
          return target(...args);
        },
      });
      Intl.DateTimeFormat = counting;
      try {
        for (const p of pages) {
          const page = await admin.get(p);
          expect(page.statusCode).toBe(200);
          if (p === '/admin/articles') expect(page.body).toMatch(/\d{1,2} [A-Z][a-z]{2} 20\d\d, \d\d:\d\d/);
        }
      } finally {
        Intl.DateTimeFormat = Original;
      }
      expect(made).toBe(0);
    });
  });
});
