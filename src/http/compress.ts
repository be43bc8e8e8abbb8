/**
 * Compression of what the server sends, in one place: how hard to compress depends on how
 * often the bytes are sent. Pages rendered per request (search results, a reader's comment
 * page, account and newsroom pages) are compressed as they go out: a 30 KB page is about 7 KB
 * gzipped, which on a phone connection is most of the wait, for about 0.3 ms of CPU.
 */
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import { pickEncoding } from './negotiate.js';

/**
 * Levels by how many times the bytes will be sent: once (a page rendered per request: brotli 4
 * is as fast as gzip 6 and a little smaller), first (a cached page's first compression, made
 * while a reader waits: gzip 1 takes a third of gzip 6's time for 8 % more bytes), many times
 * (the same page compressed again once it is served a second time, off that request's path),
 * or for ever (static assets, compressed at build or start). Figures: docs/performance.md.
 */
const LEVELS = {
  once: { br: 4, gzip: 6 },
  first: { br: 3, gzip: 1 },
  cached: { br: 6, gzip: 6 },
  static: { br: 11, gzip: 9 },
} as const;

export type CompressionUse = keyof typeof LEVELS;

/**
 * `body` in brotli or gzip, at the level its use calls for. Synchronous: see page-cache.ts.
 * Bytes that are kept (every use but `once`) come back in a buffer of their own size.
 */
export function compress(body: Buffer, encoding: 'br' | 'gzip', use: CompressionUse): Buffer {
  const level = LEVELS[use];
  const out = encoding === 'br' ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: level.br, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipSync(body, { level: level.gzip });
  return use === 'once' ? out : ownSized(out);
}

/**
 * zlib's synchronous output is a view into its 16 KB output chunk: a 7 KB page kept as is
 * holds on to all 16 KB, and 3,000 cached pages held 48 MB where the cache counted 20
 * (heap snapshot, docs/performance.md). A copy of exactly its size lets the chunk go.
 */
function ownSized(bytes: Buffer): Buffer {
  if (bytes.buffer.byteLength <= bytes.length) return bytes;
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** Below this, compression saves less than a packet. */
const MIN_BYTES = 1024;

/** Sends `html` in the best encoding the request accepts, with `Vary: Accept-Encoding`. */
export function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  const body = Buffer.from(html, 'utf8');
  reply.type('text/html; charset=utf-8').header('vary', 'Accept-Encoding');
  const encoding = body.length < MIN_BYTES ? 'identity' : pickEncoding(reply.request.headers['accept-encoding']);
  if (encoding === 'identity') return reply.send(body);
  return reply.header('content-encoding', encoding).send(compress(body, encoding, 'once'));
}
