/**
 * Serving a feed the way pages are served: rendered once into the page cache (tagged, so a
 * publish, update or unpublish clears it), with ETag/Last-Modified, 304s, and brotli or gzip
 * made once per feed and encoding.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageCache, RenderedPage } from '../../http/page-cache.js';
import { sendRendered } from '../../http/send-rendered.js';

export type FeedSender = (req: FastifyRequest, reply: FastifyReply, key: string, contentType: string, render: () => Promise<RenderedPage>) => Promise<FastifyReply>;

export function feedSender(cache: PageCache, cacheControl: string): FeedSender {
  return async (req, reply, key, contentType, render) => {
    const { page, hit } = await cache.getOrRender(key, render);
    if (page.status !== 200) {
      // An unknown section, tag or author: the site's own 404 page.
      reply.callNotFound();
      return reply;
    }
    // Public documents without cookies: web-based readers may fetch them from their pages.
    return sendRendered(req, reply, page, hit, { 'content-type': contentType, 'cache-control': cacheControl, 'access-control-allow-origin': '*' });
  };
}
