/**
 * Two instances on one PostgreSQL, as in production behind a load balancer: a change made
 * through one clears the cached page on the other within a second, and a reader connected
 * to the other sees a new comment live. (SQLite runs one instance: nothing to relay.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import type { Article } from '../../src/core/articles.js';
import { updateArticle } from '../../src/services/publishing.js';
import { openDatabase } from '../../src/storage/db.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import { factories } from '../helpers/factories.js';

describe.each(DIALECTS.filter((d) => d === 'postgres'))('two instances on %s', () => {
  let tdb: TestDatabase;
  let a: App;
  let b: App;
  let story: Article;
  let path: string;

  const start = async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url, PUBLIC_URL: 'https://news.example.test' });
    // Each instance has its own connection pool, as separate processes would.
    const app = await createApp(config, { db: openDatabase(tdb.url), mailer: { send: () => Promise.resolve() } });
    await app.relay?.ready;
    return app;
  };

  beforeAll(async () => {
    tdb = await createTestDatabase('postgres');
    [a, b] = [await start(), await start()];
    const make = factories({ db: a.db, events: a.events });
    const section = await make.section({ slug: 'news', name: 'News' });
    story = await make.article({ sectionId: section.id, headline: 'Harbour reopens after the storm' });
    path = `/news/${story.slug}`;
  });

  afterAll(async () => {
    for (const app of [a, b]) {
      await app?.close();
      await app?.db.close();
    }
    await tdb?.drop();
  });

  const pageOn = (app: App) => app.server.inject({ method: 'GET', url: path });

  it('clears the cached page on the other instance within a second of an edit', async () => {
    expect((await pageOn(b)).body).toContain('Harbour reopens after the storm');
    expect((await pageOn(b)).headers['x-cache']).toBe('HIT');
    await updateArticle({ db: a.db, events: a.events }, story.id, { headline: 'Harbour reopens after the great storm', sectionId: story.sectionId, standfirst: story.standfirst, body: story.body, status: 'published', publishedAt: story.publishedAt, slug: story.slug });
    await expect.poll(async () => (await pageOn(b)).body, { timeout: 1_000, interval: 50 }).toContain('Harbour reopens after the great storm');
  });

  it('publishes each scheduled story exactly once when both instances run the job at the same moment', async () => {
    const make = factories({ db: a.db, events: a.events });
    const section = await make.section({ slug: 'scheduled', name: 'Scheduled' });
    const past = new Date(Date.now() - 60_000).toISOString();
    const due = await Promise.all(Array.from({ length: 12 }, (_, i) => make.article({ sectionId: section.id, headline: `Due story ${i}`, status: 'scheduled', publishedAt: null })));
    await a.db.kysely.updateTable('articles').set({ scheduled_at: past }).where('id', 'in', due.map((d) => d.id)).execute();
    const [fromA, fromB] = await Promise.all([a.newsroom.publishDue(), b.newsroom.publishDue()]);
    // Between them, every due story once; never the same story twice.
    expect([...fromA, ...fromB].sort((x, y) => x - y)).toEqual(due.map((d) => d.id).sort((x, y) => x - y));
    const rows = await a.db.kysely.selectFrom('articles').select('status').where('id', 'in', due.map((d) => d.id)).execute();
    expect(rows.every((r) => r.status === 'published')).toBe(true);
  });

  it('delivers a comment posted on one instance live to a reader connected to the other', async () => {
    await b.server.listen({ host: '127.0.0.1', port: 0 });
    const address = b.server.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const res = await fetch(`http://127.0.0.1:${port}/articles/${story.id}/comments/events`);
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let received = '';
    /** Reads the stream until the text arrives, failing (not hanging) after two seconds. */
    const readUntil = async (text: string) => {
      const deadline = Date.now() + 2_000;
      while (reader && !received.includes(text)) {
        const chunk = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no "${text}" within 2 s; got: ${received}`)), Math.max(0, deadline - Date.now())))]);
        received += decoder.decode(chunk.value);
      }
    };
    await readUntil('event: count');
    await a.comments.saveSettings({ ...(await a.comments.settings()), guestComments: false, premoderateFirstComments: 0 });
    const at = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const row = await a.db.kysely.insertInto('readers').values({ email: 'two@example.test', display_name: 'Two Instances', name_key: 'twoinstances', password_hash: null, email_verified_at: at, suspended_until: null, approved_count: 3, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const posted = await a.comments.post({ articleId: story.id, body: 'Posted through the first instance.' }, { kind: 'reader', readerId: row.id }, '198.51.100.3');
    expect(posted.comment.status).toBe('approved');
    const started = Date.now();
    await readUntil('Posted through the first instance.');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(received).toContain('"countText":"1 Comment"');
    await reader?.cancel();
  });
});
