/**
 * Image renditions (AVIF, WebP, JPEG at fixed widths) made by the image worker on first request and
 * kept on disk, so each is encoded once per width and format, ever.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VariantFormat, VariantWidth } from '../core/media.js';
import { images } from './images.js';
import type { MediaStore } from './store.js';
import { isMediaKey, writeFileAtomic } from './store.js';

// Encoding is CPU-bound and the image worker shares two cores with the web server: at most
// two jobs at once (one libvips thread each, media/sharp.ts).
const MAX_PARALLEL = 2;

export const VARIANT_TYPES: Record<VariantFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

export class VariantService {
  private readonly inflight = new Map<string, Promise<Buffer | undefined>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly store: MediaStore,
    private readonly cacheDir: string,
  ) {}

  /** The encoded rendition, or undefined when the original is missing. */
  get(key: string, width: VariantWidth, format: VariantFormat): Promise<Buffer | undefined> {
    if (!isMediaKey(key)) return Promise.resolve(undefined);
    const id = `${key}/${width}.${format}`;
    let pending = this.inflight.get(id);
    if (!pending) {
      pending = this.readOrMake(key, width, format).finally(() => this.inflight.delete(id));
      this.inflight.set(id, pending);
    }
    return pending;
  }

  private async readOrMake(key: string, width: VariantWidth, format: VariantFormat): Promise<Buffer | undefined> {
    const dir = join(this.cacheDir, key.slice(0, 2), key);
    const path = join(dir, `${width}.${format}`);
    try {
      return await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const original = await this.store.get(key);
    if (!original) return undefined;
    const bytes = await this.limited(() => images.variant(original, width, format));
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(path, bytes);
    return bytes;
  }

  private async limited<T>(job: () => Promise<T>): Promise<T> {
    while (this.running >= MAX_PARALLEL) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await job();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
