/**
 * The site's static files (public/): read once at start, named by content hash so they can
 * be cached forever, and compressed once. There are a handful of them, so serving from
 * memory beats a file-serving plugin and keeps the hot path free of disk I/O.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { compress } from './compress.js';
import { pickEncoding } from './negotiate.js';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.css', '.js', '.svg', '.txt']);

interface Asset {
  type: string;
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

export interface AssetManifest {
  /** Public URL of a file in public/, e.g. url('site.css') -> /assets/site.3f9a2c1b.css */
  url(file: string): string;
  /** Subresource Integrity value of a file in public/ (sha384-...). */
  integrity(file: string): string;
  /** Whether the file exists (bundled islands exist only after a build). */
  has(file: string): boolean;
  register(app: FastifyInstance): void;
}

/**
 * The compressed copy the build made next to a bundle (scripts/build-client.mjs), if it is a
 * copy of exactly these bytes: decompressing is a few milliseconds, compressing hls.js at
 * brotli's best level seconds of CPU and tens of megabytes at every start.
 */
function precompressed(path: string, identity: Buffer, decompress: (bytes: Buffer) => Buffer): Buffer | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const bytes = readFileSync(path);
    return decompress(bytes).equals(identity) ? bytes : undefined;
  } catch {
    return undefined; // damaged: compress afresh
  }
}

/** Loads every file of the given folders (missing folders are skipped). */
export function loadAssets(dirs: readonly string[]): AssetManifest {
  const byUrl = new Map<string, Asset>();
  const urls = new Map<string, string>();
  const integrities = new Map<string, string>();
  const files = dirs.filter((dir) => existsSync(dir)).flatMap((dir) => readdirSync(dir).map((file) => ({ dir, file })));
  for (const { dir, file } of files) {
    const ext = extname(file);
    const type = TYPES[ext];
    if (!type) continue;
    const identity = readFileSync(join(dir, file));
    const hash = createHash('sha256').update(identity).digest('hex').slice(0, 10);
    const url = `/assets/${file.slice(0, -ext.length)}.${hash}${ext}`;
    const asset: Asset = { type, etag: `"${hash}"`, identity };
    if (COMPRESSIBLE.has(ext)) {
      const path = join(dir, file);
      asset.br = precompressed(`${path}.br`, identity, brotliDecompressSync) ?? compress(identity, 'br', 'static');
      asset.gzip = precompressed(`${path}.gz`, identity, gunzipSync) ?? compress(identity, 'gzip', 'static');
    }
    byUrl.set(url, asset);
    urls.set(file, url);
    integrities.set(file, `sha384-${createHash('sha384').update(identity).digest('base64')}`);
  }

  return {
    url(file) {
      const url = urls.get(file);
      if (!url) throw new Error(`public/${file} does not exist`);
      return url;
    },
    has: (file) => urls.has(file),
    integrity(file) {
      const value = integrities.get(file);
      if (!value) throw new Error(`public/${file} does not exist`);
      return value;
    },
    register(app) {
      app.get('/assets/:file', (req, reply) => {
        const asset = byUrl.get(req.url.split('?')[0] ?? '');
        if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
        reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', asset.etag).type(asset.type);
        if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
        if (asset.br || asset.gzip) {
          reply.header('vary', 'Accept-Encoding');
          const enc = pickEncoding(req.headers['accept-encoding']);
          if (enc === 'br' && asset.br) return reply.header('content-encoding', 'br').send(asset.br);
          if (enc === 'gzip' && asset.gzip) return reply.header('content-encoding', 'gzip').send(asset.gzip);
        }
        return reply.send(asset.identity);
      });
      const icon = urls.get('favicon.svg');
      if (icon) app.get('/favicon.ico', (_req, reply) => reply.redirect(icon, 301));
    },
  };
}
