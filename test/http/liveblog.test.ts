/**
 * Live coverage over HTTP, on every database (docs/live-blog.md): the newsroom starts a live
 * blog and posts, edits, pins and deletes updates (policies and CSRF enforced); the story
 * page shows them (key updates first, newest first, times, anchors, paging without
 * JavaScript), refreshes in the page cache, describes itself as a LiveBlogPosting, embeds
 * the live player with a widened Content-Security-Policy, stays valid HTML with markup in an
 * update inert, and the SSE stream sends new updates as HTML and deletions.
 */
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { Section } from '../../src/core/sections.js';
import type { TestApp } from '../helpers/app.js';
import { TEST_ORIGIN, startTestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import type { Browserish } from '../helpers/staff.js';
import { signedIn } from '../helpers/staff.js';

type Ld = Record<string, unknown>;

const jsonLd = (html: string): Ld[] => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}') as Ld);

/** Reads an event stream until `until` matches what has arrived (or the time runs out). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, seen: { text: string }, until: RegExp, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  const decoder = new TextDecoder();
  while (!until.test(seen.text)) {
    if (Date.now() > deadline) throw new Error(`stream did not send ${String(until)}; got:\n${seen.text}`);
    const next = await Promise.race([reader.read(), new Promise<undefined>((resolve) => setTimeout(resolve, deadline - Date.now()))]);
    if (!next || next.done) continue;
    seen.text += decoder.decode(next.value);
  }
}

describe.each(DIALECTS)('live blogs on %s', (dialect) => {
  let t: TestApp;
  let section: Section;
  let editor: Browserish;
  let contributor: Browserish;

  const story = (input: Partial<Parameters<TestApp['make']['article']>[0]> = {}) => t.make.article({ sectionId: section.id, ...input });
  const pathOf = (a: Article) => `/${section.slug}/${a.slug}`;
  const get = (url: string) => t.app.server.inject({ method: 'GET', url });

  async function liveStory(input: Partial<Parameters<TestApp['make']['article']>[0]> = {}): Promise<Article> {
    const a = await story(input);
    const res = await editor.post(`/admin/articles/${a.id}/live/start`, {});
    expect(res.statusCode).toBe(303);
    return a;
  }

  async function postUpdate(a: Article, form: { headline?: string; body: string; pinned?: boolean }): Promise<number> {
    const res = await editor.post(`/admin/articles/${a.id}/live/updates`, { headline: form.headline ?? '', body: form.body, ...(form.pinned ? { pinned: '1' } : {}) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const id = Number(/#live-update-(\d+)$/.exec(String(res.headers.location))?.[1]);
    expect(id).toBeGreaterThan(0);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp(dialect, { SITE_TIME_ZONE: 'UTC' });
    section = await t.make.section({ slug: 'world', name: 'World' });
    editor = await signedIn(t, 'editor');
    contributor = await signedIn(t, 'contributor');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets the newsroom start coverage and post, edit, pin and delete updates from the story page', async () => {
    const a = await story({ headline: 'Storm makes landfall on the coast' });
    const before = await editor.get(`/admin/articles/${a.id}`);
    expect(before.body).toContain('id="live-updates"');
    expect(before.body).toContain('Start live coverage');
    expect(before.body).not.toContain('Post update');

    expect((await editor.post(`/admin/articles/${a.id}/live/start`, {})).headers.location).toBe(`/admin/articles/${a.id}#live-updates`);
    const panel = await editor.get(`/admin/articles/${a.id}`);
    expect(panel.body).toContain('End live coverage');
    expect(panel.body).toContain('Show the live player');
    expect(panel.body).toContain(`action="/admin/articles/${a.id}/live/updates"`);

    const first = await postUpdate(a, { headline: 'Winds reach 150 km/h', body: 'The weather service says gusts of **150 km/h** were measured at the harbour.\n\nResidents are asked to stay indoors.' });
    const listed = await editor.get(`/admin/articles/${a.id}`);
    expect(listed.body).toContain('Winds reach 150 km/h');
    expect(listed.body).toContain(`id="live-update-${first}"`);

    // The edit form starts from the stored text, markup included.
    const form = await editor.get(`/admin/articles/${a.id}/live/updates/${first}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('gusts of **150 km/h** were measured');
    expect((await editor.post(`/admin/articles/${a.id}/live/updates/${first}`, { headline: 'Winds reach 160 km/h', body: 'Gusts of 160 km/h at the harbour.' })).statusCode).toBe(303);
    expect((await t.app.liveBlog.view(first))?.headline).toBe('Winds reach 160 km/h');

    expect((await editor.post(`/admin/articles/${a.id}/live/updates/${first}/pin`, { pinned: '1' })).statusCode).toBe(303);
    expect((await t.app.liveBlog.view(first))?.pinned).toBe(true);
    expect((await editor.post(`/admin/articles/${a.id}/live/updates/${first}/pin`, { pinned: '0' })).statusCode).toBe(303);
    expect((await t.app.liveBlog.view(first))?.pinned).toBe(false);

    expect((await editor.post(`/admin/articles/${a.id}/live/updates/${first}/delete`, {})).statusCode).toBe(303);
    expect(await t.app.liveBlog.view(first)).toBeUndefined();
    expect((await editor.get(`/admin/articles/${a.id}/live/updates/${first}/edit`)).statusCode).toBe(404);

    // Ending the coverage keeps the story and its updates, and refuses new posts.
    await postUpdate(a, { body: 'Power is back in most districts.' });
    expect((await editor.post(`/admin/articles/${a.id}/live/end`, {})).statusCode).toBe(303);
    const ended = await editor.post(`/admin/articles/${a.id}/live/updates`, { headline: '', body: 'Too late.' });
    expect(ended.statusCode).toBe(400);
    expect(ended.body).toContain('start live coverage before posting updates');
    expect((await t.app.liveBlog.forArticle(a.id))?.count).toBe(1);
  });

  it('says what is wrong with an update, keeping the text', async () => {
    const a = await liveStory();
    const empty = await editor.post(`/admin/articles/${a.id}/live/updates`, { headline: 'Only a headline', body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Text: write the update');
    expect(empty.body).toContain('value="Only a headline"');
    const longHeadline = await editor.post(`/admin/articles/${a.id}/live/updates`, { headline: 'x'.repeat(201), body: 'Fine text.' });
    expect(longHeadline.body).toContain('Headline: at most 200 characters');
    const badLink = await editor.post(`/admin/articles/${a.id}/live/updates`, { headline: '', body: 'See [this](javascript:alert(1)) now.' });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toContain('links must start with https://');
  });

  it('lets only those who may publish the story post updates, and requires the CSRF token', async () => {
    const a = await liveStory();
    const refused = await contributor.post(`/admin/articles/${a.id}/live/updates`, { headline: '', body: 'A contributor tries.' });
    expect(refused.statusCode).toBe(403);
    expect((await contributor.post(`/admin/articles/${a.id}/live/start`, {})).statusCode).toBe(403);
    const id = await postUpdate(a, { body: 'From the desk.' });
    expect((await contributor.post(`/admin/articles/${a.id}/live/updates/${id}/delete`, {})).statusCode).toBe(403);
    expect((await contributor.get(`/admin/articles/${a.id}/live/updates/${id}/edit`)).statusCode).toBe(403);
    // An author may post on their own story, not on someone else's.
    const author = await signedIn(t, 'author', { authorId: (await t.make.author()).id });
    expect((await author.post(`/admin/articles/${a.id}/live/updates`, { headline: '', body: 'Not my story.' })).statusCode).toBe(403);
    // No token, a wrong token: refused before anything happens.
    expect((await editor.post(`/admin/articles/${a.id}/live/updates`, { headline: '', body: 'No token.' }, { csrf: null })).statusCode).toBe(403);
    expect((await editor.post(`/admin/articles/${a.id}/live/updates`, { headline: '', body: 'Wrong token.' }, { csrf: 'not-the-token' })).statusCode).toBe(403);
    expect((await t.app.liveBlog.forArticle(a.id))?.count).toBe(1);
    // The panel shows a contributor no buttons.
    const page = await contributor.get(`/admin/articles/${a.id}`);
    if (page.statusCode === 200) expect(page.body).not.toContain('Post update');
  });

  it('shows key updates first, then every update newest first, with times and anchors; the cached page refreshes on a post', async () => {
    const a = await liveStory({ headline: 'Election night as it happens' });
    const first = await postUpdate(a, { headline: 'Polls close', body: 'Polling stations have closed across the country.' });
    const key = await postUpdate(a, { headline: 'Turnout at record high', body: 'The electoral commission puts turnout at 71%.', pinned: true });
    const third = await postUpdate(a, { body: 'Counting has begun in the capital.' });

    const miss = await get(pathOf(a));
    expect(miss.headers['x-cache']).toBe('MISS');
    expect((await get(pathOf(a))).headers['x-cache']).toBe('HIT');
    const html = miss.body;
    expect(html).toContain('class="liveblog-badge"');
    expect(html).toMatch(/<span class="live-dot" aria-hidden="true"><\/span>Live<\/span> Live updates/);
    expect(html).toContain('3 updates');
    // Below the standfirst and lead, above the body.
    expect(html.indexOf('id="live-updates"')).toBeLessThan(html.indexOf('class="article-body"'));
    expect(html.indexOf('class="article-header"')).toBeLessThan(html.indexOf('id="live-updates"'));
    // Key updates first, then the rest newest first.
    const order = [...html.matchAll(/<li class="liveblog-update[^"]*" id="update-(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([key, third, first]);
    expect(html.indexOf('Key updates')).toBeLessThan(html.indexOf(`id="update-${third}"`));
    const stored = await t.app.liveBlog.view(third);
    expect(html).toContain(`<a class="liveblog-time" href="#update-${third}"><time datetime="${stored?.createdAt ?? ''}">`);
    // The island (built by the test setup) loads on live-blog pages only.
    expect(html).toMatch(/<script type="module" src="\/assets\/liveblog\.[^"]+\.js"/);
    expect((await get(pathOf(await story()))).body).not.toContain('liveblog.');

    // A new update: the page cache drops the story's page at once, and only its pages: the
    // home page (which lists the story) and a section front stay cached.
    for (const list of ['/', `/${section.slug}`]) {
      await get(list);
      expect((await get(list)).headers['x-cache']).toBe('HIT');
    }
    await postUpdate(a, { body: 'First results from the coastal provinces.' });
    const after = await get(pathOf(a));
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body).toContain('First results from the coastal provinces.');
    expect(after.body).toContain('4 updates');
    for (const list of ['/', `/${section.slug}`]) expect((await get(list)).headers['x-cache'], list).toBe('HIT');
  });

  it('pages older updates without JavaScript, and as a fragment for the island', async () => {
    const a = await liveStory();
    const ids: number[] = [];
    for (let i = 1; i <= 24; i++) ids.push(await postUpdate(a, { body: `Numbered update ${i}.` }));
    const html = (await get(pathOf(a))).body;
    expect(html).toContain('Numbered update 24.');
    expect(html).toContain('Numbered update 5.');
    expect(html).not.toContain('Numbered update 4.');
    const link = /<a href="(\/articles\/\d+\/updates\?before=\d+)" data-liveblog-older>Load older updates<\/a>/.exec(html)?.[1];
    expect(link).toBe(`/articles/${a.id}/updates?before=${ids[4] ?? 0}`);

    const older = await get(link ?? '');
    expect(older.statusCode).toBe(200);
    expect(older.body).toContain('Earlier updates: ');
    expect(older.body).toContain('<meta name="robots" content="noindex"/>');
    const shown = [...older.body.matchAll(/Numbered update (\d+)\./g)].map((m) => Number(m[1]));
    expect(shown).toEqual([4, 3, 2, 1]);
    expect(older.body).not.toContain('Load older updates');
    expect(older.body).toContain(`href="${pathOf(a)}#live-updates"`);

    const fragment = await t.app.server.inject({ method: 'GET', url: link ?? '', headers: { accept: 'application/json' } });
    const data = fragment.json<{ html: string; olderUrl: string | null }>();
    expect(data.olderUrl).toBeNull();
    expect(data.html).toContain(`id="update-${ids[0] ?? 0}"`);

    expect((await get(`/articles/${a.id}/updates?before=abc`)).statusCode).toBe(400);
    const other = await liveStory();
    expect((await get(`/articles/${other.id}/updates?before=${ids[0] ?? 0}`)).statusCode).toBe(404);
  });

  it('describes a live story as a LiveBlogPosting with its latest updates, and ends the coverage', async () => {
    const a = await liveStory({ headline: 'Summit talks enter a second day' });
    const first = await postUpdate(a, { headline: 'Leaders arrive', body: 'Delegations arrived at the conference centre this morning.' });
    const second = await postUpdate(a, { body: 'A joint statement is expected in the afternoon, officials say.' });
    let ld = jsonLd((await get(pathOf(a))).body).find((b) => b['@type'] === 'LiveBlogPosting');
    expect(ld).toBeDefined();
    expect(ld?.headline).toBe('Summit talks enter a second day');
    expect(typeof ld?.coverageStartTime).toBe('string');
    expect(ld?.coverageEndTime).toBeUndefined();
    const updates = ld?.liveBlogUpdate as Ld[];
    expect(updates.map((u) => u.url)).toEqual([`${TEST_ORIGIN}${pathOf(a)}#update-${second}`, `${TEST_ORIGIN}${pathOf(a)}#update-${first}`]);
    expect(updates[1]).toMatchObject({ '@type': 'BlogPosting', headline: 'Leaders arrive', articleBody: 'Delegations arrived at the conference centre this morning.' });
    expect(updates[0]?.headline).toBe('A joint statement is expected in the afternoon, officials say.');
    expect(typeof updates[0]?.datePublished).toBe('string');

    await editor.post(`/admin/articles/${a.id}/live/end`, {});
    const html = (await get(pathOf(a))).body;
    expect(html).not.toContain('class="liveblog-badge"');
    expect(html).toContain('Live coverage ended');
    ld = jsonLd(html).find((b) => b['@type'] === 'LiveBlogPosting');
    expect(typeof ld?.coverageEndTime).toBe('string');
    expect((ld?.liveBlogUpdate as Ld[]).length).toBe(2);

    // A story that never went live stays a NewsArticle, without a live section.
    const plain = await story();
    const plainHtml = (await get(pathOf(plain))).body;
    expect(jsonLd(plainHtml).some((b) => b['@type'] === 'NewsArticle')).toBe(true);
    expect(plainHtml).not.toContain('id="live-updates"');
  });

  it('embeds the live player with a Content-Security-Policy that admits the stream', async () => {
    const now = new Date().toISOString();
    await t.app.db.kysely
      .insertInto('channels')
      .values({ slug: 'liveblog-tv', name: 'Liveblog TV', language: 'en', master_url: 'https://streams.example.test/live/master.m3u8', audio_url: null, poster_media_id: null, time_zone: 'UTC', description: '', position: 0, playlist_status: 'ok', playlist_report: '[]', checked_at: null, created_at: now, updated_at: now })
      .execute();
    t.app.events.publish({ type: 'live.changed', channelId: 0 });
    const a = await liveStory();
    await postUpdate(a, { body: 'Watch our live coverage above.' });
    expect((await editor.post(`/admin/articles/${a.id}/live/player`, { on: '1' })).statusCode).toBe(303);
    const res = await get(pathOf(a));
    expect(res.body).toMatch(/<div class="live-player" data-live-player /);
    expect(res.body).toContain('data-master="https://streams.example.test/live/master.m3u8"');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("media-src 'self' blob: https://streams.example.test");
    expect(csp).toContain("connect-src 'self' https://streams.example.test");
    expect(csp).toContain("script-src 'self'");
    // The cached copy carries the same header.
    const hit = await get(pathOf(a));
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(String(hit.headers['content-security-policy'])).toContain('https://streams.example.test');

    await editor.post(`/admin/articles/${a.id}/live/player`, { on: '0' });
    const off = await get(pathOf(a));
    expect(off.body).not.toContain('data-live-player');
    expect(String(off.headers['content-security-policy'])).not.toContain('streams.example.test');
  });

  it('keeps markup in an update inert, and serves valid HTML5 on the reader and newsroom pages', async () => {
    const a = await liveStory();
    const xss = await postUpdate(a, { headline: '<script>alert("headline")</script>', body: '<img src=x onerror=alert(1)> and **<b>bold</b>** [a link](https://example.org/?q=<x>)', pinned: true });
    const html = (await get(pathOf(a))).body;
    expect(html).toContain('&lt;script>alert(&quot;headline&quot;)&lt;/script>');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).toContain('<strong>&lt;b>bold&lt;/b></strong>');
    for (let i = 0; i < 21; i++) await postUpdate(a, { headline: i % 2 ? `Update ${i}` : '', body: `Paragraph one of ${i}.\n\nParagraph two.` });

    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:document'] });
    const page = await get(pathOf(a));
    const older = /href="(\/articles\/\d+\/updates\?before=\d+)"/.exec(page.body)?.[1] ?? '';
    const pages: Array<[string, () => Promise<{ body: string; statusCode: number }>]> = [
      ['article', () => get(pathOf(a))],
      ['older updates', () => get(older)],
      ['edit update', () => editor.get(`/admin/articles/${a.id}/live/updates/${xss}/edit`)],
      ['update errors', () => editor.post(`/admin/articles/${a.id}/live/updates`, { headline: '', body: '' })],
    ];
    for (const [name, load] of pages) {
      const res = await load();
      expect(res.statusCode, name).toBeLessThan(500);
      const report = await validator.validateString(res.body);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`));
      expect(messages, name).toEqual([]);
    }
    // The story edit page's own editor markup is another suite's business: check the panel.
    const edit = await editor.get(`/admin/articles/${a.id}`);
    const panel = /<section class="live-blog-panel"[\s\S]*?<\/section>/.exec(edit.body)?.[0] ?? '';
    expect(panel).toContain('Post update');
    const fragment = new HtmlValidate({ extends: ['html-validate:standard'] });
    const panelReport = await fragment.validateString(panel);
    expect(panelReport.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), 'live updates panel').toEqual([]);
  });

  it('streams new updates as HTML and deletions over Server-Sent Events, and ends streams on shutdown', async () => {
    const fresh = await startTestApp(dialect);
    let closed = false;
    try {
      const s = await fresh.make.section({ slug: 'live' + 'desk' });
      const a = await fresh.make.article({ sectionId: s.id });
      const desk = await signedIn(fresh, 'editor');
      await desk.post(`/admin/articles/${a.id}/live/start`, {});
      const old = await fresh.app.liveBlog.post(desk.user, a.id, { headline: '', text: 'Posted before the reader came.' });
      await fresh.app.server.listen({ host: '127.0.0.1', port: 0 });
      const address = fresh.app.server.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/articles/${a.id}/updates/events`);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body?.getReader();
      if (!reader) throw new Error('no body');
      const seen = { text: '' };
      await readUntil(reader, seen, /event: hello\ndata: .*\n\n/);
      expect(seen.text).toContain('retry: 3000');
      expect(seen.text).toContain(`event: hello\ndata: {"latestId":${old.id},"live":true}`);

      const posted = await fresh.app.liveBlog.post(desk.user, a.id, { headline: 'Breaking <now>', text: 'The bridge has **reopened**.' });
      await readUntil(reader, seen, /event: update\ndata: .*\n\n/);
      const line = /event: update\ndata: (.*)\n\n/.exec(seen.text)?.[1] ?? '{}';
      const data = JSON.parse(line) as { id: number; action: string; pinned: boolean; html: string };
      expect(data).toMatchObject({ id: posted.id, action: 'posted', pinned: false });
      expect(data.html).toContain(`<li class="liveblog-update" id="update-${posted.id}"`);
      expect(data.html).toContain('Breaking &lt;now>');
      expect(data.html).toContain('The bridge has <strong>reopened</strong>.');

      // What a page that missed it fetches on reconnect.
      const since = (await fetch(`http://127.0.0.1:${port}/articles/${a.id}/updates/since?after=${old.id}`).then((r) => r.json())) as { updates: Array<{ id: number }> };
      expect(since.updates.map((u) => u.id)).toEqual([posted.id]);

      await fresh.app.liveBlog.remove(desk.user, a.id, posted.id);
      await readUntil(reader, seen, /event: deleted\ndata: .*\n\n/);
      expect(seen.text).toContain(`event: deleted\ndata: {"id":${posted.id}}`);

      await fresh.app.liveBlog.endCoverage(desk.user, a.id);
      await readUntil(reader, seen, /event: coverage\ndata: .*\n\n/);
      expect(seen.text).toContain('event: coverage\ndata: {"live":false}');

      const started = Date.now();
      await fresh.close();
      closed = true;
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      if (!closed) await fresh.close();
    }
  });

  it('answers 404 for the updates of a story that is not public', async () => {
    const draft = await story({ status: 'draft', publishedAt: null });
    expect((await get(`/articles/${draft.id}/updates/events`)).statusCode).toBe(404);
    expect((await get(`/articles/${draft.id}/updates/since?after=0`)).statusCode).toBe(404);
  });
});
