/**
 * The fast lane: a GET for a URL whose rendered page is in the page cache is answered from
 * node's own request handler, before Fastify routes it, runs hooks and builds a reply. On a
 * breaking-news day nearly every request is such a hit, and this is where the gap to a bare
 * Node server was (docs/performance.md).
 *
 * It answers only what the normal path has already answered once: when sendRendered serves
 * a cached 200 for a URL, it records the URL -> cache key, and the page keeps the exact
 * headers it was sent with. A URL the lane does not know, a page evicted or invalidated, a
 * method other than GET/HEAD: all go to Fastify as before. So the lane can only ever repeat
 * a response the application made, and it forgets it the moment the cache does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Accepted, acceptedEncodings, isNotModified } from './negotiate.js';
import type { CachedPage, PageCache } from './page-cache.js';

/** Requests answered since start, by status (cumulative, for the metrics collectors). */
export type FastLaneCounts = ReadonlyMap<number, number>;

/** Accept-Encoding values repeat (a handful of browsers): read each once. */
const negotiated = new Map<string, Accepted>();
function acceptedBy(acceptEncoding: string | undefined): Accepted {
  if (acceptEncoding === undefined) return 'identity';
  let e = negotiated.get(acceptEncoding);
  if (e === undefined) {
    e = acceptedEncodings(acceptEncoding);
    if (negotiated.size < 1000) negotiated.set(acceptEncoding, e);
  }
  return e;
}

export class FastLane {
  /** Request URL (path and query, as sent) -> page cache key. Insertion-ordered: oldest first. */
  private readonly keys = new Map<string, string>();
  /** Answered since start: counted here, not per request in prom-client. */
  private readonly counts = new Map<number, number>();

  constructor(
    private readonly cache: PageCache,
    /** Headers every response carries (security headers), for a content type. */
    private readonly baseHeaders: (contentType: string) => Record<string, string>,
    private readonly maxUrls = 20_000,
  ) {}

  /** Metrics: the requests answered since start, by status. */
  answered(): FastLaneCounts {
    return this.counts;
  }

  /** The normal path served `page` (cache key `key`) for `url` with `headers`: remember both. */
  remember(url: string, key: string, page: CachedPage, headers: Record<string, string>): void {
    // A page the cache did not keep (PAGE_CACHE_TTL=0, an uncacheable page) is never a hit.
    if (page.status !== 200 || this.cache.peek(key) !== page) return;
    // Exactly what sendRendered and the server's onSend hook put on a hit.
    page.replayHeaders ??= {
      ...this.baseHeaders(headers['content-type'] ?? ''),
      vary: 'Accept-Encoding',
      'x-cache': 'HIT',
      etag: page.etag,
      'last-modified': page.lastModified,
      ...(page.tagHeader ? { [page.tagHeader[0]]: page.tagHeader[1] } : {}),
      ...headers,
    };
    if (!this.keys.has(url)) this.add(url, key);
  }

  private add(url: string, key: string): void {
    if (this.keys.size >= this.maxUrls) {
      const oldest = this.keys.keys().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    this.keys.set(url, key);
  }

  /** Answers the request if it can; false hands it to Fastify. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url;
    if (url === undefined) return false;
    const key = this.keys.get(url);
    if (key === undefined) return false;
    const page = this.cache.peek(key);
    const headers = page?.replayHeaders;
    if (!page || !headers) {
      this.keys.delete(url);
      return false;
    }
    this.cache.hits++;
    if ((req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined) && isNotModified(req.headers, page.etag, page.lastModifiedMs)) {
      res.writeHead(304, headers);
      res.end();
      this.done(304);
      return true;
    }
    const { encoding, bytes: body } = page.encodedFor(acceptedBy(req.headers['accept-encoding']));
    // The header list of this page in this encoding, built once and reused.
    let raw = page.replayRaw.get(encoding);
    if (!raw) {
      raw = Object.entries({ ...headers, ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }), 'content-length': String(body.length) }).flat();
      page.replayRaw.set(encoding, raw);
    }
    res.writeHead(200, raw);
    res.end(req.method === 'HEAD' ? undefined : body);
    this.done(200);
    return true;
  }

  private done(status: number): void {
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
  }
}
