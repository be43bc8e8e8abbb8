/** The Fastify instance with what every response shares: security headers, health checks. */
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { EMBED_FRAME_ORIGINS } from '../core/embeds.js';
import type { Db } from '../storage/db.js';

export interface ServerOptions {
  logLevel: string;
  db: Db;
  /** Fastify's trustProxy: whose X-Forwarded-For to believe (config TRUST_PROXY). */
  trustProxy: boolean | string;
  /** Answers cached pages before Fastify sees the request (http/fast-lane.ts). */
  fastLane?: { serve(req: IncomingMessage, res: ServerResponse): boolean };
}

// Reading pages load only our own CSS and script; JSON-LD blocks are data, not script.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  // Click-to-load video embeds (core/embeds.ts) and nothing else.
  `frame-src ${EMBED_FRAME_ORIGINS.join(' ')}`,
].join('; ');

/** What every response carries, whoever sends it (Fastify's onSend below, or the fast lane). */
export function securityHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' };
  if (contentType.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  return headers;
}

export function createServer(options: ServerOptions): FastifyInstance {
  const lane = options.fastLane;
  const app = Fastify({
    // Node's server with the fast lane in front: a cached page is answered there, the rest
    // goes to Fastify's handler unchanged.
    ...(lane ? { serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) => createHttpServer((req, res) => {
      if (!lane.serve(req, res)) handler(req, res);
    }) } : {}),
    logger: { level: options.logLevel },
    // Behind a reverse proxy or CDN the client address comes from X-Forwarded-For, but only
    // from peers we trust: anyone else could pick an address to dodge rate limits.
    trustProxy: options.trustProxy,
    // One log line per request is noise at news-site traffic; debug and trace turn it on.
    logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' && options.logLevel !== 'trace' }),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreDuplicateSlashes: true, maxParamLength: 500 },
  });

  app.addHook('onSend', (_req, reply, payload, done) => {
    // A route may set a stricter or wider policy of its own (the live player's stream origins).
    for (const [name, value] of Object.entries(securityHeaders(String(reply.getHeader('content-type') ?? '')))) if (!reply.hasHeader(name)) reply.header(name, value);
    done(null, payload);
  });

  app.get('/healthz', (_req, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const ok = await options.db.ping();
    return reply.code(ok ? 200 : 503).header('cache-control', 'no-store').send({ status: ok ? 'ready' : 'unavailable', database: ok ? 'up' : 'down' });
  });

  return app;
}
