/**
 * Rendered pages kept in memory, with the validators and compressed forms that serving them
 * needs, and tags that say which content each page shows so an edit clears exactly those.
 * Compression happens on first demand per page and encoding (fast), and once more (better)
 * when the page is served again; never per request.
 */
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compress } from './compress.js';
import { type Accepted, quickCompression } from './negotiate.js';

export type Encoding = 'br' | 'gzip' | 'identity';

/** How cache tags are sent to the CDN in front (config: CDN_PURGE=cloudflare takes Cache-Tag). */
export type TagHeader = 'surrogate-key' | 'cache-tag';

export interface RenderedPage {
  status: number;
  html: string;
  /** Cache tags: `article:12`, `list`, `section-list:3`... */
  tags: readonly string[];
  /** When the content shown last changed (ISO); defaults to the render time. */
  lastModified?: string | undefined;
  /** For redirects: where to. */
  location?: string | undefined;
  /** Pages that must never be stored (errors, previews). */
  cacheable?: boolean;
  /** Headers of this page's own (a story's widened Content-Security-Policy), sent with every copy. */
  headers?: Readonly<Record<string, string>> | undefined;
}

export class CachedPage {
  /** The page as rendered; let go once a compressed copy can stand in for it (encoded). */
  private plain: Buffer | undefined;
  readonly etag: string;
  /** HTTP date, whole seconds. */
  readonly lastModified: string;
  readonly lastModifiedMs: number;
  /**
   * The tags as the CDN in front wants them, joined once: `Surrogate-Key` (space-separated:
   * Varnish, Fastly) or `Cache-Tag` (comma-separated: Cloudflare). One header, not both: every
   * header costs a cache hit about 1 % of its throughput (docs/performance.md).
   */
  readonly tagHeader: readonly [name: TagHeader, value: string] | undefined;
  private readonly compressed = new Map<Exclude<Encoding, 'identity'>, Buffer>();
  /** Encodings whose second, better compression is done or scheduled. */
  private readonly refining = new Set<Exclude<Encoding, 'identity'>>();
  /** Bytes held: the body (while kept) and every compressed form made so far. */
  size: number;
  /** Set by the cache while the page is in it: compressed forms grew by `bytes` (negative: shrank). */
  onGrow: ((bytes: number) => void) | undefined;
  /** The headers of this page's 200 response, for the fast lane (http/fast-lane.ts) to replay. */
  replayHeaders: Record<string, string> | undefined;
  /** Those headers as the flat list writeHead takes, per encoding (fast lane). */
  readonly replayRaw = new Map<Encoding, string[]>();
  /** RenderedPage.headers: what the route sends with this page besides its usual headers. */
  headers: Readonly<Record<string, string>> | undefined;

  constructor(
    readonly status: number,
    html: string,
    readonly tags: ReadonlySet<string>,
    lastModified: Date,
    readonly expiresAt: number,
    readonly location: string | undefined,
    tagHeader: TagHeader = 'surrogate-key',
  ) {
    const body = Buffer.from(html, 'utf8');
    this.plain = body;
    this.size = body.length;
    this.etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
    this.lastModifiedMs = Math.floor(lastModified.getTime() / 1000) * 1000;
    this.lastModified = new Date(this.lastModifiedMs).toUTCString();
    this.tagHeader = tags.size === 0 ? undefined : [tagHeader, [...tags].join(tagHeader === 'cache-tag' ? ',' : ' ')];
  }

  /**
   * The body for a client that takes `accepted`, and the encoding it is in: compressed on
   * first use and kept. Synchronously: a page is 20-40 KB, which gzip compresses in 0.1-0.3 ms,
   * while zlib's asynchronous form cost more main-thread time than that in handle set-up and
   * callbacks (--cpu-prof of the cache-miss benchmark, docs/performance.md), and its thread
   * pool shares the same two cores anyway.
   *
   * The first compression is the fast kind (compress.ts, `first`), in gzip for every client
   * that takes it: a reader is waiting for it, and most pages rendered on a busy day are asked
   * for once. When the page is asked for again it is worth the better ratio, so just after
   * that response is sent it is compressed once more at the `cached` level, in brotli if that
   * reader takes it, and the smaller bytes serve every later request.
   *
   * Once a compressed copy exists the plain body is let go: almost every reader takes gzip
   * or brotli, and a compressed page is a quarter of the bytes, so the same memory holds
   * about four times the pages. The rare plain request (or the first in the other encoding)
   * decompresses it, which takes about 0.1 ms.
   */
  encodedFor(accepted: Accepted): { encoding: Encoding; bytes: Buffer } {
    if (accepted === 'identity') return { encoding: 'identity', bytes: this.body };
    const br = accepted === 'gzip' ? undefined : this.compressed.get('br');
    if (br) {
      this.refineLater('br');
      return { encoding: 'br', bytes: br };
    }
    const encoding = quickCompression(accepted);
    const bytes = this.compressed.get(encoding);
    if (!bytes) {
      const first = compress(this.body, encoding, 'first');
      this.compressed.set(encoding, first);
      // One change of size, so the cache never drops another page for a net shrink.
      const dropped = this.plain?.length ?? 0;
      this.plain = undefined;
      this.grow(first.length - dropped);
      return { encoding, bytes: first };
    }
    this.refineLater(accepted === 'br+gzip' ? 'br' : encoding);
    return { encoding, bytes };
  }

