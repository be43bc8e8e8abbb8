/**
 * The fast lane (src/http/fast-lane.ts) answers cached pages before Fastify, over a real
 * socket (in-process `inject` never reaches it). What it sends must be exactly what the
 * application sends for a hit: same status, headers and bytes in every encoding, the same
 * 304s; and it must forget a page the moment the cache does.
 */
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import { updateArticle } from '../../src/services/publishing.js';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';

/** Headers that legitimately differ between two responses of the same page. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-cache']);

function comparable(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!TRANSPORT.has(name.toLowerCase()) && value !== undefined) out[name.toLowerCase()] = String(value);
  return out;
}

describe('the fast lane for cached pages', () => {
  let t: TestApp;
  let origin: string;
  let story: Article;
  let path: string;
  const clock = new Date();

  beforeAll(async () => {
    t = await startTestApp('sqlite', {}, { now: () => clock });
    const section = await t.make.section({ slug: 'news', name: 'News' });
    story = await t.make.article({ sectionId: section.id, headline: 'Tram line reopens after the flood' });
    path = `/news/${story.slug}`;
    await t.app.server.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await t?.close();
  });

  const viaFastify = (url: string, headers: Record<string, string> = {}) => t.app.server.inject({ method: 'GET', url, headers });

  it('replays exactly what the application sends for a hit, in every encoding, and 304s alike', async () => {
    // The first request renders through Fastify and teaches the lane the URL.
    const first = await fetch(`${origin}${path}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const hitsBefore = t.app.cache.hits;

    for (const encoding of ['br', 'gzip', 'identity']) {
      const lane = await fetch(`${origin}${path}`, { headers: { 'accept-encoding': encoding } });
      const app = await viaFastify(path, { 'accept-encoding': encoding });
      expect(lane.status).toBe(200);
      expect(lane.headers.get('x-cache')).toBe('HIT');
      expect(comparable(Object.fromEntries(lane.headers))).toEqual(comparable(app.headers));
      // fetch decodes; compare the decoded HTML with Fastify's decoded body.
      const appBody = encoding === 'br' ? brotliDecompressSync(app.rawPayload).toString() : encoding === 'gzip' ? gunzipSync(app.rawPayload).toString() : app.body;
      expect(await lane.text()).toBe(appBody);
    }
    expect(t.app.cache.hits).toBeGreaterThanOrEqual(hitsBefore + 6);

    const etag = first.headers.get('etag') ?? '';
    const notModified = await fetch(`${origin}${path}`, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(notModified.headers.get('cache-control')).toBe(first.headers.get('cache-control'));

    // HEAD: the headers, no body.
    const head = await fetch(`${origin}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('sends the smaller compression once the page is asked for again, with its own length', async () => {
    // A story nobody has read yet, so its first compression is still the fast one.
    const fresh = await t.make.article({ sectionId: story.sectionId, headline: 'Ferry timetable changes for the winter' });
    const freshPath = `/news/${fresh.slug}`;
    const gzipped = () =>
      new Promise<{ length: number; bytes: Buffer }>((resolve, reject) => {
        get(`${origin}${freshPath}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ length: Number(res.headers['content-length']), bytes: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const html = (await viaFastify(freshPath)).body;
    const responses = [];
    for (let i = 0; i < 4; i++) {
      responses.push(await gzipped());
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const r of responses) {
      expect(r.bytes.length).toBe(r.length);
      expect(gunzipSync(r.bytes).toString()).toBe(html);
    }
    expect(responses[3]?.length).toBeLessThan(responses[0]?.length ?? 0);
    // The cache now keeps only the gzip copy: plain and brotli readers still get the page.
    for (const encoding of ['identity', 'br']) {
      const res = await fetch(`${origin}${freshPath}`, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('x-cache')).toBe('HIT');
      expect(await res.text()).toBe(html);
    }
  });

  it('forgets a page the moment the cache drops it: an edit shows on the next request', async () => {
    await fetch(`${origin}${path}`);
    expect((await fetch(`${origin}${path}`)).headers.get('x-cache')).toBe('HIT');
    await updateArticle({ db: t.app.db, events: t.app.events, now: () => clock }, story.id, { sectionId: story.sectionId, headline: 'Tram line reopens a day early', body: story.body, status: 'published', publishedAt: story.publishedAt, slug: story.slug });
    const after = await fetch(`${origin}${path}`);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(await after.text()).toContain('Tram line reopens a day early');
  });

  it('leaves everything else to Fastify: unknown URLs, other methods, uncached pages', async () => {
    expect((await fetch(`${origin}/no/such/page`)).status).toBe(404);
    const post = await fetch(`${origin}${path}`, { method: 'POST' });
    expect(post.status).toBe(404);
    // Reported in /metrics as its own route.
    await fetch(`${origin}${path}`);
    const metrics = await (await fetch(`${origin}/metrics`)).text();
    expect(metrics).toMatch(/newsdesk_fast_lane_requests_total\{status="200"\} [1-9]/);
  });
});
