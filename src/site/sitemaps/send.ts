/**
 * Serving a machine-readable document (XML, plain text) through the page cache: rendered once,
 * tagged so content events clear it, with ETag/Last-Modified, 304s and br/gzip made once.
 * The same steps as the HTML pages' `send` in site/routes.tsx, for other content types.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isNotModified, pickEncoding } from '../../http/negotiate.js';
import type { PageCache, RenderedPage } from '../../http/page-cache.js';

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
  reply.code(page.status).header('vary', 'Accept-Encoding').header('x-cache', hit ? 'HIT' : 'MISS');
  if (page.status !== 200) {
    return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', SHORT_CACHE_CONTROL).send(await page.encoded('identity'));
  }
  reply.header('content-type', options.contentType).header('cache-control', options.cacheControl).header('etag', page.etag).header('last-modified', page.lastModified);
  for (const [name, value] of Object.entries(options.headers ?? {})) reply.header(name, value);
  if (isNotModified(req.headers, page.etag, page.lastModifiedMs)) return reply.code(304).send();
  const encoding = pickEncoding(req.headers['accept-encoding']);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(await page.encoded(encoding));
}
