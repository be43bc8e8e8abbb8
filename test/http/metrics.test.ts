/**
 * GET /metrics as Prometheus and an operator meet it, on every database: requests and
 * latency by route pattern (never by raw URL), the page cache's hits and misses, the
 * database pool on PostgreSQL, scheduled stories and the comment queues; and who may read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { metricValue } from '../helpers/prometheus.js';

describe.each(DIALECTS)('metrics on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(dialect);
  });

  afterAll(async () => {
    await t?.close();
  });

  const metrics = async () => {
    const res = await t.app.server.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain; version=0.0.4');
    return res.body;
  };

  it('counts requests and their latency by route pattern, and page cache hits and misses', async () => {
    const section = await t.make.section({ slug: 'news', name: 'News' });
    const [a, b] = [await t.make.article({ sectionId: section.id }), await t.make.article({ sectionId: section.id })];
    for (const path of [`/news/${a.slug}`, `/news/${a.slug}`, `/news/${b.slug}`]) await t.app.server.inject({ method: 'GET', url: path });
    const text = await metrics();
    // Both stories are one route: no series per URL.
    expect(metricValue(text, 'newsdesk_http_requests_total{method="GET",route="/*",status="200"}')).toBe(3);
    expect(text).not.toContain(a.slug);
    expect(metricValue(text, 'newsdesk_http_request_duration_seconds_count{method="GET",route="/*"}')).toBe(3);
    expect(metricValue(text, 'newsdesk_page_cache_requests_total{result="hit"}')).toBe(1);
    expect(metricValue(text, 'newsdesk_page_cache_requests_total{result="miss"}')).toBe(2);
    expect(metricValue(text, 'newsdesk_page_cache_entries')).toBeGreaterThanOrEqual(2);
    // The newsroom's routes are counted too (its own encapsulated context).
    await t.app.server.inject({ method: 'GET', url: '/admin/login' });
    expect(metricValue(await metrics(), 'newsdesk_http_requests_total{method="GET",route="/admin/login",status="200"}')).toBe(1);
  });

  it('reports the comment queues and scheduled stories', async () => {
    const section = await t.make.section({ slug: 'world', name: 'World' });
    await t.make.article({ sectionId: section.id, status: 'scheduled', publishedAt: null });
    const before = await metrics();
    expect(metricValue(before, 'newsdesk_comment_queue_depth{queue="pending"}')).toBe(0);
    expect(metricValue(before, 'newsdesk_scheduled_stories{state="waiting"}')).toBeGreaterThanOrEqual(0);
    const article = await t.make.article({ sectionId: section.id });
    await t.app.comments.saveSettings({ ...(await t.app.comments.settings()), guestComments: true });
    await t.app.comments.post({ articleId: article.id, body: 'A guest comment waits for a moderator.' }, { kind: 'guest', name: 'Guest Reader', email: 'guest@example.test' }, '198.51.100.9');
    expect(metricValue(await metrics(), 'newsdesk_comment_queue_depth{queue="pending"}')).toBe(1);
  });

  it('reports the PostgreSQL pool (SQLite has one connection and no pool)', async () => {
    const total = metricValue(await metrics(), 'newsdesk_db_pool_connections{state="total"}');
    if (dialect === 'postgres') expect(total).toBeGreaterThanOrEqual(1);
    else expect(total).toBeUndefined();
  });

  it('serves metrics to this machine only, unless given the token', async () => {
    expect((await t.app.server.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.50' })).statusCode).toBe(403);
    const withToken = await startTestApp(dialect, { METRICS_TOKEN: 'a-long-metrics-token-0123456789' });
    try {
      const get = (authorization?: string) => withToken.app.server.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.50', headers: authorization ? { authorization } : {} });
      expect((await get()).statusCode).toBe(401);
      expect((await get('Bearer wrong-token-wrong-token-00')).statusCode).toBe(401);
      expect((await get('Bearer a-long-metrics-token-0123456789')).statusCode).toBe(200);
    } finally {
      await withToken.close();
    }
  });
});
