/**
 * PostgreSQL going away under load, and coming back. The application reaches the database
 * through a TCP proxy this test controls: cutting it is the database restarting (every
 * connection dropped, new ones refused), opening it again is the database back.
 * While it is down, pages already rendered keep being served from the page cache, anything
 * that needs the database answers 503 with Retry-After at once (never a hang, never a 500),
 * no write is half-done, and when it is back everything recovers without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import type { Article } from '../../src/core/articles.js';
import { openDatabase } from '../../src/storage/db.js';
import { DIALECTS, createTestDatabase } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import { factories } from '../helpers/factories.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

describe.each(DIALECTS.filter((d) => d === 'postgres'))('PostgreSQL restarted under load (%s)', () => {
  let tdb: TestDatabase;
  let proxy: TcpProxy;
  let app: App;
  let story: Article;
  let storyPath: string;
  const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    tdb = await createTestDatabase('postgres');
    const target = new URL(tdb.url);
    proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.up();
    const viaProxy = new URL(proxy.via(tdb.url));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tdb.dataDir, DATABASE_URL: viaProxy.toString(), PUBLIC_URL: 'https://news.example.test' });
    app = await createApp(config, { db: openDatabase(viaProxy.toString()), mailer: { send: () => Promise.resolve() } });
    const make = factories({ db: app.db, events: app.events });
    const section = await make.section({ slug: 'news', name: 'News' });
    story = await make.article({ sectionId: section.id, headline: 'Power returns to the old port' });
    storyPath = `/news/${story.slug}`;
  });

  afterAll(async () => {
    await proxy?.up().catch(() => undefined);
    await app?.close();
    await tdb?.drop();
  });

  it('serves cached pages, answers 503 fast for the rest, loses no write, and recovers by itself', async () => {
    // Warm: the story page is rendered and cached; the readiness probe is green.
    expect((await get(storyPath)).statusCode).toBe(200);
    expect((await get('/readyz')).statusCode).toBe(200);
    const commentsBefore = await app.db.kysely.selectFrom('comments').select('id').execute();

    await proxy.down();

    // Readers of a cached page notice nothing.
    const cached = await get(storyPath);
    expect(cached.statusCode).toBe(200);
    expect(cached.headers['x-cache']).toBe('HIT');

    // Pages that need the database fail fast with 503 and a Retry-After, HTML and JSON alike.
    for (const path of ['/news', '/search?q=port', '/tag/nothing-here']) {
      const started = Date.now();
      const res = await get(path);
      expect(res.statusCode, path).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toContain('Briefly unavailable');
      // Generous: the pool gives up after 2 s; what matters is that nothing hangs.
      expect(Date.now() - started, path).toBeLessThan(5_000);
    }
    expect((await get('/readyz')).statusCode).toBe(503);
    const write = await app.server.inject({ method: 'POST', url: `/articles/${story.id}/comments`, headers: { origin: 'https://news.example.test', accept: 'application/json', 'content-type': 'application/json' }, payload: { body: 'Written while the database was away.' } });
    expect(write.statusCode).toBe(503);
    expect(write.json<{ error: string }>().error).toContain('Nothing was saved');
    const newsroom = await app.server.inject({ method: 'GET', url: '/admin', headers: { cookie: 'nd_session=whatever' } });
    expect(newsroom.statusCode).toBe(503);

    await proxy.up();

    // Back by itself: the pool opens fresh connections, no restart needed.
    let recovered = 0;
    for (let i = 0; i < 50 && recovered !== 200; i++) {
      recovered = (await get('/news')).statusCode;
      if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(recovered).toBe(200);
    expect((await get('/readyz')).statusCode).toBe(200);
    expect(await app.db.kysely.selectFrom('comments').select('id').execute()).toEqual(commentsBefore);
  });
});
