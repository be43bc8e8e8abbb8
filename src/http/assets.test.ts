import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { loadAssets } from './assets.js';

describe('static assets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-assets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = Buffer.from(`export const words = ${JSON.stringify('island code '.repeat(500))};\n`);
  writeFileSync(join(dir, 'island.js'), script);
  // The build's copies: a gzip of exactly these bytes, and a brotli file left from an older build.
  const builtGzip = gzipSync(script, { level: 1 });
  writeFileSync(join(dir, 'island.js.gz'), builtGzip);
  writeFileSync(join(dir, 'island.js.br'), brotliCompressSync(Buffer.from('export const stale = true;\n')));

  async function fetchAsset(acceptEncoding: string) {
    const assets = loadAssets([dir]);
    const app = Fastify();
    assets.register(app);
    const res = await app.inject({ method: 'GET', url: assets.url('island.js'), headers: { 'accept-encoding': acceptEncoding } });
    await app.close();
    return res;
  }

  it("uses the build's compressed copy when it is a copy of the file", async () => {
    const res = await fetchAsset('gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.equals(builtGzip)).toBe(true);
    expect(gunzipSync(res.rawPayload).equals(script)).toBe(true);
  });

  it('compresses afresh when the copy is of other bytes (a stale build), never serving it', async () => {
    const res = await fetchAsset('br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).equals(script)).toBe(true);
  });
});
