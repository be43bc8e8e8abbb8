/**
 * Redis as the instances' shared state (REDIS_URL): rate limits counted there first and
 * content events carried over its pub/sub instead of PostgreSQL LISTEN/NOTIFY.
 *
 * - the sliding-window limiter itself: exact counts, retry times, check without counting,
 *   atomic under concurrent hits from two connections;
 * - two instances on PostgreSQL: an edit on one clears the other's cached page within a
 *   second, a comment reaches a reader connected to the other, the comment limit and the
 *   sign-in throttle are shared (alternating instances hit the limit at exactly the count);
 * - one instance on SQLite: its events go out on Redis and other instances' come in;
 * - Redis away (a closed port from the start, or cut while running): comments still post,
 *   limited by the database counts, nothing answers 500, and the counts come back with Redis.
 *
 * Every run works under its own key prefix and deletes its keys afterwards.
 */
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import type { Article } from '../../src/core/articles.js';
import type { ContentEvent, EventOrigin } from '../../src/core/events.js';
import { RateLimitedError } from '../../src/services/comments.js';
import type { MailMessage } from '../../src/services/mail.js';
import { updateArticle } from '../../src/services/publishing.js';
import { RedisRateLimiter } from '../../src/services/rate-limits.js';
import { SignInThrottle, THROTTLE, ThrottledError } from '../../src/services/sign-in-throttle.js';
import { openDatabase } from '../../src/storage/db.js';
import type { Db } from '../../src/storage/db.js';
import { eventChannel } from '../../src/storage/redis-event-relay.js';
import { closeRedis, connectRedis } from '../../src/storage/redis.js';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import { factories } from '../helpers/factories.js';
import { freePort } from '../helpers/serve-process.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { signedUpReader } from '../helpers/readers.js';
import type { ReaderClient } from '../helpers/readers.js';
import { REDIS_URL, deleteKeys, redisUp, testKeyPrefix, testRedisClient } from '../helpers/redis.js';


/** A TCP proxy to Redis that can be cut and restored (test/helpers/tcp-proxy.ts). */
class RedisProxy extends TcpProxy {
  constructor() {
    const target = new URL(REDIS_URL);
    super({ host: target.hostname, port: Number(target.port || 6379) });
  }

  /** redis://127.0.0.1:<port>, keeping the database number and credentials of REDIS_URL. */
  get url(): string {
    return this.via(REDIS_URL);
  }
}

