/**
 * Serving a machine-readable document (XML, plain text) through the page cache: rendered once,
 * tagged so content events clear it, with ETag/Last-Modified, 304s and br/gzip made once.
 * The same steps as the HTML pages' `send` in site/routes.tsx, for other content types.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageCache, RenderedPage } from '../../http/page-cache.js';
import { sendRendered } from '../../http/send-rendered.js';

export interface SendOptions {
  contentType: string;
  cacheControl: string;
  /** Extra headers on successful responses (e.g. X-Robots-Tag). */
  headers?: Record<string, string>;
}

/** Short caching for answers that are not documents (404s). */
const SHORT_CACHE_CONTROL = 'public, max-age=30, s-maxage=60';

export async function sendCached(cache: PageCache, req: FastifyRequest, reply: FastifyReply, key: string, options: SendOptions, render: () => Promise<RenderedPage>) {
  const { page, hit } = await cache.getOrRender(key, render);
  if (page.status !== 200) {
    return reply.code(page.status).header('vary', 'Accept-Encoding').header('x-cache', hit ? 'HIT' : 'MISS').header('content-type', 'text/plain; charset=utf-8').header('cache-control', SHORT_CACHE_CONTROL).send(page.body);
  }
  return sendRendered(req, reply, page, hit, { 'content-type': options.contentType, 'cache-control': options.cacheControl, ...options.headers });
}