  /**
   * Schedules the `cached` compression of `encoding`, once. Only a page the cache holds is
   * asked for again; a page rendered for a request and not kept (an uncacheable page,
   * PAGE_CACHE_TTL=0) is not worth the second compression.
   */
  private refineLater(encoding: Exclude<Encoding, 'identity'>): void {
    if (!this.onGrow || this.refining.has(encoding)) return;
    this.refining.add(encoding);
    setImmediate(() => this.refine(encoding));
  }

  /**
   * Makes the `cached` compression of `encoding`. It replaces that encoding's fast copy if
   * smaller; a brotli copy also replaces the fast gzip copy that stood in for it, which only
   * a client without brotli needs again (and then gets made anew).
   */
  private refine(encoding: Exclude<Encoding, 'identity'>): void {
    if (!this.onGrow) return;
    const before = this.compressed.get(encoding);
    const standIn = encoding === 'br' && !this.refining.has('gzip') ? this.compressed.get('gzip') : undefined;
    if (!before && !standIn) return;
    const better = compress(this.body, encoding, 'cached');
    if (before && better.length >= before.length) return;
    this.compressed.set(encoding, better);
    // The fast lane's header list for this encoding carries the old content-length.
    this.replayRaw.delete(encoding);
    let change = better.length - (before?.length ?? 0);
    if (standIn) {
      this.compressed.delete('gzip');
      this.replayRaw.delete('gzip');
      change -= standIn.length;
    }
    this.grow(change);
  }

  /** The page uncompressed: as rendered, or decompressed from a copy the page kept. */
  get body(): Buffer {
    if (this.plain) return this.plain;
    const gzip = this.compressed.get('gzip');
    if (gzip) return gunzipSync(gzip);
    const br = this.compressed.get('br');
    if (br) return brotliDecompressSync(br);
    throw new Error('a cached page lost its body and every compressed copy');
  }

  private grow(bytes: number): void {
    this.size += bytes;
    this.onGrow?.(bytes);
  }
}

export interface PageCacheOptions {
  ttlSeconds: number;
  maxEntries: number;
  /**
   * Bytes of pages kept (bodies and their compressed forms), oldest dropped first: memory
   * stays bounded whatever the pages weigh. Unbounded when absent.
   */
  maxBytes?: number;
  /** The header cache tags are sent in (default Surrogate-Key). */
  tagHeader?: TagHeader;
  now?: () => number;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly inflight = new Map<string, Promise<CachedPage>>();
  private readonly now: () => number;
  hits = 0;
  misses = 0;
  /** Bytes held by the pages in the cache (see PageCacheOptions.maxBytes). */
  bytes = 0;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  peek(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.drop(key, entry);
      return undefined;
    }
    return entry;
  }

  private drop(key: string, page: CachedPage): void {
    this.entries.delete(key);
    this.bytes -= page.size;
    page.onGrow = undefined;
  }

  /** Drops the oldest pages until the cache is within its limits, keeping at least `keep`. */
  private trim(keep?: string): void {
    const maxBytes = this.options.maxBytes ?? Infinity;
    for (const [key, page] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= maxBytes) return;
      if (key !== keep) this.drop(key, page);
    }
  }

  /**
   * The cached page for `key`, or a fresh render. Concurrent misses for one key share one
   * render, so a burst of traffic on a new story costs one set of database reads.
   */
  async getOrRender(key: string, render: () => Promise<RenderedPage>): Promise<{ page: CachedPage; hit: boolean }> {
    const cached = this.peek(key);
    if (cached) {
      this.hits++;
      return { page: cached, hit: true };
    }
    this.misses++;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = render()
        .then((r) => this.store(key, r))
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return { page: await pending, hit: false };
  }

  private store(key: string, r: RenderedPage): CachedPage {
    const nowMs = this.now();
    const lastModified = r.lastModified ? new Date(r.lastModified) : new Date(nowMs);
    const page = new CachedPage(r.status, r.html, new Set(r.tags), Number.isNaN(lastModified.getTime()) ? new Date(nowMs) : lastModified, nowMs + this.options.ttlSeconds * 1000, r.location, this.options.tagHeader);
    page.headers = r.headers;
    if (r.cacheable !== false && this.options.maxEntries > 0 && this.options.ttlSeconds > 0) {
      const previous = this.entries.get(key);
      if (previous) this.drop(key, previous);
      // Map keeps insertion order: the first key is the oldest entry, dropped first.
      this.entries.set(key, page);
      this.bytes += page.size;
      page.onGrow = (grown) => {
        this.bytes += grown;
        this.trim(key);
      };
      this.trim(key);
    }
    return page;
  }

  /** Drops every page carrying any of the tags. Returns how many were dropped. */
  invalidate(tags: readonly string[]): number {
    let dropped = 0;
    for (const [key, page] of this.entries) {
      if (tags.some((t) => page.tags.has(t))) {
        this.drop(key, page);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    for (const [key, page] of this.entries) this.drop(key, page);
  }
}