/** A reader whose comments publish at once, made directly in the database. */
async function trustedReaderRow(db: Db, name: string): Promise<number> {
  const at = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const row = await db.kysely
    .insertInto('readers')
    .values({ email: `${key}@example.test`, display_name: name, name_key: key, password_hash: null, email_verified_at: at, suspended_until: null, approved_count: 5, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Reads a Server-Sent Events stream until a text arrives, failing (not hanging) after two seconds. */
async function sseReader(port: number, path: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let received = '';
  return {
    get received() {
      return received;
    },
    async until(text: string) {
      const deadline = Date.now() + 2_000;
      while (reader && !received.includes(text)) {
        const chunk = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no "${text}" within 2 s; got: ${received}`)), Math.max(0, deadline - Date.now())))]);
        received += decoder.decode(chunk.value);
      }
    },
    cancel: () => reader?.cancel(),
  };
}

/** Collects what a test subscriber hears on the event channel (ignoring what is not an event). */
function hear(into: Array<{ from: string; event: ContentEvent }>, payload: string): void {
  try {
    const message = JSON.parse(payload) as { from?: string; event?: ContentEvent | null };
    if (message.from && message.event) into.push({ from: message.from, event: message.event });
  } catch {
    // not JSON: the tests publish some on purpose
  }
}

const portOf = (app: App) => {
  const address = app.server.server.address();
  return typeof address === 'object' && address ? address.port : 0;
};

describe('REDIS_URL and REDIS_KEY_PREFIX', () => {
  it('take redis:// or rediss:// with a host, and a plain prefix', () => {
    for (const url of ['redis://127.0.0.1:6379', 'rediss://user:secret@cache.internal:6380/2', 'redis://[::1]:6379', 'redis://redis_cache']) expect(loadConfig({ REDIS_URL: url }).REDIS_URL).toBe(url);
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    expect(loadConfig({}).REDIS_KEY_PREFIX).toBe('newsdesk:');
    for (const url of ['http://127.0.0.1:6379', 'redis://', 'redis:/host', '127.0.0.1:6379']) expect(() => loadConfig({ REDIS_URL: url })).toThrow(/REDIS_URL: must be redis:\/\/host:6379/);
    expect(() => loadConfig({ REDIS_KEY_PREFIX: 'has spaces*' })).toThrow(/REDIS_KEY_PREFIX/);
  });
});

describe.skipIf(!redisUp)('Redis', () => {
  const prefixes: string[] = [];
  let redis: Redis;

  const newPrefix = () => {
    const p = testKeyPrefix();
    prefixes.push(p);
    return p;
  };

  beforeAll(() => {
    redis = testRedisClient();
  });

  afterAll(async () => {
    for (const p of prefixes) await deleteKeys(redis, p);
    await closeRedis(redis);
  });

  describe('the sliding-window rate limiter', () => {
    let clock = Date.now();
    let limiter: RedisRateLimiter;
    let other: RedisRateLimiter;
    const problems: unknown[] = [];
    const clients: Redis[] = [];

    beforeAll(async () => {
      const prefix = newPrefix();
      const make = () => {
        const client = connectRedis(REDIS_URL, { name: 'test', failFast: true, onError: (err) => problems.push(err) });
        clients.push(client);
        return new RedisRateLimiter(client, { prefix, now: () => new Date(clock), onError: (err) => problems.push(err) });
      };
      [limiter, other] = [make(), make()];
      await Promise.all(clients.map((c) => (c.status === 'ready' ? Promise.resolve() : once(c, 'ready'))));
    });

    afterAll(async () => {
      await Promise.all(clients.map((c) => closeRedis(c)));
    });

    it('allows exactly max hits in a window, says when the next one is allowed, and frees slots as they age', async () => {
      const limits = [{ windowSeconds: 60, max: 3 }];
      const start = clock;
      for (let i = 0; i < 3; i++) {
        expect(await limiter.hit('exact', limits)).toEqual({ allowed: true, retryAfterSeconds: 0 });
        clock += 10_000;
      }
      // Hits at 0, 10 and 20 s; now 30 s: the first ages out at 60 s.
      expect(await limiter.hit('exact', limits)).toEqual({ allowed: false, retryAfterSeconds: 30 });
      // A refused hit is not counted, and the other connection sees the same log.
      clock = start + 60_000;
      expect((await other.hit('exact', limits)).allowed).toBe(true);
      expect(await other.hit('exact', limits)).toEqual({ allowed: false, retryAfterSeconds: 10 });
      expect(await redis.zcard(limiter.keyOf('exact', 60))).toBe(3);
      expect(await redis.pttl(limiter.keyOf('exact', 60))).toBeGreaterThan(50_000);
      expect(problems).toEqual([]);
    });

    it('applies every limit given, and check() counts nothing', async () => {
      const limits = [{ windowSeconds: 60, max: 2 }, { windowSeconds: 3600, max: 3 }];
      const start = clock;
      expect((await limiter.check('two-limits', limits)).allowed).toBe(true);
      expect((await limiter.hit('two-limits', limits)).allowed).toBe(true);
      expect((await limiter.hit('two-limits', limits)).allowed).toBe(true);
      expect(await limiter.check('two-limits', limits)).toEqual({ allowed: false, retryAfterSeconds: 60 });
      clock = start + 61_000;
      expect((await limiter.check('two-limits', limits)).allowed).toBe(true);
      expect((await limiter.check('two-limits', limits)).allowed).toBe(true);
      expect((await limiter.hit('two-limits', limits)).allowed).toBe(true);
      // The minute is fine now; the hour is full until the first hit is an hour old.
      expect(await limiter.hit('two-limits', limits)).toEqual({ allowed: false, retryAfterSeconds: 3600 - 61 });
      expect(await redis.zcard(limiter.keyOf('two-limits', 3600))).toBe(3);
    });

    it('gives the last slot to exactly one of many simultaneous hits from two connections', async () => {
      const limits = [{ windowSeconds: 60, max: 7 }];
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? limiter : other).hit('race', limits)));
      expect(results.filter((r) => r.allowed)).toHaveLength(7);
    });

    it('fails open at once when Redis cannot be reached, and reports it once', async () => {
      const reported: unknown[] = [];
      const client = connectRedis(`redis://127.0.0.1:${await freePort()}`, { name: 'test-closed', failFast: true, onError: () => undefined });
      try {
        const unreachable = new RedisRateLimiter(client, { prefix: 'unused:', onError: (err) => reported.push(err) });
        const started = Date.now();
        for (let i = 0; i < 20; i++) expect((await unreachable.hit('anything', [{ windowSeconds: 60, max: 1 }])).allowed).toBe(true);
        expect(Date.now() - started).toBeLessThan(500);
        expect(reported).toHaveLength(1);
      } finally {
        await closeRedis(client);
      }
    });
  });

  describe.each(DIALECTS.filter((d) => d === 'postgres'))('two instances on %s with REDIS_URL', () => {
    let tdb: TestDatabase;
    let a: App;
    let b: App;
    let story: Article;
    let path: string;
    let prefix: string;
    let subscriber: Redis;
    const heard: Array<{ from: string; event: ContentEvent }> = [];

    const start = async () => {
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url, PUBLIC_URL: 'https://news.example.test', REDIS_URL, REDIS_KEY_PREFIX: prefix });
      const app = await createApp(config, { db: openDatabase(tdb.url), mailer: { send: () => Promise.resolve() } });
      await app.relay?.ready;
      return app;
    };

    beforeAll(async () => {
      prefix = newPrefix();
      tdb = await createTestDatabase('postgres');
      [a, b] = [await start(), await start()];
      subscriber = testRedisClient();
      subscriber.on('message', (_channel: string, payload: string) => hear(heard, payload));
      await subscriber.subscribe(eventChannel(prefix));
      const make = factories({ db: a.db, events: a.events });
      const section = await make.section({ slug: 'news', name: 'News' });
      story = await make.article({ sectionId: section.id, headline: 'Ferry service resumes' });
      path = `/news/${story.slug}`;
      for (const app of [a, b]) await app.comments.saveSettings({ ...(await app.comments.settings()), guestComments: false, premoderateFirstComments: 0, ratePerMinute: 3, ratePerHour: 30 });
    });

    afterAll(async () => {
      for (const app of [a, b]) {
        await app?.close();
        await app?.db.close();
      }
      if (subscriber) await closeRedis(subscriber);
      await tdb?.drop();
    });

    const pageOn = (app: App) => app.server.inject({ method: 'GET', url: path });

    it('relays over Redis instead of LISTEN/NOTIFY', async () => {
      // The LISTEN/NOTIFY relay would hold a connection whose last statement is LISTEN.
      const listening = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'listen %'`.execute(a.db.kysely);
      expect(listening.rows[0]?.n).toBe(0);
    });

    it('clears the cached page on the other instance within a second of an edit', async () => {
      expect((await pageOn(b)).body).toContain('Ferry service resumes');
      expect((await pageOn(b)).headers['x-cache']).toBe('HIT');
      const changes = () => heard.filter((m) => m.event.type === 'article.changed' && m.event.articleId === story.id).length;
      const before = changes();
      await updateArticle({ db: a.db, events: a.events }, story.id, { headline: 'Ferry service resumes at dawn', sectionId: story.sectionId, standfirst: story.standfirst, body: story.body, status: 'published', publishedAt: story.publishedAt, slug: story.slug });
      await expect.poll(async () => (await pageOn(b)).body, { timeout: 1_000, interval: 50 }).toContain('Ferry service resumes at dawn');
      // It went through Redis, once (the receiving instance does not send it back out).
      await expect.poll(changes, { timeout: 1_000 }).toBe(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(changes()).toBe(before + 1);
    });

    it('delivers a comment posted on one instance live to a reader connected to the other', async () => {
      await b.server.listen({ host: '127.0.0.1', port: 0 });
      const stream = await sseReader(portOf(b), `/articles/${story.id}/comments/events`);
      await stream.until('event: count');
      const readerId = await trustedReaderRow(a.db, 'Live Listener');
      const posted = await a.comments.post({ articleId: story.id, body: 'Posted through the first instance, heard on the second.' }, { kind: 'reader', readerId }, '198.51.100.3');
      expect(posted.comment.status).toBe('approved');
      const started = Date.now();
      await stream.until('heard on the second.');
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(stream.received).toContain('"countText":"1 Comment"');
      await stream.cancel();
    });

    it('shares the comment limit: posting through both instances in turn stops at exactly ratePerMinute', async () => {
      const readerId = await trustedReaderRow(a.db, 'Alternating Poster');
      const ip = '198.51.100.20';
      const postOn = (app: App, n: number) => app.comments.post({ articleId: story.id, body: `Alternating thought number ${n} about the ferry.` }, { kind: 'reader', readerId }, ip);
      for (const [i, app] of [a, b, a].entries()) expect((await postOn(app, i)).comment.status).toBe('approved');
      await expect(postOn(b, 3)).rejects.toBeInstanceOf(RateLimitedError);
      await expect(postOn(a, 4)).rejects.toBeInstanceOf(RateLimitedError);
      const own = await a.db.kysely.selectFrom('comments').select('id').where('reader_id', '=', readerId).execute();
      expect(own).toHaveLength(3);
      expect(await redis.zcard(`${prefix}rl:{comments:reader:${readerId}}:60`)).toBe(3);

      // The shared count is asked first: with the rows aged past the minute (so the database
      // would allow another), Redis still refuses, and says when the first hit ages out.
      const old = new Date(Date.now() - 120_000).toISOString();
      await a.db.kysely.updateTable('comments').set({ created_at: old }).where('reader_id', '=', readerId).execute();
      const refused = await postOn(b, 5).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(RateLimitedError);
      expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
      expect((refused as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);

      // Another reader at another address is not affected.
      const other = await trustedReaderRow(a.db, 'Unrelated Poster');
      expect((await b.comments.post({ articleId: story.id, body: 'Someone else entirely.' }, { kind: 'reader', readerId: other }, '198.51.100.21')).comment.status).toBe('approved');
    });

    it('shares the sign-in throttle: failures on either instance count together', async () => {
      const onA = new SignInThrottle(a.db, () => new Date(), a.rateLimiter);
      const onB = new SignInThrottle(b.db, () => new Date(), b.rateLimiter);
      const email = 'target@example.test';
      for (let i = 0; i < THROTTLE.perAccount; i++) {
        const throttle = i % 2 ? onB : onA;
        await throttle.check(email, `192.0.2.${i}`);
        await throttle.record(email, `192.0.2.${i}`, false);
      }
      await expect(onA.check(email, '192.0.2.100')).rejects.toBeInstanceOf(ThrottledError);
      await expect(onB.check(email, '192.0.2.101')).rejects.toBeInstanceOf(ThrottledError);
      // Refused by Redis before the rows are counted: without the rows it still refuses.
      await a.db.kysely.deleteFrom('login_attempts').execute();
      await expect(onB.check(email, '192.0.2.102')).rejects.toBeInstanceOf(ThrottledError);
      await onA.check('someone-else@example.test', '192.0.2.103');
    });
  });

  describe('one instance on SQLite with REDIS_URL', () => {
    let t: TestApp;
    let prefix: string;
    let subscriber: Redis;
    let story: Article;
    const heard: Array<{ from: string; event: ContentEvent }> = [];
    const seen: Array<{ event: ContentEvent; origin: EventOrigin }> = [];

    beforeAll(async () => {
      prefix = newPrefix();
      t = await startTestApp('sqlite', { REDIS_URL, REDIS_KEY_PREFIX: prefix });
      await t.app.relay?.ready;
      subscriber = testRedisClient();
      subscriber.on('message', (_channel: string, payload: string) => hear(heard, payload));
      await subscriber.subscribe(eventChannel(prefix));
      t.app.events.subscribe((event, origin) => seen.push({ event, origin }));
      const section = await t.make.section({ slug: 'world', name: 'World' });
      story = await t.make.article({ sectionId: section.id, headline: 'Bridge opens to traffic' });
      // Its creation went out on the channel too: wait for it, so the tests count from here.
      for (let waited = 0; waited < 2_000 && !heard.some((m) => m.event.type === 'article.changed' && m.event.articleId === story.id); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    });

    afterAll(async () => {
      if (subscriber) await closeRedis(subscriber);
      await t?.close();
    });

    it('runs the Redis relay on SQLite', () => {
      expect(t.app.relay).toBeDefined();
    });

    it('sends its own events out on Redis, once, and does not hear them back', async () => {
      seen.length = 0;
      const changes = () => heard.filter((m) => m.event.type === 'article.changed' && m.event.articleId === story.id).length;
      const before = changes();
      await updateArticle({ db: t.app.db, events: t.app.events }, story.id, { headline: 'Bridge opens to traffic at last', sectionId: story.sectionId, standfirst: story.standfirst, body: story.body, status: 'published', publishedAt: story.publishedAt, slug: story.slug });
      await expect.poll(changes, { timeout: 1_000 }).toBe(before + 1);
      // Give an echo time to arrive: there is none.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(changes()).toBe(before + 1);
      expect(seen.filter((s) => s.event.type === 'article.changed').map((s) => s.origin)).toEqual(['local']);
    });

    it('clears its cached page when another instance announces a change', async () => {
      const url = `/world/${story.slug}`;
      expect((await t.app.server.inject({ method: 'GET', url })).body).toContain('Bridge opens to traffic at last');
      expect((await t.app.server.inject({ method: 'GET', url })).headers['x-cache']).toBe('HIT');
      // Another instance changed the story and said so on the channel.
      await t.app.db.kysely.updateTable('articles').set({ headline: 'Bridge reopens after inspection' }).where('id', '=', story.id).execute();
      const event: ContentEvent = { type: 'article.changed', articleId: story.id, sectionId: story.sectionId };
      await redis.publish(eventChannel(prefix), JSON.stringify({ from: 'another-instance', event }));
      await expect.poll(async () => (await t.app.server.inject({ method: 'GET', url })).body, { timeout: 1_000, interval: 50 }).toContain('Bridge reopens after inspection');
      expect(seen.some((s) => s.origin === 'remote' && s.event.type === 'article.changed')).toBe(true);
      // Garbage on the channel is ignored.
      await redis.publish(eventChannel(prefix), 'not json');
      await redis.publish(eventChannel(prefix), JSON.stringify({ from: 'x', event: null }));
      expect((await t.app.server.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    });
  });

  describe.each(DIALECTS)('Redis away, on %s', (dialect) => {
    let t: TestApp;
    let proxy: RedisProxy;
    let prefix: string;
    const mail: MailMessage[] = [];
    let story: Article;

    beforeAll(async () => {
      prefix = newPrefix();
      proxy = new RedisProxy();
      await proxy.up();
      t = await startTestApp(dialect, { REDIS_URL: proxy.url, REDIS_KEY_PREFIX: prefix }, { mailer: { send: (m) => Promise.resolve(void mail.push(m)) } });
      await t.app.relay?.ready;
      const section = await t.make.section({ slug: 'news', name: 'News' });
      story = await t.make.article({ sectionId: section.id, headline: 'Storm closes the port' });
      await t.app.comments.saveSettings({ ...(await t.app.comments.settings()), premoderateFirstComments: 0, ratePerMinute: 3, ratePerHour: 30 });
    });

    afterAll(async () => {
      await t?.close();
      await proxy?.down();
    });

    async function trustedReader(): Promise<ReaderClient> {
      const r = await signedUpReader(t, mail, { name: `Harbour Reader ${randomBytes(3).toString('hex')}` });
      await t.app.db.kysely.updateTable('readers').set({ approved_count: 5, created_at: new Date(Date.now() - 90 * 86_400_000).toISOString() }).where('id', '=', r.id).execute();
      return r;
    }

    /** Posts and checks it answered at once (a fail-open that waits for Redis is no fail-open). */
    async function timedPost(r: ReaderClient, body: string) {
      const started = Date.now();
      const res = await r.postJson(`/articles/${story.id}/comments`, { body });
      expect(Date.now() - started).toBeLessThan(1_500);
      return res;
    }

    it('counts in Redis while it is up, falls back to the database counts when it goes, and counts again when it is back', async () => {
      const r = await trustedReader();
      const key = `${prefix}rl:{comments:reader:${r.id}}:60`;
      expect((await timedPost(r, 'Before the outage.')).statusCode).toBe(201);
      expect(await redis.zcard(key)).toBe(1);

      await proxy.down();
      expect((await timedPost(r, 'During the outage, first.')).statusCode).toBe(201);
      expect((await timedPost(r, 'During the outage, second.')).statusCode).toBe(201);
      // The database still counts: the fourth in a minute is refused, as without Redis.
      const fourth = await timedPost(r, 'During the outage, one too many.');
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers['retry-after']).toBe('60');
      // Nothing else breaks: pages, the story, sign-in, the newsroom's sign-in page.
      for (const url of ['/', `/news/${story.slug}`, '/account/signin', '/admin/signin']) expect((await t.app.server.inject({ method: 'GET', url })).statusCode).toBeLessThan(500);
      const signin = await t.app.server.inject({ method: 'POST', url: '/account/signin', remoteAddress: '203.0.113.250', headers: { origin: 'https://news.example.test', 'content-type': 'application/x-www-form-urlencoded' }, payload: `email=${encodeURIComponent(r.email)}&password=wrong-password-here` });
      expect(signin.statusCode).toBeLessThan(500);
      expect(await redis.zcard(key)).toBe(1);

      await proxy.up();
      const probe = `probe:${randomBytes(4).toString('hex')}`;
      await expect
        .poll(async () => {
          await t.app.rateLimiter.hit(probe, [{ windowSeconds: 60, max: 100 }]);
          return redis.zcard(`${prefix}rl:{${probe}}:60`);
        }, { timeout: 15_000, interval: 250 })
        .toBeGreaterThan(0);
      // The relay subscribed again by itself: another instance's events arrive once more.
      const remote: ContentEvent[] = [];
      const unsubscribe = t.app.events.subscribe((event, origin) => {
        if (origin === 'remote') remote.push(event);
      });
      const event: ContentEvent = { type: 'structure.changed' };
      await expect
        .poll(async () => {
          await redis.publish(eventChannel(prefix), JSON.stringify({ from: 'another-instance', event }));
          return remote.length;
        }, { timeout: 15_000, interval: 250 })
        .toBeGreaterThan(0);
      unsubscribe();
    });
  });

  describe('Redis unreachable from the start', () => {
    const mail: MailMessage[] = [];

    it('starts and serves with REDIS_URL pointing at a closed port', async () => {
      const closed = await startTestApp('sqlite', { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, REDIS_KEY_PREFIX: newPrefix() }, { mailer: { send: (m) => Promise.resolve(void mail.push(m)) } });
      try {
        const section = await closed.make.section({ slug: 'news', name: 'News' });
        const a = await closed.make.article({ sectionId: section.id, headline: 'Nobody home at the cache' });
        await closed.app.comments.saveSettings({ ...(await closed.app.comments.settings()), premoderateFirstComments: 0, ratePerMinute: 3, ratePerHour: 30 });
        const r = await signedUpReader(closed, mail, { name: `Closed Port Reader ${randomBytes(3).toString('hex')}` });
        await closed.app.db.kysely.updateTable('readers').set({ approved_count: 5, created_at: new Date(Date.now() - 90 * 86_400_000).toISOString() }).where('id', '=', r.id).execute();
        const statuses: number[] = [];
        for (const body of ['One, with no Redis.', 'Two, with no Redis.', 'Three, with no Redis.', 'Four, with no Redis.']) {
          const started = Date.now();
          statuses.push((await r.postJson(`/articles/${a.id}/comments`, { body })).statusCode);
          expect(Date.now() - started).toBeLessThan(1_500);
        }
        expect(statuses).toEqual([201, 201, 201, 429]);
        expect((await closed.app.server.inject({ method: 'GET', url: `/news/${a.slug}` })).statusCode).toBe(200);
      } finally {
        const started = Date.now();
        await closed.close();
        expect(Date.now() - started).toBeLessThan(3_000);
      }
    });
  });
});
