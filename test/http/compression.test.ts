/**
 * Pages rendered per request (search results, a story's comment page, the newsroom) go out
 * compressed when the browser takes it, like the cached pages do: a 30 KB page is about 7 KB.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles.js';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';

describe('compression of pages rendered per request', () => {
  let t: TestApp;
  let story: Article;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const section = await t.make.section({ slug: 'news', name: 'News' });
    story = await t.make.article({ sectionId: section.id, headline: 'Quince harvest rescued by late frost warning' });
  });

  afterAll(async () => {
    await t?.close();
  });

  // Each sign-in page carries a fresh CSRF token: compare the pages without it.
  const withoutTokens = (html: string) => html.replace(/(csrf-token" content="|name="_csrf" value=")[^"]*/g, '$1');
  const get = (url: string, acceptEncoding?: string) => t.app.server.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends search results gzipped or in brotli, the same page either way', async () => {
    const plain = await get('/search?q=quince');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('<mark>Quince</mark> harvest');

    const gz = await get('/search?q=quince', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);

    // Made for this request alone, so in gzip, the quicker to make, when the client takes it.
    expect((await get('/search?q=quince', 'gzip, deflate, br, zstd')).headers['content-encoding']).toBe('gzip');
    const br = await get('/search?q=quince', 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it("compresses a story's comment page and the newsroom's sign-in page", async () => {
    for (const url of [`/articles/${story.id}/comments`, '/admin/login']) {
      const plain = await get(url);
      expect(plain.statusCode, url).toBe(200);
      const gz = await get(url, 'gzip');
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(withoutTokens(gunzipSync(gz.rawPayload).toString('utf8')), url).toBe(withoutTokens(plain.body));
      // Still private: compression does not change who may keep the page.
      expect(gz.headers['cache-control'], url).toBe(plain.headers['cache-control']);
    }
  });

  it('honours q=0, which refuses an encoding', async () => {
    const res = await get('/search?q=quince', 'gzip;q=0, br;q=0');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toContain('Quince');
  });
});
