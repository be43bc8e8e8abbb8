/**
 * Reader comments over HTTP, as readers and moderators meet them, on every database:
 * posting (form and JSON), holds and refusals, threads, counts, likes, reports, edits,
 * CSRF, rate limits, escaping, reader accounts, reply emails.
 */
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { Section } from '../../src/core/sections.js';
import type { MailMessage } from '../../src/services/mail.js';
import type { TestApp } from '../helpers/app.js';
import { TEST_ORIGIN, startTestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import type { ReaderClient } from '../helpers/readers.js';
import { anonymous, linkFrom, signedUpReader } from '../helpers/readers.js';
import type { Browserish } from '../helpers/staff.js';
import { signedIn } from '../helpers/staff.js';

describe.each(DIALECTS)('reader comments on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date();
  const mail: MailMessage[] = [];
  let section: Section;
  let editor: Browserish;

  /** Time moves on between posts, as it does between a reader's comments. */
  const tick = (seconds = 25) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  const story = (input: Partial<Parameters<TestApp['make']['article']>[0]> = {}) => t.make.article({ sectionId: section.id, ...input });

  async function articlePage(a: Article): Promise<string> {
    const res = await t.app.server.inject({ method: 'GET', url: `/${section.slug}/${a.slug}` });
    expect(res.statusCode).toBe(200);
    return res.body;
  }

  /** A reader whose comments publish at once (their first one was approved). */
  async function trustedReader(name?: string): Promise<ReaderClient> {
    const r = await signedUpReader(t, mail, name ? { name } : {});
    await t.app.db.kysely.updateTable('readers').set({ approved_count: 5, created_at: new Date(clock.getTime() - 90 * 86_400_000).toISOString() }).where('id', '=', r.id).execute();
    return r;
  }

  async function post(r: ReaderClient, a: Article, body: string, parentId?: number) {
    tick();
    return r.postJson(`/articles/${a.id}/comments`, { body, ...(parentId ? { parentId } : {}) });
  }

  beforeAll(async () => {
    t = await startTestApp(dialect, { SITE_TIME_ZONE: 'UTC' }, { now: () => clock, mailer: { send: (m) => Promise.resolve(void mail.push(m)) } });
    section = await t.make.section({ slug: 'news', name: 'News' });
    editor = await signedIn(t, 'editor');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows the count, the empty state and a form that works without JavaScript', async () => {
    const a = await story();
    const html = await articlePage(a);
    expect(html).toContain('0 Comments');
    expect(html).toContain('Post with no comments.');
    expect(html).toMatch(new RegExp(`<form id="comment-form" class="comment-form" method="post" action="/articles/${a.id}/comments"`));
    expect(html).toContain('<textarea id="comment-body" name="body"');

    const r = await trustedReader();
    tick();
    const res = await r.post(`/articles/${a.id}/comments`, { body: 'A plain form post, as a browser without JavaScript sends it.' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^/articles/${a.id}/comments\\?notice=published#comment-\\d+$`));
    const after = await articlePage(a);
    expect(after).toContain('A plain form post, as a browser without JavaScript sends it.');
    expect(after).toContain('1 Comment');
    expect(after).not.toContain('Post with no comments.');
    expect(after).toContain(`>${r.name}</span>`);
  });

  it('holds a new reader’s first comment: only its author sees it, and the count does not move', async () => {
    const a = await story();
    const newcomer = await signedUpReader(t, mail);
    const other = await trustedReader();
    const res = await post(newcomer, a, 'My first comment on this site, hello everyone.');
    expect(res.statusCode).toBe(201);
    const json = res.json<{ status: string; message: string; id: number }>();
    expect(json.status).toBe('pending');
    expect(json.message).toMatch(/once a moderator has read it/);

    expect(await articlePage(a)).not.toContain('My first comment on this site');
    expect(await articlePage(a)).toContain('0 Comments');
    const own = await newcomer.get(`/articles/${a.id}/comments`);
    expect(own.body).toContain('My first comment on this site');
    expect(own.body).toContain('Awaiting moderation: only you can see this');
    const theirs = await other.get(`/articles/${a.id}/comments`);
    expect(theirs.body).not.toContain('My first comment on this site');

    const queue = await t.app.moderation.queue('pending');
    const held = queue.items.find((i) => i.id === json.id);
    expect(held?.holdReasons).toContain('new reader');
  });

  it('holds comments from readers who have not confirmed their email', async () => {
    const a = await story();
    const unverified = await signedUpReader(t, mail, { verify: false });
    const res = await post(unverified, a, 'Posting before I clicked the link in my email.');
    expect(res.json<{ status: string }>().status).toBe('pending');
    const queue = await t.app.moderation.queue('pending');
    expect(queue.items.find((i) => i.body.startsWith('Posting before'))?.holdReasons).toContain('email not verified yet');
  });

  it('refuses posts on a closed thread, and shows it closed', async () => {
    const a = await story({ commentsOpen: false });
    const r = await trustedReader();
    const res = await post(r, a, 'Is anyone still reading this story?');
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: string }>().error).toBe('Comments are closed on this story.');
    const html = await articlePage(a);
    expect(html).toContain('Comments are closed on this story.');
    expect(html).not.toContain('id="comment-form"');
  });

  it('holds every comment on a pre-moderated story, even from trusted readers', async () => {
    const a = await story({ commentsPremoderated: true });
    const r = await trustedReader();
    const res = await post(r, a, 'On a sensitive story, this waits for the desk.');
    expect(res.json<{ status: string }>().status).toBe('pending');
    expect((await t.app.moderation.queue('pending')).items.find((i) => i.body.startsWith('On a sensitive story'))?.holdReasons).toContain('story is pre-moderated');
    // Editors set it on the story form.
    const form = await editor.get(`/admin/articles/${a.id}`);
    expect(form.body).toMatch(/<input id="commentsPremoderated" name="commentsPremoderated" type="checkbox" value="1" checked/);
  });

  it('refuses banned words (leetspeak too) and holds suspect words and links, with reasons', async () => {
    await t.app.comments.saveSettings({ ...(await t.app.comments.settings()), suspectWords: ['traitor'] });
    const a = await story();
    const r = await trustedReader();
    const banned = await post(r, a, 'This is sh1t journalism.');
    expect(banned.statusCode).toBe(422);
    expect(banned.json<{ error: string }>().error).toMatch(/community rules/);

    const suspect = await post(r, a, 'The minister is a traitor to the harbour workers.');
    expect(suspect.json<{ status: string }>().status).toBe('pending');
    const linked = await post(r, a, 'The full report is at https://example.org/report.pdf for anyone curious.');
    expect(linked.json<{ status: string }>().status).toBe('pending');
    const reasons = (await t.app.moderation.queue('pending')).items.filter((i) => i.articleId === a.id).flatMap((i) => i.holdReasons);
    expect(reasons).toContain('suspect words: traitor');
    expect(reasons).toContain('1 link');
  });

  it('refuses a duplicate and enforces rate limits per reader and per address', async () => {
    const a = await story();
    const r = await trustedReader();
    expect((await post(r, a, 'Exactly the same words twice.')).statusCode).toBe(201);
    const again = await post(r, a, 'Exactly the same words twice.');
    expect(again.statusCode).toBe(422);
    expect(again.json<{ error: string }>().error).toMatch(/already posted/);

    // Three a minute by default: the fourth within the same minute is refused.
    const fast = await trustedReader();
    for (const text of ['First quick thought.', 'Second quick thought.', 'Third quick thought.']) {
      expect((await fast.postJson(`/articles/${a.id}/comments`, { body: text })).statusCode).toBe(201);
    }
    const fourth = await fast.postJson(`/articles/${a.id}/comments`, { body: 'Fourth quick thought.' });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers['retry-after']).toBe('60');
    expect(fourth.json<{ error: string }>().error).toMatch(/too fast/);
    // The same address under another account is limited too.
    const sameAddress = await trustedReader();
    const viaSameIp = await t.app.server.inject({ method: 'POST', url: `/articles/${a.id}/comments`, remoteAddress: fast.ip, headers: { cookie: sameAddress.cookie, origin: TEST_ORIGIN, accept: 'application/json', 'content-type': 'application/json' }, payload: JSON.stringify({ body: 'A different account, the same address.' }) });
    expect(viaSameIp.statusCode).toBe(429);
    // A client that is not a trusted proxy cannot pick its address with X-Forwarded-For.
    const spoofed = await t.app.server.inject({ method: 'POST', url: `/articles/${a.id}/comments`, remoteAddress: fast.ip, headers: { cookie: sameAddress.cookie, origin: TEST_ORIGIN, accept: 'application/json', 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200' }, payload: JSON.stringify({ body: 'Pretending to be elsewhere.' }) });
    expect(spoofed.statusCode).toBe(429);
  });

  it('refuses cross-site form posts (CSRF) for comments, likes and account changes', async () => {
    const a = await story();
    const r = await trustedReader();
    const evil = { origin: 'https://evil.example' };
    expect((await r.post(`/articles/${a.id}/comments`, { body: 'Posted by another site.' }, evil)).statusCode).toBe(403);
    expect((await r.post(`/articles/${a.id}/comments`, { body: 'Posted by another site.' }, { origin: '', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    // No Origin, no Referer, no fetch metadata: not demonstrably ours, so refused.
    const bare = await t.app.server.inject({ method: 'POST', url: `/articles/${a.id}/comments`, headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'body=sneaky' });
    expect(bare.statusCode).toBe(403);
    expect((await r.post('/account/profile', { displayName: 'Hijacked Name', _csrf: r.csrf }, evil)).statusCode).toBe(403);
    // Same origin but the wrong session token: refused too.
    expect((await r.post('/account/profile', { displayName: 'Hijacked Name', _csrf: 'not-the-token' })).statusCode).toBe(403);
    // An island request with a token that is not the session's.
    expect((await r.postJson(`/articles/${a.id}/comments`, { body: 'With a forged token.' }, { 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect(await articlePage(a)).toContain('0 Comments');
  });

  it('never trusts comment text: markup is shown as text, unsafe links are not links, reader links are nofollow ugc', async () => {
    const a = await story();
    const r = await trustedReader();
    const attack = '<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) <svg onload=alert(1)> and https://example.org/source';
    tick();
    const res = await r.postJson(`/articles/${a.id}/comments`, { body: attack });
    // The link holds it for approval; approve it so the public page renders it.
    const id = res.json<{ id: number }>().id;
    await t.app.moderation.decide([id], 'approve', editor.user);
    const html = await articlePage(a);
    const body = /<div class="comment-body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(body).not.toMatch(/<(script|img|svg)/i);
    expect(body).not.toContain('href="javascript:');
    expect(body).toContain('<a href="https://example.org/source" rel="nofollow ugc noopener" target="_blank">');
  });

  it('threads replies (nested to a limit, then flat), keeps reply counts, and sorts', async () => {
    const a = await story();
    const [ann, ben, cat] = [await trustedReader(), await trustedReader(), await trustedReader()];
    const first = (await post(ann, a, 'The first top-level comment.')).json<{ id: number }>().id;
    const second = (await post(ben, a, 'The second top-level comment.')).json<{ id: number }>().id;
    const reply = (await post(cat, a, 'A reply to the first.', first)).json<{ id: number }>().id;
    const deeper = (await post(ann, a, 'A reply to the reply.', reply)).json<{ id: number }>().id;
    const deepest = (await post(ben, a, 'Deeper than the thread nests.', deeper)).json<{ id: number }>().id;

    const thread = await t.app.comments.thread(a.id, { sort: 'oldest' });
    expect(thread.count).toBe(5);
    expect(thread.comments.map((c) => c.id)).toEqual([first, second]);
    const top = thread.comments[0];
    expect(top?.replyCount).toBe(3);
    expect(top?.replies.map((c) => c.id)).toEqual([reply]);
    const level1 = top?.replies[0];
    // The third level sits beside the second, marked with whom it answers.
    expect(level1?.replies.map((c) => c.id)).toEqual([deeper, deepest]);
    expect(level1?.replies[1]?.replyingTo).toBe(ann.name);

    expect((await t.app.comments.thread(a.id, { sort: 'newest' })).comments.map((c) => c.id)).toEqual([second, first]);
    expect((await t.app.comments.thread(a.id, { sort: 'replies' })).comments[0]?.id).toBe(first);
    // Likes: one per reader, not on one's own comment, toggled by a second press.
    const liked = await cat.postJson(`/comments/${second}/like`, {});
    expect(liked.json()).toEqual({ liked: true, likeCount: 1 });
    expect((await ben.postJson(`/comments/${second}/like`, {})).statusCode).toBe(400);
    expect((await t.app.comments.thread(a.id, { sort: 'liked' })).comments[0]?.id).toBe(second);
    expect((await cat.postJson(`/comments/${second}/like`, {})).json()).toEqual({ liked: false, likeCount: 0 });

    // A single comment (the live update's rendering) says whom a flattened reply answers too.
    expect((await t.app.comments.view(deepest))?.replyingTo).toBe(ann.name);

    const page = await ann.get(`/articles/${a.id}/comments?sort=oldest`);
    expect(page.body).toContain('replying to');
    expect(page.body).toContain('aria-current="true" data-sort-link="oldest"');
  });

  it('reports reach the moderators’ reported queue, once per reader', async () => {
    const a = await story();
    const [writer, reporter] = [await trustedReader(), await trustedReader()];
    const id = (await post(writer, a, 'A comment someone will object to.')).json<{ id: number }>().id;
    const form = await reporter.get(`/comments/${id}/report`);
    expect(form.body).toContain('What is wrong with it?');
    const sent = await reporter.post(`/comments/${id}/report`, { reason: 'abuse', note: '<b>rude</b>' });
    expect(sent.statusCode).toBe(303);
    await reporter.post(`/comments/${id}/report`, { reason: 'spam' });
    const bad = await reporter.post(`/comments/${id}/report`, { reason: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    const reported = (await t.app.moderation.queue('reported')).items.find((i) => i.id === id);
    expect(reported?.reports).toEqual([{ reason: 'abuse', note: '<b>rude</b>', createdAt: expect.any(String) as string }]);
  });

  it('lets authors edit within the window (marked edited) and delete their own comment, keeping the count true', async () => {
    const a = await story();
    const r = await trustedReader();
    const id = (await post(r, a, 'Wrote this in a hurry, with a typo.')).json<{ id: number }>().id;
    const edited = await r.postJson(`/comments/${id}/edit`, { body: 'Wrote this in a hurry, now without a typo.' });
    expect(edited.statusCode).toBe(200);
    const html = await articlePage(a);
    expect(html).toContain('now without a typo');
    expect(html).toContain('(edited)');
    tick(16 * 60);
    expect((await r.postJson(`/comments/${id}/edit`, { body: 'Too late for this.' })).statusCode).toBe(422);
    const other = await trustedReader();
    expect((await other.postJson(`/comments/${id}/delete`, {})).statusCode).toBe(404);
    expect((await r.postJson(`/comments/${id}/delete`, {})).statusCode).toBe(200);
    const after = await articlePage(a);
    expect(after).not.toContain('now without a typo');
    expect(after).toContain('0 Comments');
  });

  it('offers a reader edit, delete and follow on their own comments, without JavaScript', async () => {
    const a = await story();
    const [writer, other] = [await trustedReader(), await trustedReader()];
    const id = (await post(writer, a, 'Mine to edit or delete.')).json<{ id: number }>().id;
    const page = await writer.get(`/articles/${a.id}/comments`);
    expect(page.body).toContain(`href="/comments/${id}/edit"`);
    expect(page.body).toContain(`action="/comments/${id}/delete"`);
    expect(page.body).toContain('Following replies');
    const theirs = await other.get(`/articles/${a.id}/comments`);
    expect(theirs.body).not.toContain(`href="/comments/${id}/edit"`);
    expect(theirs.body).toContain('Follow replies');

    const form = await writer.get(`/comments/${id}/edit`);
    expect(form.body).toContain('Mine to edit or delete.</textarea>');
    expect((await other.get(`/comments/${id}/edit`)).statusCode).toBe(404);
    const saved = await writer.post(`/comments/${id}/edit`, { body: 'Mine, edited through the plain form.' });
    expect(saved.statusCode).toBe(303);
    expect(await articlePage(a)).toContain('Mine, edited through the plain form.');

    // Unfollowing the thread stops reply emails about it.
    expect((await writer.post(`/comments/${id}/follow`, { follow: '0' })).statusCode).toBe(303);
    const before = mail.length;
    await post(other, a, 'A reply nobody will be emailed about.', id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mail.slice(before).filter((m) => m.to === writer.email)).toEqual([]);
    expect((await writer.get(`/articles/${a.id}/comments`)).body).toContain('Follow replies');
  });

  it('a moderator’s rejection hides a comment from everyone and from the count, and bans hold in new sessions', async () => {
    const a = await story();
    const r = await trustedReader();
    const id = (await post(r, a, 'This one will be rejected by the desk.')).json<{ id: number }>().id;
    expect(await articlePage(a)).toContain('1 Comment');
    await t.app.moderation.decide([id], 'reject', editor.user);
    const html = await articlePage(a);
    expect(html).not.toContain('rejected by the desk');
    expect(html).toContain('0 Comments');
    // The card on the section page counts only visible comments too.
    const row = await t.app.db.kysely.selectFrom('articles').select('comment_count').where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row.comment_count).toBe(0);

    await t.app.moderation.actOnReader(r.id, { action: 'ban', note: 'spam' }, editor.user);
    // The ban ended the reader's sessions: they are asked to sign in.
    expect((await post(r, a, 'Still here?')).statusCode).toBe(401);
    // A fresh sign-in does not lift the ban.
    const signin = await anonymous(t, r.ip).post('/account/signin', { email: r.email, password: 'a long reader password', next: '/account' });
    const cookie = `nd_reader=${signin.cookies.find((c) => c.name === 'nd_reader')?.value ?? ''}`;
    tick();
    const again = await t.app.server.inject({ method: 'POST', url: `/articles/${a.id}/comments`, remoteAddress: r.ip, headers: { cookie, origin: TEST_ORIGIN, accept: 'application/json', 'content-type': 'application/json' }, payload: JSON.stringify({ body: 'From a new session.' }) });
    expect(again.statusCode).toBe(422);
    expect(again.json<{ error: string }>().error).toMatch(/can no longer post/);
  });

  it('learns from the moderators’ decisions: after enough of them, spam like the rejected comments is held and explained', async () => {
    const a = await story();
    const decide = async (text: string, decision: 'approve' | 'reject') => {
      const r = await signedUpReader(t, mail);
      const id = (await post(r, a, text)).json<{ id: number }>().id;
      await t.app.moderation.decide([id], decision, editor.user);
    };
    const topics = ['harbour budget', 'ferry timetable', 'school repairs', 'council vote', 'bus routes', 'water supply', 'market hall', 'library hours', 'bridge works', 'park lighting', 'clinic staffing', 'street markets'];
    for (const [i, topic] of topics.entries()) {
      await decide(`The ${topic} deserves a proper follow-up; residents near the port were not consulted, reader ${i}.`, 'approve');
      await decide(`Win big at our casino ${topic}! Claim your crypto bonus now, free spins and cheap pills, offer ${i}.`, 'reject');
    }
    const trusted = await trustedReader();
    const spam = await post(trusted, a, 'Claim the casino bonus and free spins today, cheap pills and crypto online.');
    expect(spam.json<{ status: string }>().status).toBe('pending');
    const held = (await t.app.moderation.queue('pending')).items.find((i) => i.body.startsWith('Claim the casino bonus'));
    expect(held?.holdReasons.some((r) => r.startsWith('spam score'))).toBe(true);
    expect(held?.scoreReasons.some((r) => /^classifier: \d+% like rejected comments/.test(r))).toBe(true);
    const ordinary = await post(trusted, a, 'The port consultation should include residents of the old town, not only the traders.');
    expect(ordinary.json<{ status: string }>().status).toBe('approved');
  });

  it('shows Editor’s picks first without repeating element ids', async () => {
    const a = await story();
    const r = await trustedReader();
    const id = (await post(r, a, 'A thoughtful comment the desk will pick.')).json<{ id: number }>().id;
    await t.app.moderation.decide([id], 'feature', editor.user);
    const html = await articlePage(a);
    expect(html).toContain('Editor’s picks');
    expect(html.indexOf(`id="pick-${id}"`)).toBeLessThan(html.indexOf(`id="comment-${id}"`));
    for (const anchor of [`id="comment-${id}"`, `id="pick-${id}"`, `id="comment-${id}-author"`]) expect(html.split(anchor).length - 1).toBe(1);
  });

  it('accepts the token of either session when someone is signed in as staff and as a reader', async () => {
    const a = await story();
    const r = await trustedReader();
    const both = `${r.cookie}; ${editor.cookie}`;
    tick();
    const me = await t.app.server.inject({ method: 'GET', url: `/articles/${a.id}/comments/me`, headers: { cookie: both } });
    const token = me.json<{ csrf: string }>().csrf;
    const res = await t.app.server.inject({ method: 'POST', url: `/articles/${a.id}/comments`, headers: { cookie: both, origin: TEST_ORIGIN, accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': token }, payload: JSON.stringify({ body: 'Posted with the token the page was given.' }) });
    expect(res.statusCode).toBe(201);
  });

  it('writes reply emails and the unsubscribe page in the language of the story', async () => {
    const noticias = await t.make.section({ slug: 'noticias-respuestas', name: 'Noticias', language: 'es' });
    const historia = await t.make.article({ sectionId: noticias.id, language: 'es', headline: 'El puente vuelve a abrir' });
    const [asker, answerer] = [await trustedReader(), await trustedReader()];
    const id = (await post(asker, historia, '¿Alguien sabe cuándo reabre el puente?')).json<{ id: number }>().id;
    const before = mail.length;
    await post(answerer, historia, 'El ayuntamiento dijo que en primavera.', id);
    await expect.poll(() => mail.slice(before).filter((m) => m.to === asker.email).length).toBe(1);
    const message = mail.slice(before).find((m) => m.to === asker.email);
    expect(message?.subject).toBe(`${answerer.name} respondió a tu comentario en «El puente vuelve a abrir»`);
    expect(message?.text).toContain(`Hola, ${asker.name}:`);
    expect(message?.text).toContain('El ayuntamiento dijo que en primavera.');
    expect(message?.text).toContain('porque escribiste en');
    const url = /<(https?:\/\/[^>]+)>/.exec(message?.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    const page = await t.app.server.inject({ method: 'GET', url: url.replace(TEST_ORIGIN, '') });
    expect(page.body).toContain('<html lang="es"');
    expect(page.body).toContain('No recibir más correos de este hilo');
  });

  it('badges staff replies and publishes them without holding', async () => {
    const a = await story();
    const r = await trustedReader();
    const id = (await post(r, a, 'A question for the reporter.')).json<{ id: number }>().id;
    const staffReply = await t.app.server.inject({ method: 'POST', url: `/articles/${a.id}/comments`, headers: { cookie: editor.cookie, origin: TEST_ORIGIN, accept: 'application/json', 'content-type': 'application/json' }, payload: JSON.stringify({ body: 'Thanks, we have added the source: https://example.org/doc', parentId: id }) });
    expect(staffReply.statusCode).toBe(201);
    expect(staffReply.json<{ status: string }>().status).toBe('approved');
    const html = await articlePage(a);
    expect(html).toContain('<span class="badge badge-staff">Staff</span>');
  });

  it('emails the parent’s author about a reply, with one-click unsubscribe that stops the next one', async () => {
    const a = await story();
    const [asker, answerer] = [await trustedReader(), await trustedReader()];
    const id = (await post(asker, a, 'Does anyone know when the bridge reopens?')).json<{ id: number }>().id;
    const before = mail.length;
    await post(answerer, a, 'The council said next spring.', id);
    await expect.poll(() => mail.slice(before).filter((m) => m.to === asker.email).length).toBe(1);
    const message = mail.slice(before).find((m) => m.to === asker.email);
    expect(message?.subject).toMatch(/replied to your comment/);
    expect(message?.text).toContain('The council said next spring.');
    expect(message?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const url = /<(https?:\/\/[^>]+)>/.exec(message?.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    const path = url.replace(TEST_ORIGIN, '');
    expect((await t.app.server.inject({ method: 'GET', url: path })).body).toContain('Stop emails about this thread');
    // The mail provider's one-click POST: no cookie, no origin; the signature is the proof.
    const oneClick = await t.app.server.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    const tampered = await t.app.server.inject({ method: 'POST', url: path.replace(/s=[^&]+/, 's=forged'), payload: '' });
    expect(tampered.statusCode).toBe(400);
    const after = mail.length;
    await post(answerer, a, 'Correction: it reopens in April.', id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mail.slice(after).filter((m) => m.to === asker.email)).toEqual([]);
  });

  it('keeps the guest’s words when they post before signing in, and signs in on the same form', async () => {
    const a = await story();
    const r = await trustedReader();
    const anon = anonymous(t, '198.51.100.77');
    const first = await anon.post(`/articles/${a.id}/comments`, { body: 'Words written before signing in.' });
    expect(first.statusCode).toBe(401);
    expect(first.body).toContain('Words written before signing in.</textarea>');
    expect(first.body).toContain('name="password"');
    tick();
    const second = await anon.post(`/articles/${a.id}/comments`, { body: 'Words written before signing in.', email: r.email, password: 'a long reader password' });
    expect(second.statusCode).toBe(303);
    expect(second.cookies.some((c) => c.name === 'nd_reader')).toBe(true);
    expect(await articlePage(a)).toContain('Words written before signing in.');
  });

  it('takes guest comments only when the site allows them, always held', async () => {
    const a = await story();
    const anon = anonymous(t, '198.51.100.88');
    expect((await anon.post(`/articles/${a.id}/comments`, { body: 'A guest passing by.', guestName: 'Passer By', guestEmail: 'guest@example.test' })).statusCode).toBe(401);
    await t.app.comments.saveSettings({ ...(await t.app.comments.settings()), guestComments: true });
    try {
      tick();
      const res = await anon.post(`/articles/${a.id}/comments`, { body: 'A guest passing by.', guestName: 'Passer By', guestEmail: 'guest@example.test' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain('notice=held');
      const held = (await t.app.moderation.queue('pending')).items.find((i) => i.body === 'A guest passing by.');
      expect(held?.holdReasons).toContain('guest comment');
      expect(held?.guestEmail).toBe('guest@example.test');

      // Refused for a bad address: the page comes back with everything the guest typed, and
      // the line about the address leads to the address field, marked invalid.
      tick();
      const refused = await anon.post(`/articles/${a.id}/comments`, { body: 'Words I do not want to type twice.', guestName: 'Passer By', guestEmail: 'not-an-address' });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('<li><a href="#guest-email">Email: Enter a valid email address.</a></li>');
      expect(refused.body).toMatch(/<input id="guest-name" name="guestName"[^>]* value="Passer By"/);
      expect(refused.body).toMatch(/<input id="guest-email" name="guestEmail"[^>]* value="not-an-address" aria-invalid="true"/);
      expect(refused.body).toContain('Words I do not want to type twice.</textarea>');
    } finally {
      await t.app.comments.saveSettings({ ...(await t.app.comments.settings()), guestComments: false });
    }
  });

  it('serves valid HTML5 on every comment, account and moderation page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:document'] });
    const a = await story();
    const [ann, ben] = [await trustedReader(), await trustedReader()];
    const root = (await post(ann, a, 'A **bold** start.\n\n> quoting the story\n\nand a [link](https://example.org/x)')).json<{ id: number }>().id;
    await t.app.moderation.decide([root], 'feature', editor.user);
    const reply = (await post(ben, a, 'A reply with *emphasis*.', root)).json<{ id: number }>().id;
    const newcomer = await signedUpReader(t, mail);
    await post(newcomer, a, 'Held for the moderators.');
    const pages: Array<[string, () => Promise<{ body: string; statusCode: number }>]> = [
      ['article', async () => t.app.server.inject({ method: 'GET', url: `/${section.slug}/${a.slug}` })],
      ['comments page as author', () => ann.get(`/articles/${a.id}/comments`)],
      ['comments page with held comment', () => newcomer.get(`/articles/${a.id}/comments?notice=held`)],
      ['reply form', () => ben.get(`/articles/${a.id}/comments?reply=${root}`)],
      ['more replies', () => ben.get(`/articles/${a.id}/comments/replies/${root}?skip=0`)],
      ['report', () => ben.get(`/comments/${reply}/report`)],
      ['edit', () => ben.get(`/comments/${reply}/edit`)],
      ['sign up', () => anonymous(t).get('/account/signup')],
      ['sign up errors', () => anonymous(t).post('/account/signup', { email: 'nope', displayName: 'x' })],
      ['sign in', () => anonymous(t).get('/account/signin')],
      ['sign in, Spanish edition', () => anonymous(t).get('/es/account/signin')],
      ['account', () => ann.get('/account?notice=saved')],
      ['link', () => anonymous(t).get('/account/link/abcdefghijklmnopqrstuvwxyz')],
      ['moderation queue', () => editor.get('/admin/comments')],
      ['moderation unmoderated', () => editor.get('/admin/comments?queue=unmoderated')],
      ['moderation reader', () => editor.get(`/admin/comments/readers/${ann.id}`)],
      ['moderation log', () => editor.get('/admin/comments/log')],
      ['comment settings', () => editor.get('/admin/comments/settings')],
    ];
    for (const [name, load] of pages) {
      const res = await load();
      expect(res.statusCode, name).toBeLessThan(500);
      const report = await validator.validateString(res.body);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`));
      expect(messages, name).toEqual([]);
    }
  });

  it('streams the count on connect, and shutting down ends open live streams instead of waiting for readers', async () => {
    const fresh = await startTestApp(dialect);
    let closed = false;
    try {
      const section2 = await fresh.make.section({ slug: 'world' });
      const a = await fresh.make.article({ sectionId: section2.id });
      await fresh.app.server.listen({ host: '127.0.0.1', port: 0 });
      const address = fresh.app.server.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/articles/${a.id}/comments/events`);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body?.getReader();
      let text = '';
      while (reader && !text.includes('event: count')) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toContain('"countText":"0 Comments"');
      const started = Date.now();
      await fresh.close();
      closed = true;
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      if (!closed) await fresh.close();
    }
  });

  describe('reader accounts', () => {
    it("keeps a reader in their edition: the Spanish edition's account pages, mails and their links are Spanish", async () => {
      const noticias = await t.make.section({ slug: 'noticias', name: 'Noticias', language: 'es' });
      const historia = await t.make.article({ sectionId: noticias.id, language: 'es', headline: 'Una historia para comentar' });
      const storyPage = await t.app.server.inject({ method: 'GET', url: `/es/noticias/${historia.slug}` });
      expect(storyPage.statusCode).toBe(200);
      expect(storyPage.body).toContain(`href="/es/account/signin?next=${encodeURIComponent(`/articles/${historia.id}/comments`)}"`);

      const anon = anonymous(t, '198.51.100.30');
      const signin = await anon.get('/es/account/signin');
      expect(signin.statusCode).toBe(200);
      expect(signin.body).toContain('<html lang="es"');
      expect(signin.body).toContain('Iniciar sesión');
      expect(signin.body).toContain('action="/es/account/signin"');
      // The edition switcher keeps the reader on the sign-in page, in English.
      expect(signin.body).toContain('<a href="/account/signin" hreflang="en" lang="en">');

      const signup = await anon.post('/es/account/signup', { email: 'lucia@example.test', displayName: 'Lucía Pardo', password: 'una contraseña bien larga' });
      expect(signup.body).toContain('Revisa tu correo');
      expect(mail.at(-1)?.subject).toContain('Confirma tu correo');
      expect(mail.at(-1)?.text).toContain('Te damos la bienvenida');
      expect(mail.at(-1)?.text).toContain(`${TEST_ORIGIN}/es/account/link/`);
      const used = await anon.post(`/es/account/link/${linkFrom(mail, 'lucia@example.test')}`, {});
      expect(used.headers.location).toBe('/es/account?notice=verified');
      const cookie = `nd_reader=${used.cookies.find((c) => c.name === 'nd_reader')?.value ?? ''}`;

      // One account, whichever edition it is used from.
      const cuenta = await t.app.server.inject({ method: 'GET', url: '/es/account', headers: { cookie } });
      expect(cuenta.body).toContain('Tu cuenta');
      expect(cuenta.body).toContain('Lucía Pardo');
      expect(cuenta.body).toContain('action="/es/account/profile"');
      expect((await t.app.server.inject({ method: 'GET', url: '/account', headers: { cookie } })).body).toContain('Your account');

      // The edition's account forms pass the same cross-site check as the default's.
      const csrf = /name="_csrf" value="([^"]+)"/.exec(cuenta.body)?.[1] ?? '';
      const forged = await t.app.server.inject({ method: 'POST', url: '/es/account/profile', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, payload: `displayName=Hijacked&_csrf=${csrf}` });
      expect(forged.statusCode).toBe(403);
      const saved = await t.app.server.inject({ method: 'POST', url: '/es/account/profile', headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, payload: `displayName=Luc%C3%ADa%20P.&_csrf=${csrf}` });
      expect(saved.headers.location).toBe('/es/account?notice=saved');

      // Signed out from a Spanish page, the reader lands on the Spanish home.
      const out = await t.app.server.inject({ method: 'POST', url: '/es/account/signout', headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      expect(out.headers.location).toBe('/es');
      expect((await anon.get('/es/account')).headers.location).toBe(`/es/account/signin?next=${encodeURIComponent('/es/account')}`);
    });

    it('tells a reader of the Spanish edition what to correct in Spanish, on the forms and on the comments', async () => {
      const anon = anonymous(t, '198.51.100.31');
      const cases: Array<[Record<string, string>, string]> = [
        [{ email: 'no-es-un-correo', displayName: 'Marta Gil', password: '' }, 'Correo electrónico: Introduce una dirección de correo válida.'],
        [{ email: 'marta@example.test', displayName: 'Al', password: '' }, 'Nombre visible: Usa entre 3 y 30 caracteres.'],
        [{ email: 'marta@example.test', displayName: '<b>Marta</b>', password: '' }, 'Nombre visible: Usa letras, cifras'],
        [{ email: 'marta@example.test', displayName: 'Admin Marta', password: '' }, 'Nombre visible: Ese nombre está reservado para la redacción.'],
        [{ email: 'marta@example.test', displayName: 'Marta Gil', password: 'corta' }, 'Contraseña: Usa al menos 10 caracteres.'],
      ];
      for (const [form, expected] of cases) {
        const res = await anon.post('/es/account/signup', form);
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('<html lang="es"');
        expect(res.body).toContain(expected);
        // Nothing of the service's English reaches the Spanish page.
        expect(res.body).not.toMatch(/Use \d|Enter a valid|reserved for the newsroom/);
      }
      // The same refusal on the English edition keeps its English words.
      const english = (await anon.post('/account/signup', { email: 'marta@example.test', displayName: 'Al', password: '' })).body;
      expect(english).toContain('Display name: Use 3 to 30 characters.');
      // The line leads to the field it is about, and that field (only) is marked invalid.
      expect(english).toContain('<li><a href="#displayName">Display name: Use 3 to 30 characters.</a></li>');
      expect(english).toMatch(/<input id="displayName"[^>]* aria-invalid="true"/);
      expect(english).not.toMatch(/<input id="email"[^>]* aria-invalid/);

      const noticias = await t.make.section({ slug: 'debate', name: 'Debate', language: 'es' });
      const historia = await t.make.article({ sectionId: noticias.id, language: 'es', headline: 'Un debate abierto' });
      const r = await trustedReader();
      const own = await post(r, historia, 'Mi propia opinión sobre el asunto.');
      expect(own.statusCode).toBe(201);
      const liked = await r.postJson(`/comments/${own.json<{ id: number }>().id}/like`, {});
      expect(liked.statusCode).toBe(400);
      expect(liked.json<{ error: string }>().error).toBe('No puedes dar me gusta a tu propio comentario.');
      const huge = await post(r, historia, 'palabra '.repeat(2_600));
      expect(huge.statusCode).toBe(400);
      expect(huge.json<{ error: string }>().error).toMatch(/^Los comentarios pueden tener como máximo 5.?000 caracteres\.$/);
      const orphan = await post(r, historia, 'Una respuesta a nada.', 999_999);
      expect(orphan.statusCode).toBe(400);
      expect(orphan.json<{ error: string }>().error).toBe('El comentario al que respondes ya no está disponible.');
      // The page a reader without JavaScript gets back says it too, above their kept text.
      tick();
      const page = await r.post(`/articles/${historia.id}/comments`, { body: 'Otra respuesta a nada.', parentId: '999999' });
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('El comentario al que respondes ya no está disponible.');
      expect(page.body).toContain('Otra respuesta a nada.');
    });

    it('signs up, verifies by the emailed link (once), and signs in', async () => {
      const anon = anonymous(t, '198.51.100.20');
      const res = await anon.post('/account/signup', { email: 'Maria@Example.test', displayName: 'María López', password: 'another long password' });
      expect(res.body).toContain('Check your email');
      const token = linkFrom(mail, 'maria@example.test');
      // A mail scanner following the link changes nothing: it needs the button.
      const page = await anon.get(`/account/link/${token}`);
      expect(page.body).toContain('Continue');
      const used = await anon.post(`/account/link/${token}`, {});
      expect(used.statusCode).toBe(303);
      expect(used.headers.location).toBe('/account?notice=verified');
      const cookie = used.cookies.find((c) => c.name === 'nd_reader');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      expect(cookie?.secure).toBe(true);
      expect((await anon.post(`/account/link/${token}`, {})).statusCode).toBe(400);
      const account = await t.app.server.inject({ method: 'GET', url: '/account', headers: { cookie: `nd_reader=${cookie?.value ?? ''}` } });
      expect(account.body).toContain('María López');
      expect(account.body).not.toContain('not confirmed yet');
    });

    it('enforces display-name rules: length, staff names, uniqueness ignoring case and accents', async () => {
      const anon = anonymous(t, '198.51.100.21');
      const staffName = editor.user.name;
      const cases: Array<[string, RegExp]> = [
        ['Al', /3 to 30 characters/],
        // Over the form's cap (twice the rule): the rule, not the cap, is what the reader reads.
        ['Bartholomew'.repeat(6), /Display name: Use 3 to 30 characters\./],
        [staffName, /reserved for the newsroom|belongs to a member of our staff/],
        ['Moderator Tom', /reserved for the newsroom/],
        ['<b onmouseover=alert(1)>Eve', /letters, digits/],
      ];
      for (const [displayName, message] of cases) {
        const res = await anon.post('/account/signup', { email: `names-${displayName.length}@example.test`, displayName, password: '' });
        expect(res.statusCode).toBe(400);
        expect(res.body).toMatch(message);
        expect(res.body).not.toContain('<b onmouseover');
        // Readers see the field's label, not its code name.
        expect(res.body).toContain('Display name: ');
        expect(res.body).not.toContain('displayName:');
      }
      await anon.post('/account/signup', { email: 'jose1@example.test', displayName: 'José Ruiz', password: '' });
      const clash = await anon.post('/account/signup', { email: 'jose2@example.test', displayName: 'jose_ruiz', password: '' });
      expect(clash.statusCode).toBe(400);
      expect(clash.body).toContain('That name is taken');
    });

    it('throttles password sign-in like staff sign-in', async () => {
      const r = await signedUpReader(t, mail);
      const anon = anonymous(t, '198.51.100.30');
      for (let i = 0; i < 5; i++) expect((await anon.post('/account/signin', { email: r.email, password: 'wrong password!!' })).statusCode).toBe(400);
      expect((await anon.post('/account/signin', { email: r.email, password: 'a long reader password' })).statusCode).toBe(429);
    });

    it('downloads everything we hold, and deletes the account leaving "deleted user" comments', async () => {
      const a = await story();
      const r = await trustedReader();
      await post(r, a, 'A comment that outlives its account.');
      const exported = await r.get('/account/export');
      expect(exported.headers['content-disposition']).toContain('attachment');
      const data = exported.json<{ account: { email: string }; comments: Array<{ body: string }> }>();
      expect(data.account.email).toBe(r.email);
      expect(data.comments.map((c) => c.body)).toEqual(['A comment that outlives its account.']);

      const wrong = await r.post('/account/delete', { _csrf: r.csrf, confirm: 'yes' });
      expect(wrong.statusCode).toBe(400);
      const done = await r.post('/account/delete', { _csrf: r.csrf, confirm: 'DELETE' });
      expect(done.body).toContain('Your account is deleted');
      const html = await articlePage(a);
      expect(html).toContain('A comment that outlives its account.');
      expect(html).toContain('>deleted user</span>');
      expect(html).toContain('1 Comment');
      expect(await t.app.db.kysely.selectFrom('readers').select('id').where('id', '=', r.id).executeTakeFirst()).toBeUndefined();
    });

    it('removes a deleted account’s comments when the site says so, and the count follows', async () => {
      await t.app.comments.saveSettings({ ...(await t.app.comments.settings()), deletedAccountComments: 'remove' });
      try {
        const a = await story();
        const r = await trustedReader();
        await post(r, a, 'This comment leaves with its author.');
        expect(await articlePage(a)).toContain('1 Comment');
        await r.post('/account/delete', { _csrf: r.csrf, confirm: 'DELETE' });
        const html = await articlePage(a);
        expect(html).not.toContain('leaves with its author');
        expect(html).toContain('0 Comments');
      } finally {
        await t.app.comments.saveSettings({ ...(await t.app.comments.settings()), deletedAccountComments: 'anonymise' });
      }
    });
  });
});
