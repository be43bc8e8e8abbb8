/**
 * Compression for pages rendered per request (search results, a reader's comment page,
 * account and newsroom pages): the page cache compresses the pages it keeps once, these are
 * compressed as they go out. A 30 KB page is about 7 KB gzipped, which on a phone connection
 * is most of the wait; compressing costs about 0.3 ms.
 */
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import { pickEncoding } from './negotiate.js';

/** Below this, compression saves less than a packet. */
const MIN_BYTES = 1024;

/** Sends `html` in the best encoding the request accepts, with `Vary: Accept-Encoding`. */
export function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  const body = Buffer.from(html, 'utf8');
  reply.type('text/html; charset=utf-8').header('vary', 'Accept-Encoding');
  const encoding = body.length < MIN_BYTES ? 'identity' : pickEncoding(reply.request.headers['accept-encoding']);
  if (encoding === 'identity') return reply.send(body);
  // Brotli at quality 4 is as fast as gzip at 6 and a little smaller; higher qualities are for
  // bytes that are kept (the page cache uses 6, static assets 11).
  const compressed = encoding === 'br' ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipSync(body, { level: 6 });
  return reply.header('content-encoding', encoding).send(compressed);
}
