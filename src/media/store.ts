/**
 * Where original media bytes live. Local disk by default; an S3-compatible store can
 * implement the same interface later without touching callers.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MediaStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
}

/** A media key is the content hash: the same bytes are stored once, and URLs never go stale. */
export const mediaKeyFor = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex').slice(0, 32);
export const isMediaKey = (key: string): boolean => /^[a-f0-9]{32}$/.test(key);

/** Writes via a temporary file and a rename, so a crash never leaves half a file. */
export async function writeFileAtomic(path: string, bytes: Buffer): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

export class LocalDiskMediaStore implements MediaStore {
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    if (!isMediaKey(key)) throw new Error(`invalid media key ${key}`);
    return join(this.dir, key.slice(0, 2), key);
  }

  /** Where an original lives on disk, for streaming it (site/video-files.ts). */
  filePath(key: string): string {
    return this.path(key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    await writeFileAtomic(path, bytes);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }
}
