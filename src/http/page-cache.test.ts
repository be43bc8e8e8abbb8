import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptedEncodings, isNotModified, pickEncoding, pickQuickEncoding } from './negotiate.js';
import { PageCache } from './page-cache.js';

describe('page cache', () => {
  const page = (html: string, tags: string[]) => () => Promise.resolve({ status: 200, html, tags });
  const page0 = (html: string) => page(html, []);
  // Prose-like HTML: words in a varied order, so a harder compression level pays.
  const words = ['council', 'budget', 'harbour', 'election', 'minister', 'river', 'school', 'market', 'storm', 'vote'];
  let seed = 7;
  const text = Array.from({ length: 6000 }, () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length]).join(' ');
  const storyHtml = `<!DOCTYPE html><main><p>${text}</p></main>`;

  it('renders once for concurrent misses and then hits', async () => {
    const cache = new PageCache({ ttlSeconds: 60, maxEntries: 10 });
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 10));
      return { status: 200, html: '<p>x</p>', tags: [] };
    };
    const results = await Promise.all([cache.getOrRender('a', render), cache.getOrRender('a', render), cache.getOrRender('a', render)]);
    expect(renders).toBe(1);
    expect(results.every((r) => r.page === results[0]?.page)).toBe(true);
    expect((await cache.getOrRender('a', render)).hit).toBe(true);
  });

  it('invalidates exactly the pages carrying a tag', async () => {
    const cache = new PageCache({ ttlSeconds: 60, maxEntries: 10 });
    await cache.getOrRender('/a', page('a', ['article:1', 'list']));
    await cache.getOrRender('/b', page('b', ['article:2']));
    expect(cache.invalidate(['article:1'])).toBe(1);
    expect(cache.peek('/a')).toBeUndefined();
    expect(cache.peek('/b')).toBeDefined();
  });

  it('expires entries after the TTL and bounds its size', async () => {
    let now = 0;
    const cache = new PageCache({ ttlSeconds: 10, maxEntries: 2, now: () => now });
    await cache.getOrRender('/1', page('1', []));
    await cache.getOrRender('/2', page('2', []));
    await cache.getOrRender('/3', page('3', []));
    expect(cache.size).toBe(2);
    expect(cache.peek('/1')).toBeUndefined();
    now = 11_000;
    expect(cache.peek('/3')).toBeUndefined();
  });

  it('bounds the bytes it holds, compressed forms included, dropping the oldest pages first', async () => {
    // 10 KB pages that compress to almost nothing, so the body dominates.
    const html = (n: string) => n.repeat(10_000);
    const cache = new PageCache({ ttlSeconds: 60, maxEntries: 100, maxBytes: 35_000 });
    for (const n of ['1', '2', '3']) await cache.getOrRender(`/${n}`, page(html(n), []));
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(30_000);
    await cache.getOrRender('/4', page(html('4'), []));
    expect(cache.size).toBe(3);
    expect(cache.peek('/1')).toBeUndefined();
    // A compressed form counts instead of the body it replaces: compressing /4 makes room.
    const four = cache.peek('/4');
    const gz = four?.encodedFor('gzip').bytes;
    expect(gz?.length).toBeGreaterThan(0);
    expect(cache.bytes).toBe(20_000 + (gz?.length ?? 0));
    await cache.getOrRender('/5', page(html('5'), []));
    expect(cache.size).toBe(4);
    expect(cache.peek('/2')).toBeDefined();
    await cache.getOrRender('/6', page(html('6'), []));
    expect(cache.peek('/2')).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(35_000);
    // Invalidation and clearing give the bytes back.
    cache.invalidate([]);
    cache.clear();
    expect(cache.bytes).toBe(0);
    expect(cache.size).toBe(0);
    // A page bigger than the whole budget is still served and kept (alone).
    const big = await cache.getOrRender('/big', page(html('b').repeat(5), []));
    expect(big.page.body.length).toBe(50_000);
    expect(cache.peek('/big')).toBeDefined();
  });

  it('compresses fast for the first reader, then once more, smaller, and keeps only that', async () => {
    const cache = new PageCache({ ttlSeconds: 60, maxEntries: 10 });
    const { page } = await cache.getOrRender('/story', page0(storyHtml));
    const bodyBytes = cache.bytes;
    expect(bodyBytes).toBe(Buffer.byteLength(storyHtml));
    const first = page.encodedFor('gzip').bytes;
    expect(gunzipSync(first).toString()).toBe(storyHtml);
    // The cache now holds the gzip copy only; the plain page is unzipped on demand.
    expect(cache.bytes).toBe(first.length);
    // Kept copies lie side by side in a slab (compress.ts, keptBytes), not each in a block
    // of its own, nor in zlib's 16 KB output chunk.
    const neighbour = (await new PageCache({ ttlSeconds: 60, maxEntries: 10 }).getOrRender('/neighbour', page0(`${storyHtml} `))).page.encodedFor('gzip').bytes;
    expect(neighbour.buffer).toBe(first.buffer);
    expect(neighbour.byteOffset).toBe(first.byteOffset + first.length);
    expect(page.encodedFor('identity')).toEqual({ encoding: 'identity', bytes: Buffer.from(storyHtml) });
    // The second reader gets the same bytes at once; the better ones are made after.
    expect(page.encodedFor('gzip').bytes).toBe(first);
    await new Promise((resolve) => setImmediate(resolve));
    const refined = page.encodedFor('gzip').bytes;
    expect(refined.length).toBeLessThan(first.length);
    expect(gunzipSync(refined).toString()).toBe(storyHtml);
    expect(cache.bytes).toBe(refined.length);
    expect(page.body.toString()).toBe(storyHtml);

    // A brotli-only client (rare: browsers take both) gets brotli, made fast, then better.
    const br = page.encodedFor('br');
    expect(br.encoding).toBe('br');
    page.encodedFor('br');
    await new Promise((resolve) => setImmediate(resolve));
    const betterBr = page.encodedFor('br').bytes;
    expect(brotliDecompressSync(betterBr).toString()).toBe(storyHtml);
    expect(betterBr.length).toBeLessThan(br.bytes.length);
    // The refined gzip copy stays for gzip-only clients.
    expect(cache.bytes).toBe(refined.length + betterBr.length);

    // A page the cache does not keep is compressed once, fast, and never again.
    const lone = (await cache.getOrRender('/404', () => Promise.resolve({ status: 404, html: storyHtml, tags: [], cacheable: false }))).page;
    const once = lone.encodedFor('gzip').bytes;
    lone.encodedFor('gzip');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lone.encodedFor('gzip').bytes).toBe(once);
  });

  it('answers a browser in quick gzip first, then in brotli, keeping only the brotli copy', async () => {
    // Browsers send "gzip, deflate, br, zstd". Brotli made while the first of them waits cost
    // 0.5 ms a page against gzip's 0.1 (compress.ts), so the first gets gzip.
    const cache = new PageCache({ ttlSeconds: 60, maxEntries: 10 });
    const { page } = await cache.getOrRender('/story', page0(storyHtml));
    const first = page.encodedFor('br+gzip');
    expect(first.encoding).toBe('gzip');
    expect(gunzipSync(first.bytes).toString()).toBe(storyHtml);
    // The second browser gets the same gzip bytes; brotli is made just after, off its path.
    expect(page.encodedFor('br+gzip')).toEqual(first);
    await new Promise((resolve) => setImmediate(resolve));
    const third = page.encodedFor('br+gzip');
    expect(third.encoding).toBe('br');
    expect(brotliDecompressSync(third.bytes).toString()).toBe(storyHtml);
    expect(third.bytes.length).toBeLessThan(first.bytes.length);
    // The quick gzip copy only stood in for it: the cache keeps the brotli copy alone.
    expect(cache.bytes).toBe(third.bytes.length);
    // A gzip-only client still gets the page, made anew from the brotli copy.
    const gz = page.encodedFor('gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString()).toBe(storyHtml);
    expect(page.encodedFor('br+gzip').bytes).toBe(third.bytes);
  });

  it('does not store uncacheable pages', async () => {
    const cache = new PageCache({ ttlSeconds: 60, maxEntries: 10 });
    await cache.getOrRender('/404', () => Promise.resolve({ status: 404, html: 'x', tags: [], cacheable: false }));
    expect(cache.size).toBe(0);
  });
});

describe('negotiation', () => {
  it('prefers brotli for bytes made ahead, gzip for bytes made now, honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toBe('br+gzip');
    expect(pickQuickEncoding(acceptedEncodings('gzip, deflate, br'))).toBe('gzip');
    expect(pickQuickEncoding(acceptedEncodings('br'))).toBe('br');
    expect(acceptedEncodings('br, *;q=0')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });

  it('matches ETags weakly and falls back to dates', () => {
    const ms = Date.parse('2026-01-01T00:00:00Z');
    expect(isNotModified({ 'if-none-match': '"abc"' }, 'W/"abc"', ms)).toBe(true);
    expect(isNotModified({ 'if-none-match': 'W/"x", W/"abc"' }, 'W/"abc"', ms)).toBe(true);
    expect(isNotModified({ 'if-none-match': 'W/"x"', 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' }, 'W/"abc"', ms)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' }, 'W/"abc"', ms)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Wed, 31 Dec 2025 00:00:00 GMT' }, 'W/"abc"', ms)).toBe(false);
  });
});
