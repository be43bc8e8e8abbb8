/**
 * GET /metrics in the Prometheus text format (prom-client): requests and latency by route,
 * the page cache's hit ratio and size, the database pool, scheduled stories waiting, and the
 * comment moderation queues. Each instance reports its own; Prometheus adds them up.
 *
 * Who may read it: with METRICS_TOKEN set, anyone presenting it as a bearer token; without,
 * only clients on this machine (the client address after trusted proxies, so a public
 * request relayed by a local proxy is not mistaken for a local one).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { FastLane } from './fast-lane.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PageCache } from './page-cache.js';
import type { Db } from '../storage/db.js';

export interface MetricsDeps {
  db: Db;
  cache: PageCache;
  /** Comments waiting for a moderator, and approved comments with open reports. */
  commentQueues: () => Promise<{ pending: number; reported: number }>;
  token?: string | undefined;
  /** Reports the cached pages it answers (they bypass the onResponse hook). */
  fastLane?: FastLane;
}

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function registerMetrics(app: FastifyInstance, deps: MetricsDeps): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({ name: 'newsdesk_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status code.', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const duration = new Histogram({
    name: 'newsdesk_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  let laneHitsSeen = 0;
  const cacheLookups = new Counter({
    name: 'newsdesk_page_cache_requests_total',
    help: 'Cached documents served, by result (hit: from memory; miss: rendered).',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      // The fast lane's answers are hits too.
      const total = [...(deps.fastLane?.answered().values() ?? [])].reduce((a, b) => a + b, 0);
      if (total > laneHitsSeen) this.inc({ result: 'hit' }, total - laneHitsSeen);
      laneHitsSeen = total;
    },
  });
  new Gauge({ name: 'newsdesk_page_cache_entries', help: 'Rendered documents held in this instance.', registers: [registry], collect() { this.set(deps.cache.size); } });
  new Gauge({ name: 'newsdesk_page_cache_bytes', help: 'Bytes of rendered documents (and their compressed forms) held in this instance.', registers: [registry], collect() { this.set(deps.cache.bytes); } });
  new Gauge({
    name: 'newsdesk_db_pool_connections',
    help: 'PostgreSQL pool connections by state (absent on SQLite).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const stats = deps.db.poolStats();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  new Gauge({
    name: 'newsdesk_scheduled_stories',
    help: 'Stories scheduled to publish, and those already due (the publishing job queue).',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const now = new Date().toISOString();
      const rows = await deps.db.kysely.selectFrom('articles').select(['scheduled_at']).where('status', '=', 'scheduled').execute();
      this.set({ state: 'waiting' }, rows.length);
      this.set({ state: 'due' }, rows.filter((r) => r.scheduled_at !== null && r.scheduled_at <= now).length);
    },
  });
  new Gauge({
    name: 'newsdesk_comment_queue_depth',
    help: 'Comments waiting for moderators, by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const q = await deps.commentQueues();
      this.set({ queue: 'pending' }, q.pending);
      this.set({ queue: 'reported' }, q.reported);
    },
  });

  // Cached pages the fast lane answered never reach Fastify's hooks: it counts them itself
  // (a per-request prom-client call would cost more than the lane saves), added here on scrape.
  const lane = deps.fastLane;
  if (lane) {
    const seen = new Map<number, number>();
    new Counter({
      name: 'newsdesk_fast_lane_requests_total',
      help: 'Cached pages answered by the fast lane (before Fastify), by status code: page cache hits all.',
      labelNames: ['status'] as const,
      registers: [registry],
      collect() {
        for (const [status, total] of lane.answered()) {
          const delta = total - (seen.get(status) ?? 0);
          if (delta > 0) this.inc({ status: String(status) }, delta);
          seen.set(status, total);
        }
      },
    });
  }

  app.addHook('onResponse', async (req, reply) => {
    // The route pattern, never the raw URL: one series per route, however many pages.
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    const cached = reply.getHeader('x-cache');
    if (cached === 'HIT' || cached === 'MISS') cacheLookups.inc({ result: cached === 'HIT' ? 'hit' : 'miss' });
  });

  app.get('/metrics', async (req, reply) => {
    const allowed = deps.token ? tokenMatches(req.headers.authorization, deps.token) : isLoopback(req.ip);
    if (!allowed) return reply.code(deps.token ? 401 : 403).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(deps.token ? 'A bearer token is required.\n' : 'Metrics are served to this machine only (set METRICS_TOKEN to allow others).\n');
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(await registry.metrics());
  });
}
