/**
 * Image renditions (AVIF, WebP, JPEG at fixed widths) made by the image worker on first request
 * (or ahead of it, by `newsdesk renditions`) and kept on disk, so each is encoded once per
 * width and format.
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

  /**
   * Makes a rendition ahead of readers (`newsdesk renditions`): unless it is on disk already,
   * or always with `replace` (after a change to how renditions are encoded). Readers are
   * served the old file until the new one replaces it in one rename.
   */
  async prepare(key: string, width: VariantWidth, format: VariantFormat, replace = false): Promise<'made' | 'kept' | 'no original'> {
    if (!replace && (await this.read(key, width, format))) return 'kept';
    return (await this.make(key, width, format)) ? 'made' : 'no original';
  }

  private pathOf(key: string, width: VariantWidth, format: VariantFormat): { dir: string; path: string } {
    const dir = join(this.cacheDir, key.slice(0, 2), key);
    return { dir, path: join(dir, `${width}.${format}`) };
  }

  private async read(key: string, width: VariantWidth, format: VariantFormat): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key, width, format).path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return undefined;
    }
  }

  private async readOrMake(key: string, width: VariantWidth, format: VariantFormat): Promise<Buffer | undefined> {
    return (await this.read(key, width, format)) ?? this.make(key, width, format);
  }

  private async make(key: string, width: VariantWidth, format: VariantFormat): Promise<Buffer | undefined> {
    const original = await this.store.get(key);
    if (!original) return undefined;
    const bytes = await this.limited(() => images.variant(original, width, format));
    const { dir, path } = this.pathOf(key, width, format);
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
