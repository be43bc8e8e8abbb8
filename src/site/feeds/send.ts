/**
 * Serving a feed the way pages are served: rendered once into the page cache (tagged, so a
 * publish, update or unpublish clears it), with ETag/Last-Modified, 304s, and brotli or gzip
 * made once per feed and encoding.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isNotModified, pickEncoding } from '../../http/negotiate.js';
import type { PageCache, RenderedPage } from '../../http/page-cache.js';

export type FeedSender = (req: FastifyRequest, reply: FastifyReply, key: string, contentType: string, render: () => Promise<RenderedPage>) => Promise<FastifyReply>;

export function feedSender(cache: PageCache, cacheControl: string): FeedSender {
  return async (req, reply, key, contentType, render) => {
    const { page, hit } = await cache.getOrRender(key, render);
    if (page.status !== 200) {
      // An unknown section, tag or author: the site's own 404 page.
      reply.callNotFound();
      return reply;
    }
    reply
      .code(200)
      .header('content-type', contentType)
      .header('cache-control', cacheControl)
      .header('vary', 'Accept-Encoding')
      .header('x-cache', hit ? 'HIT' : 'MISS')
      // Public documents without cookies: web-based readers may fetch them from their pages.
      .header('access-control-allow-origin', '*')
      .header('etag', page.etag)
      .header('last-modified', page.lastModified);
    if (isNotModified(req.headers, page.etag, page.lastModifiedMs)) return reply.code(304).send();
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(await page.encoded(encoding));
  };
}
