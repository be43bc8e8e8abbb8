/**
 * Comment moderation in the newsroom over HTTP, on every database: the queues show what a
 * moderator needs (hold reasons, spam score, reports, the reader's record, the reply's
 * context), decisions (one and bulk) change what readers see and are logged with who made
 * them, readers are warned, suspended and banned, the comment settings are saved and refused
 * with clear messages, and every role that may not moderate is refused on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import { CommentRejectedError } from '../../src/core/comments/pipeline.js';
import type { Section } from '../../src/core/sections.js';
import { startTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import type { Browserish } from '../helpers/staff.js';
import { signedIn } from '../helpers/staff.js';
import { accountMails } from '../../src/site/comments/reader-mails.js';

describe.each(DIALECTS)('comment moderation on %s', (dialect) => {
  let t: TestApp;
  let section: Section;
  let editor: Browserish;
  let moderator: Browserish;
  let author: Browserish;
  let contributor: Browserish;
  let readerN = 0;
  let ipN = 0;

  /** A verified reader account, made the way the site makes one; returns its id and name. */
  async function reader(name = `Reader ${++readerN}`): Promise<{ id: number; name: string; email: string }> {
    const email = `reader${readerN}-${Math.random().toString(36).slice(2, 8)}@example.test`;
    await t.app.readers.signUp({ email, displayName: name, password: 'correct horse battery staple' }, accountMails(t.app.editions.default));
    await t.app.db.kysely.updateTable('readers').set({ email_verified_at: new Date().toISOString() }).where('email', '=', email).execute();
    const row = await t.app.db.kysely.selectFrom('readers').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    return { id: row.id, name, email };
  }

  /** Posts as a reader from an address of its own (the per-address rate limit stays out of the way). */
  async function post(articleId: number, readerId: number, body: string, parentId?: number) {
    const result = await t.app.comments.post({ articleId, body, ...(parentId ? { parentId } : {}) }, { kind: 'reader', readerId }, `203.0.113.${++ipN}`);
    return result.comment;
  }

  const story = (): Promise<Article> => t.make.article({ sectionId: section.id });
  const decide = (by: Browserish, ids: number[], decision: string, ret = '/admin/comments?queue=pending') => by.post('/admin/comments/decide', { ids: ids.map(String), decision, return: ret });
  const threadIds = async (articleId: number) => {
    const thread = await t.app.comments.thread(articleId);
    return { count: thread.count, ids: thread.comments.map((c) => c.id), featured: thread.featured.map((c) => c.id) };
  };
  /** One comment's block on a queue page. */
  const itemHtml = (html: string, id: number) => new RegExp(`<article class="mod-item" id="comment-${id}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';

  beforeAll(async () => {
    t = await startTestApp(dialect, { SITE_TIME_ZONE: 'UTC' });
    section = await t.make.section({ slug: 'news', name: 'News' });
    editor = await signedIn(t, 'editor');
    moderator = await signedIn(t, 'moderator');
    const byline = await t.make.author({ slug: 'own-byline', name: 'Own Byline' });
    author = await signedIn(t, 'author', { authorId: byline.id });
    contributor = await signedIn(t, 'contributor');
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('the queues', () => {
    it("lists a held comment with its reasons, spam score, story, reader's record and the decision forms", async () => {
      const article = await story();
      const r = await reader('Held Hannah');
      const c = await post(article.id, r.id, 'A first comment with a link https://example.org/source for readers.');
      expect(c.status).toBe('pending');
      const [item] = (await t.app.moderation.queue('pending', 1, { readerId: r.id })).items;
      expect(item?.holdReasons).toEqual(expect.arrayContaining(['new reader', '1 link']));

      const page = await moderator.get('/admin/comments');
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      const html = itemHtml(page.body, c.id);
      expect(html, 'the comment is listed').not.toBe('');
      expect(html).toContain('A first comment with a link');
      expect(html).toContain('<a href="https://example.org/source" rel="nofollow ugc noopener" target="_blank">');
      expect(html).toContain('Held because</dt><dd>1 link, new reader</dd>');
      expect(html).toContain(`<dd>score ${item?.score}: ${item?.scoreReasons.join(', ')}</dd>`);
      expect(item?.scoreReasons.join(', ')).toContain('new account');
      expect(html).toContain(`<a href="/comments/${c.id}">${article.headline}</a>`);
      // Moderators write nothing: no link into the story editor for them (editors get one).
      expect(html).not.toContain(`/admin/articles/${article.id}`);
      expect(itemHtml((await editor.get('/admin/comments')).body, c.id)).toContain(`<a href="/admin/articles/${article.id}">edit the story</a>`);
      expect(html).toContain(`<a href="/admin/comments/readers/${r.id}">Held Hannah</a>`);
      expect(html).toMatch(/verified email.*0 approved comments.*0 rejected comments.*0 warnings/);
      expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[^"]+">/);
      expect(html).toContain('tabindex="-1"');
      expect(html).toContain(`<input type="checkbox" class="mod-select" id="select-${c.id}" name="ids" value="${c.id}" form="bulk-form"/>`);
      expect(html).toContain(`<label for="select-${c.id}" class="visually-hidden">Select the comment by Held Hannah</label>`);
      expect(html).toContain('aria-label="Approve comment by Held Hannah"');
      expect(html).toContain('aria-label="Reject comment by Held Hannah"');
      expect(html).toMatch(/<button type="submit" name="decision" value="feature"[^>]*>Feature \(Editor(&#39;|')s pick\)<\/button>/);
      expect(html).toContain(`<input type="hidden" name="_csrf" value="${moderator.csrf}"/>`);
      expect(html).toContain('<input type="hidden" name="return" value="/admin/comments?queue=pending"/>');

      // The page around it: tabs with counts, the bulk bar, the shortcuts and the script.
      const counts = await t.app.moderation.counts();
      expect(page.body).toContain(`<a href="/admin/comments?queue=pending" aria-current="page">Pending (${counts.pending})</a>`);
      expect(page.body).toContain(`Reported (${counts.reported})`);
      expect(page.body).toContain('<form method="post" action="/admin/comments/decide" id="bulk-form"');
      expect(page.body).toContain('<legend>With the selected comments</legend>');
      expect(page.body).toContain('<kbd>j</kbd>');
      expect(page.body).toContain('<dialog id="mod-shortcuts-dialog"');
      expect(page.body).toMatch(/<script type="module" src="\/assets\/moderation\.[0-9a-f]{10}\.js" integrity="sha384-[^"]+"><\/script>/);
      expect(page.body).toMatch(/<a href="\/admin\/comments" aria-current="page">Comments<\/a>/);
      const script = /src="(\/assets\/moderation\.[0-9a-f]{10}\.js)"/.exec(page.body)?.[1] ?? '';
      const js = await t.app.server.inject({ method: 'GET', url: script });
      expect(js.statusCode).toBe(200);
      expect(js.body).toContain("case 'j'");
      // Headings in order: the page, the shortcuts and the queue, then one per comment.
      const levels = [...page.body.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++) expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    });

    it('shows a reply with the comment it answers, and open reports with their reasons', async () => {
      const article = await story();
      const first = await reader('Parent Pat');
      const parent = await post(article.id, first.id, 'The original point, made plainly.');
      expect((await decide(moderator, [parent.id], 'approve')).statusCode).toBe(303);
      const second = await reader('Replying Rae');
      const reply = await post(article.id, second.id, 'A reply that disagrees politely.', parent.id);
      const html = itemHtml((await moderator.get('/admin/comments')).body, reply.id);
      expect(html).toContain('In reply to Parent Pat:');
      expect(html).toContain('<blockquote><p>The original point, made plainly.</p></blockquote>');

      // A comment published without a moderator (here a staff note) that readers report.
      const desk = await t.app.comments.post({ articleId: article.id, body: 'The desk answers: the figures come from the ministry.' }, { kind: 'staff', user: editor.user }, '192.0.2.2');
      const reporter = await reader('Reporting Rob');
      await t.app.comments.report(desk.comment.id, { readerId: reporter.id, ip: '198.51.100.9' }, 'spam', 'Looks like an advert');
      const reported = await moderator.get('/admin/comments?queue=reported');
      expect(reported.statusCode).toBe(200);
      const item = itemHtml(reported.body, desk.comment.id);
      expect(item).toContain('1 open report');
      expect(item).toMatch(/Spam or advertising: “Looks like an advert” \(<time/);
      expect(reported.body).toContain('aria-current="page">Reported (1)</a>');
      // Keeping it (approve) closes the report and empties the queue.
      expect((await decide(moderator, [desk.comment.id], 'approve', '/admin/comments?queue=reported')).headers.location).toBe('/admin/comments?queue=reported&done=approve&n=1');
      const after = await moderator.get('/admin/comments?queue=reported');
      expect(after.body).toContain('No reported comments.');
      expect(itemHtml(after.body, desk.comment.id)).toBe('');
    });

    it('approving a reported comment that a moderator approved before closes its reports', async () => {
      const article = await story();
      const r = await reader('Reported Ria');
      const c = await post(article.id, r.id, 'Approved once, reported later by a reader.');
      await decide(moderator, [c.id], 'approve');
      await t.app.comments.report(c.id, { readerId: (await reader('Flagging Flo')).id, ip: '198.51.100.10' }, 'abuse', '');
      await decide(moderator, [c.id], 'approve', '/admin/comments?queue=reported');
      expect(itemHtml((await moderator.get('/admin/comments?queue=reported')).body, c.id)).toBe('');
    });

    it('badges staff comments and shows the email of a guest', async () => {
      const article = await story();
      const staffComment = await t.app.comments.post({ articleId: article.id, body: 'A note from the desk: we have corrected the figures.' }, { kind: 'staff', user: editor.user }, '192.0.2.1');
      expect(staffComment.comment.status).toBe('approved');
      const unmoderated = await moderator.get('/admin/comments?queue=unmoderated');
      const staffHtml = itemHtml(unmoderated.body, staffComment.comment.id);
      expect(staffHtml).toContain('<span class="mod-badge mod-badge-staff">Staff</span>');

      await t.app.comments.saveSettings({ ...(await t.app.comments.settings()), guestComments: true });
      const guest = await t.app.comments.post({ articleId: article.id, body: 'A guest has something to say here.' }, { kind: 'guest', name: 'Gus Guest', email: 'Gus@Example.test' }, '192.0.2.44');
      const guestHtml = itemHtml((await moderator.get('/admin/comments')).body, guest.comment.id);
      expect(guestHtml).toContain('Guest, email <span class="mod-email">gus@example.test</span>');
      expect(guestHtml).toContain('guest comment');
    });

    it('answers 400 for an unknown queue and shows a friendly empty state', async () => {
      expect((await moderator.get('/admin/comments?queue=everything')).statusCode).toBe(400);
      const rejected = await moderator.get('/admin/comments?queue=rejected&page=40');
      expect(rejected.statusCode).toBe(200);
      expect(rejected.body).toContain('There is nothing on this page.');
    });

    it('escapes a comment that tries to inject markup or a javascript: link', async () => {
      const article = await story();
      const r = await reader('Mallory Mal');
      const c = await post(article.id, r.id, 'Look <img src=x onerror=alert(1)> and [x](javascript:alert(1)) <script>alert(2)</script>');
      const page = await moderator.get('/admin/comments');
      const html = itemHtml(page.body, c.id);
      expect(html).toContain('&lt;img src=x onerror=alert(1)>');
      expect(page.body).not.toMatch(/<img\b/i);
      expect(page.body).not.toMatch(/href="\s*javascript:/i);
      expect(page.body).not.toContain('<script>alert(2)');
      expect(page.body.match(/<script\b/g)?.length).toBe(1);
    });
  });

  describe('decisions', () => {
    it('approving a held comment publishes it, says so, and logs who did it', async () => {
      const article = await story();
      const r = await reader('Approved Ada');
      const c = await post(article.id, r.id, 'Worth publishing: a careful comment.');
      expect(await threadIds(article.id)).toEqual({ count: 0, ids: [], featured: [] });

      const res = await decide(moderator, [c.id], 'approve');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/comments?queue=pending&done=approve&n=1');
      const back = await moderator.get(String(res.headers.location));
      expect(back.body).toContain('<p class="admin-notice" role="status">1 comment approved.</p>');
      expect(itemHtml(back.body, c.id)).toBe('');
      expect(await threadIds(article.id)).toMatchObject({ count: 1, ids: [c.id] });

      const log = await moderator.get('/admin/comments/log');
      expect(log.statusCode).toBe(200);
      const row = new RegExp(`<tr>(?:(?!</tr>)[\\s\\S])*?<a href="/comments/${c.id}">Comment ${c.id}</a>[\\s\\S]*?</tr>`).exec(log.body)?.[0] ?? '';
      expect(row).toContain(`<td>${moderator.user.name}</td>`);
      expect(row).toContain('<td>Approved</td>');
      expect(row).toContain(`<a href="/admin/comments/readers/${r.id}">Approved Ada</a>`);
    });

    it('rejecting an approved comment takes it off the thread and out of the count', async () => {
      const article = await story();
      const r = await reader('Rejected Rex');
      const c = await post(article.id, r.id, 'Published first, regretted later.');
      await decide(moderator, [c.id], 'approve');
      expect((await threadIds(article.id)).count).toBe(1);
      const res = await decide(moderator, [c.id], 'reject', '/admin/comments?queue=approved');
      expect(res.headers.location).toBe('/admin/comments?queue=approved&done=reject&n=1');
      expect(await threadIds(article.id)).toEqual({ count: 0, ids: [], featured: [] });
      expect(itemHtml((await moderator.get('/admin/comments?queue=rejected')).body, c.id)).toContain('Rejected</span>');
      // Rejected again: nothing changes, and the notice says so.
      const again = await decide(moderator, [c.id], 'reject');
      expect((await moderator.get(String(again.headers.location))).body).toContain('Nothing was changed: those comments already had that decision.');
    });

    it("featuring puts a comment among the Editor's picks; unfeaturing takes it out", async () => {
      const article = await story();
      const r = await reader('Featured Fay');
      const c = await post(article.id, r.id, 'An insight worth putting at the top.');
      const res = await decide(moderator, [c.id], 'feature');
      expect(res.headers.location).toBe('/admin/comments?queue=pending&done=feature&n=1');
      expect(await threadIds(article.id)).toMatchObject({ count: 1, featured: [c.id] });
      const approved = itemHtml((await moderator.get('/admin/comments?queue=approved')).body, c.id);
      expect(approved).toMatch(/<span class="mod-badge mod-badge-pick">Editor(&#39;|')s pick<\/span>/);
      expect(approved).toContain('value="unfeature"');
      await decide(moderator, [c.id], 'unfeature', '/admin/comments?queue=approved');
      expect(await threadIds(article.id)).toMatchObject({ count: 1, featured: [] });
    });

    it('approves two comments at once from the bulk bar', async () => {
      const article = await story();
      const one = await post(article.id, (await reader('Bulk Bea')).id, 'First of a pair of comments.');
      const two = await post(article.id, (await reader('Bulk Bo')).id, 'Second of a pair of comments.');
      const res = await decide(moderator, [one.id, two.id], 'approve');
      expect(res.headers.location).toBe('/admin/comments?queue=pending&done=approve&n=2');
      expect((await moderator.get(String(res.headers.location))).body).toContain('2 comments approved.');
      const thread = await threadIds(article.id);
      expect(thread.count).toBe(2);
      expect(thread.ids.sort()).toEqual([one.id, two.id].sort());
    });

    it('refuses bad input and never redirects away from the newsroom', async () => {
      const article = await story();
      const c = await post(article.id, (await reader('Edge Ed')).id, 'An ordinary comment for edge cases.');
      expect((await decide(moderator, [c.id], 'delete')).statusCode).toBe(400);
      expect((await moderator.post('/admin/comments/decide', { ids: ['1; drop table comments'], decision: 'approve', return: '' })).statusCode).toBe(400);
      const none = await moderator.post('/admin/comments/decide', { decision: 'approve', return: '/admin/comments?queue=pending' });
      expect(none.headers.location).toBe('/admin/comments?queue=pending&done=none');
      for (const evil of ['https://evil.example/phish', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/admin/users']) {
        const res = await decide(moderator, [c.id], 'reject', evil);
        expect(String(res.headers.location), evil).toMatch(/^\/admin\/comments\?done=reject&n=[01]$/);
      }
    });

    it('refuses a decision without the CSRF token, or with a wrong one', async () => {
      const article = await story();
      const c = await post(article.id, (await reader('Csrf Cy')).id, 'A comment someone else wants approved.');
      const missing = await moderator.post('/admin/comments/decide', { ids: [String(c.id)], decision: 'approve', return: '' }, { csrf: null });
      expect(missing.statusCode).toBe(403);
      const wrong = await moderator.post('/admin/comments/decide', { ids: [String(c.id)], decision: 'approve', return: '' }, { csrf: 'not-the-token' });
      expect(wrong.statusCode).toBe(403);
      expect((await t.app.comments.view(c.id))?.status).toBe('pending');
    });
  });

  describe('readers', () => {
    it("shows a reader's record and every comment they wrote, whatever its state", async () => {
      const article = await story();
      const r = await reader('Record Rae');
      const a = await post(article.id, r.id, 'One that will be approved by the desk.');
      await decide(moderator, [a.id], 'approve');
      const b = await post(article.id, r.id, 'One that will be rejected, with a link https://spam.example/buy');
      await decide(moderator, [b.id], 'reject');
      const c = await post(article.id, r.id, 'And one with a link that waits: https://example.org/wait');

      const page = await moderator.get(`/admin/comments/readers/${r.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1>Reader: Record Rae</h1>');
      expect(page.body).toContain(`${r.email} (verified)`);
      expect(page.body).toContain('1 approved, 1 rejected');
      expect(page.body).toContain('In good standing');
      for (const id of [a.id, b.id, c.id]) expect(itemHtml(page.body, id), `comment ${id}`).not.toBe('');
      expect(page.body).toContain(`<input type="hidden" name="return" value="/admin/comments/readers/${r.id}"/>`);
      for (const label of ['Warn Record Rae', 'Suspend Record Rae', 'Ban Record Rae', 'Reinstate Record Rae']) expect(page.body).toContain(label);
      expect(page.body).toContain('<label for="suspend-days">Days (1 to 365)</label>');
      // Deciding from the reader's page comes back to it.
      const res = await decide(moderator, [c.id], 'approve', `/admin/comments/readers/${r.id}`);
      expect(res.headers.location).toBe(`/admin/comments/readers/${r.id}?done=approve&n=1`);
      expect((await moderator.get(`/admin/comments/readers/${r.id}`)).body).toContain('<td>Rejected</td>');
    });

    it('warns, suspends and bans a reader; a banned reader cannot post; reinstating lets them back', async () => {
      const article = await story();
      const r = await reader('Troubled Tom');
      const first = await post(article.id, r.id, 'A comment before any trouble.');
      const act = (form: Record<string, string>) => moderator.post(`/admin/comments/readers/${r.id}/action`, form);

      const warned = await act({ action: 'warn', note: 'Keep it civil <b>please</b>' });
      expect(warned.statusCode).toBe(303);
      expect(warned.headers.location).toBe(`/admin/comments/readers/${r.id}?notice=warn`);
      let page = await moderator.get(String(warned.headers.location));
      expect(page.body).toContain('Warning recorded.');
      expect(page.body).toMatch(/<dt>Warnings<\/dt><dd>1<\/dd>/);
      expect(page.body).toContain('Keep it civil &lt;b>please&lt;/b>');
      expect(page.body).toContain('<td>Warned</td>');
      expect(itemHtml((await moderator.get('/admin/comments')).body, first.id)).toContain('1 warning');

      const badDays = await act({ action: 'suspend', days: '0', note: '' });
      expect(badDays.statusCode).toBe(400);
      expect(badDays.body).toContain('Days: ');
      expect(badDays.body).toMatch(/<input id="suspend-days" name="days" type="number"[^>]*value="0"/);
      expect((await act({ action: 'suspend', days: 'soon', note: '' })).statusCode).toBe(400);
      expect((await act({ action: 'promote', note: '' })).statusCode).toBe(400);

      const suspended = await act({ action: 'suspend', days: '3', note: 'Cooling off' });
      expect(suspended.statusCode).toBe(303);
      page = await moderator.get(`/admin/comments/readers/${r.id}`);
      expect(page.body).toMatch(/Suspended until <time datetime="[^"]+">/);
      expect(page.body).toContain('3 days: Cooling off');
      await expect(post(article.id, r.id, 'Trying to post while suspended.')).rejects.toBeInstanceOf(CommentRejectedError);

      const banned = await act({ action: 'ban', note: 'Spam after warnings' });
      expect(banned.statusCode).toBe(303);
      page = await moderator.get(`/admin/comments/readers/${r.id}`);
      expect(page.body).toContain('<span class="mod-badge mod-badge-danger">Banned</span>');
      expect((await t.app.moderation.reader(r.id))?.banned).toBe(true);
      await expect(post(article.id, r.id, 'Trying to post while banned.')).rejects.toThrow('can no longer post');

      expect((await act({ action: 'reinstate', note: '' })).statusCode).toBe(303);
      expect((await moderator.get(`/admin/comments/readers/${r.id}`)).body).toContain('In good standing');
      expect((await post(article.id, r.id, 'Back, and on my best behaviour.')).status).toBe('pending');
    });

    it('answers 404 for a reader who does not exist', async () => {
      expect((await moderator.get('/admin/comments/readers/999999')).statusCode).toBe(404);
      expect((await moderator.get('/admin/comments/readers/abc')).statusCode).toBe(404);
      expect((await moderator.post('/admin/comments/readers/999999/action', { action: 'warn', note: '' })).statusCode).toBe(404);
    });
  });

  describe('who may moderate', () => {
    it('refuses authors and contributors on every moderation route, and hides the link from them', async () => {
      const article = await story();
      const r = await reader('Guarded Gil');
      const c = await post(article.id, r.id, 'A comment nobody but moderators may judge.');
      for (const who of [author, contributor]) {
        for (const url of ['/admin/comments', '/admin/comments?queue=reported', '/admin/comments/log', `/admin/comments/readers/${r.id}`, '/admin/comments/settings']) {
          const res = await who.get(url);
          expect(res.statusCode, `${who.user.role} GET ${url}`).toBe(403);
          expect(res.body).toContain('Your role does not allow this.');
        }
        expect((await decide(who, [c.id], 'approve')).statusCode, `${who.user.role} decides`).toBe(403);
        expect((await who.post(`/admin/comments/readers/${r.id}/action`, { action: 'ban', note: '' })).statusCode).toBe(403);
        expect((await who.post('/admin/comments/settings', { minLength: '2' })).statusCode).toBe(403);
        expect((await who.get('/admin')).body).not.toContain('href="/admin/comments"');
      }
      expect((await t.app.comments.view(c.id))?.status).toBe('pending');
      expect((await t.app.moderation.reader(r.id))?.banned).toBe(false);
    });

    it('sends visitors without a session to sign in', async () => {
      const res = await t.app.server.inject({ method: 'GET', url: '/admin/comments' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/login?next=%2Fadmin%2Fcomments');
    });

    it('lets a moderator moderate, but not write stories or change the comment settings', async () => {
      expect((await moderator.get('/admin')).body).toContain('<a href="/admin/comments">Comments</a>');
      expect((await moderator.get('/admin/comments')).body).not.toContain('href="/admin/comments/settings"');
      expect((await moderator.get('/admin/comments/settings')).statusCode).toBe(403);
      expect((await moderator.post('/admin/comments/settings', { minLength: '2' })).statusCode).toBe(403);
      expect((await moderator.post('/admin/articles', { headline: 'A moderator writes', sectionId: String(section.id), body: '{"type":"doc","content":[]}' })).statusCode).toBe(403);
    });

    it('refuses a moderator the new story form', async () => {
      expect((await moderator.get('/admin/articles/new')).statusCode).toBe(403);
    });
  });

  describe('comment settings', () => {
    const form = (extra: Record<string, string> = {}): Record<string, string> => ({
      premoderateAll: '',
      premoderateFirstComments: '2',
      linksNeedApproval: '1',
      autoCloseAfterDays: '30',
      minLength: '3',
      maxLength: '3000',
      guestComments: '1',
      deletedAccountComments: 'remove',
      bannedWords: 'crudword\n\n  nastyterm  \n',
      suspectWords: 'casino\ncrypto',
      ratePerMinute: '5',
      ratePerHour: '40',
      editWindowMinutes: '20',
      ...extra,
    });

    it('shows every setting with a label, saves them, and says so', async () => {
      const page = await editor.get('/admin/comments/settings');
      expect(page.statusCode).toBe(200);
      for (const name of Object.keys(form())) {
        const id = name === 'deletedAccountComments' ? 's-deleted-anonymise' : `s-${name}`;
        expect(page.body, name).toContain(`<label for="${id}">`);
      }
      const res = await editor.post('/admin/comments/settings', form());
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      expect(res.headers.location).toBe('/admin/comments/settings?notice=saved');
      const saved = await editor.get(String(res.headers.location));
      expect(saved.body).toContain('Saved.');
      expect(saved.body).toMatch(/<input id="s-premoderateFirstComments" name="premoderateFirstComments" type="number"[^>]*value="2"/);
      expect(saved.body).toMatch(/<input id="s-deleted-remove" type="radio" name="deletedAccountComments" value="remove" checked/);
      expect(saved.body).toMatch(/<textarea id="s-bannedWords" name="bannedWords"[^>]*>crudword\nnastyterm<\/textarea>/);
      expect(await t.app.comments.settings()).toMatchObject({
        premoderateAll: false,
        premoderateFirstComments: 2,
        linksNeedApproval: true,
        autoCloseAfterDays: 30,
        minLength: 3,
        maxLength: 3000,
        guestComments: true,
        deletedAccountComments: 'remove',
        bannedWords: ['crudword', 'nastyterm'],
        suspectWords: ['casino', 'crypto'],
        ratePerMinute: 5,
        ratePerHour: 40,
        editWindowMinutes: 20,
      });
    });

    it('refuses a bad value with a message naming the field, keeping what was typed', async () => {
      const before = await t.app.comments.settings();
      const res = await editor.post('/admin/comments/settings', form({ minLength: '0', suspectWords: 'casino\nx' }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('role="alert"');
      expect(res.body).toContain('Minimum length (characters): ');
      expect(res.body).toContain('Suspect words (one a line), “x”: ');
      expect(res.body).toMatch(/<input id="s-minLength" name="minLength" type="number"[^>]*value="0"/);
      expect(res.body).toContain('casino\nx</textarea>');
      const notNumber = await editor.post('/admin/comments/settings', form({ ratePerHour: 'lots' }));
      expect(notNumber.statusCode).toBe(400);
      expect(notNumber.body).toContain('Comments per hour: enter a whole number.');
      const crossed = await editor.post('/admin/comments/settings', form({ minLength: '100', maxLength: '60' }));
      expect(crossed.statusCode).toBe(400);
      expect(crossed.body).toContain('Minimum length (characters): must be below the maximum length');
      expect(await t.app.comments.settings()).toEqual(before);
    });

    it('refuses a save without the CSRF token', async () => {
      expect((await editor.post('/admin/comments/settings', form({ editWindowMinutes: '1' }), { csrf: null })).statusCode).toBe(403);
      expect((await t.app.comments.settings()).editWindowMinutes).not.toBe(1);
    });
  });
});
