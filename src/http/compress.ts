/**
 * Compression of what the server sends, in one place: how hard to compress depends on how
 * often the bytes are sent. Pages rendered per request (search results, a reader's comment
 * page, account and newsroom pages) are compressed as they go out: a 30 KB page is about 7 KB
 * gzipped, which on a phone connection is most of the wait, for about 0.3 ms of CPU.
 */
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import { acceptedEncodings, pickQuickEncoding } from './negotiate.js';

/**
 * Levels by how many times the bytes will be sent: once (a page rendered per request), first
 * (a cached page's first compression, made while a reader waits), many times (the same page
 * compressed again once it is served a second time, off that request's path), or for ever
 * (static assets, compressed at build or start). Figures: docs/performance.md.
 *
 * Bytes made while a reader waits (`once`, `first`) are gzip whenever the client takes it,
 * which every browser does (page-cache.ts, sendHtml): under the server's malloc setting
 * (bin/newsdesk.js) brotli's large work tables are mapped and faulted in afresh for every
 * call, and a 26 KB story took brotli 3 0.5 ms against gzip 1's 0.1 ms, for 4 % fewer bytes.
 * Brotli is for the bytes sent many times: `cached` and `static`.
 */
const LEVELS = {
  once: { br: 4, gzip: 6 },
  first: { br: 1, gzip: 1 },
  cached: { br: 6, gzip: 6 },
  static: { br: 11, gzip: 9 },
} as const;

export type CompressionUse = keyof typeof LEVELS;

/**
 * Brotli's window for pages: 64 KB (2^16) rather than the default 4 MB. A page is 20-80 KB,
 * so the wider window finds almost nothing more (8,749 against 8,774 bytes for the 70 KB
 * home page), and under the malloc setting its tables made brotli 6 take 6-7 ms a page
 * instead of 0.4-1.1 ms (docs/performance.md, "2026-12-03, 18:00 UTC").
 */
const PAGE_WINDOW_BITS = 16;

/**
 * `body` in brotli or gzip, at the level its use calls for. Synchronous: see page-cache.ts.
 * Bytes that are kept (the page cache's `first` and `cached`, static assets) are copied out of
 * zlib's chunk into a slab, or a block of their own when large (keptBytes).
 */
export function compress(body: Buffer, encoding: 'br' | 'gzip', use: CompressionUse): Buffer {
  const level = LEVELS[use];
  const out = encoding === 'br' ? brotliCompressSync(body, { params: brotliParams(level.br, body.length, use === 'static' ? undefined : PAGE_WINDOW_BITS) }) : gzipSync(body, { level: level.gzip });
  return use === 'once' ? out : keptBytes(out);
}

function brotliParams(quality: number, size: number, windowBits: number | undefined): Record<number, number> {
  const params: Record<number, number> = { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: size };
  if (windowBits !== undefined) params[zlib.BROTLI_PARAM_LGWIN] = windowBits;
  return params;
}

/**
 * Where the page cache's compressed pages live: side by side in 256 KB slabs, not each in a
 * malloc block of its own.
 *
 * Why: every cache miss allocates and frees large blocks (the HTML, zlib's 64 KB buffers, its
 * 16 KB output chunks), and a page kept for minutes, allocated on its own between them, is a
 * 7 KB block that pins the heap around it: glibc cannot hand the freed space back, nor fit
 * the next miss's 64 KB blocks into it, and the heap only grows (77 MB of malloc heap for
 * 22 MB of live buffers, docs/performance.md). A slab is above the server's malloc threshold
 * (bin/newsdesk.js), so glibc maps it on its own and unmaps it when the last page in it is
 * dropped; the page cache drops oldest first and every page within its TTL, so a slab's
 * pages go at about the same time (one reason it is not LRU). Measured at 100,000 stories
 * after 3,000 pages: 181-184 MB of RSS with slabs, 192-199 MB without.
 *
 * (zlib's synchronous output is also a view into its 16 KB chunk: kept as is, a 7 KB page
 * would hold all 16 KB. The copy lets the chunk go.)
 */
const SLAB_BYTES = 256 * 1024;
/** Bigger than this, a page gets a block of its own rather than waste a slab's tail. */
const SLAB_MAX_PIECE = 32 * 1024;
let slab: Buffer | undefined;
let slabUsed = 0;

function keptBytes(bytes: Buffer): Buffer {
  if (bytes.length > SLAB_MAX_PIECE) {
    const own = Buffer.allocUnsafeSlow(bytes.length);
    bytes.copy(own);
    return own;
  }
  if (!slab || slabUsed + bytes.length > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  const piece = slab.subarray(slabUsed, slabUsed + bytes.length);
  bytes.copy(piece);
  slabUsed += bytes.length;
  return piece;
}

/** Below this, compression saves less than a packet. */
const MIN_BYTES = 1024;

/** Sends `html` in the best encoding the request accepts, with `Vary: Accept-Encoding`. */
export function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  const body = Buffer.from(html, 'utf8');
  reply.type('text/html; charset=utf-8').header('vary', 'Accept-Encoding');
  const encoding = body.length < MIN_BYTES ? 'identity' : pickQuickEncoding(acceptedEncodings(reply.request.headers['accept-encoding']));
  if (encoding === 'identity') return reply.send(body);
  return reply.header('content-encoding', encoding).send(compress(body, encoding, 'once'));
}
