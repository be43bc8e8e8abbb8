/**
 * The success path every cached document shares (pages, feeds, sitemaps): validators,
 * 304 Not Modified, and the body in the best encoding the client accepts, compressed once
 * per page and encoding by the page cache.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptedEncodings, isNotModified } from './negotiate.js';
import type { FastLane } from './fast-lane.js';
import type { CachedPage } from './page-cache.js';

/** `lane`, when given with the page's cache key: the fast lane learns this URL (GET only). */
export async function sendRendered(req: FastifyRequest, reply: FastifyReply, page: CachedPage, hit: boolean, headers: Record<string, string>, lane?: { fastLane: FastLane; key: string }): Promise<FastifyReply> {
  if (lane && req.method === 'GET') lane.fastLane.remember(req.url, lane.key, page, headers);
  reply.code(200).header('vary', 'Accept-Encoding').header('x-cache', hit ? 'HIT' : 'MISS').header('etag', page.etag).header('last-modified', page.lastModified);
  // What a CDN or Varnish in front files the response under, so a purge can name it.
  if (page.tagHeader) reply.header(page.tagHeader[0], page.tagHeader[1]);
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  if (isNotModified(req.headers, page.etag, page.lastModifiedMs)) return reply.code(304).send();
  const { encoding, bytes } = page.encodedFor(acceptedEncodings(req.headers['accept-encoding']));
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(bytes);
}
