/**
 * Image work (uploads, renditions, the demo's illustrations) runs in a child process, the
 * image worker, started on first use and stopped when idle. Three reasons:
 * - Memory. The server runs with glibc settings that keep its heap small (bin/newsdesk.js,
 *   docs/deployment.md "Memory"). Those settings made libvips 1.3-7 times slower (drawing
 *   the demo's illustrations: 8 s -> 58 s); the worker runs without them. A reading instance
 *   never loads libvips at all (about 28 MB), and what libvips holds goes when the worker exits.
 * - Isolation. A file that crashes or exhausts a decoder takes the worker down, not the site:
 *   the jobs in flight fail with an error, and the next job starts a new worker.
 * - Nothing else changes for callers: each operation is an async function, as sharp's are.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ImageOp, ImageOps } from './image-ops.js';

export interface ImageRequest {
  id: number;
  op: ImageOp;
  args: unknown[];
}

export type ImageReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** The worker leaves after this long without work; the next job starts another (about 0.2 s). */
const IDLE_MS = 30_000;

/** glibc settings meant for the web server (bin/newsdesk.js), not for libvips. */
const SERVER_ONLY_ENV = ['MALLOC_MMAP_THRESHOLD_', 'MALLOC_TRIM_THRESHOLD_'];

/**
 * An image job that failed. `stopped`: the worker went away during it (a decoder crash, the
 * worker killed, or it could not start), so the file itself may be fine; otherwise libvips
 * refused the input.
 */
export class ImageWorkerError extends Error {
  constructor(
    message: string,
    readonly stopped = false,
  ) {
    super(message);
    this.name = 'ImageWorkerError';
  }
}

/**
 * The built worker beside the server bundle (dist/), or its source under tsx (tests, `npm run
 * dev`), whose loader is named by its path: the process may run in any folder.
 */
function workerEntry(): { path: string; execArgv: string[] } {
  const built = fileURLToPath(new URL('./image-worker.js', import.meta.url));
  if (existsSync(built)) return { path: built, execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { path: fileURLToPath(new URL('./image-worker.ts', import.meta.url)), execArgv: ['--import', tsx] };
}

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };

class ImageWorker {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  /** The worker's process id while it runs (tests look at it). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Jobs sent and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  call<K extends ImageOp>(op: K, ...args: Parameters<ImageOps[K]>): Promise<Awaited<ReturnType<ImageOps[K]>>> {
    const child = this.child ?? this.start();
    clearTimeout(this.idleTimer);
    // While a job is out, the worker keeps this process alive (a CLI command awaiting it).
    child.channel?.ref();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, op, args } satisfies ImageRequest, (err) => {
        if (err) this.settle(id, () => reject(new ImageWorkerError(`The image worker could not be reached: ${err.message}`, true)));
      });
    });
  }

  /** Stops the worker now (server shutdown); jobs in flight fail. */
  stop(): void {
    const child = this.child;
    if (!child) return;
    this.forget(child, 'The image worker was stopped.');
    child.kill();
  }

  private start(): ChildProcess {
    const entry = workerEntry();
    const env = { ...process.env };
    for (const name of SERVER_ONLY_ENV) delete env[name];
    const child = fork(entry.path, [], { env, execArgv: entry.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.unref();
    child.on('message', (message: ImageReply) => {
      this.settle(message.id, (p) => (message.ok ? p.resolve(message.result) : p.reject(new ImageWorkerError(message.error))));
    });
    child.on('exit', (code, signal) => this.forget(child, `The image worker stopped (${signal ?? `exit code ${code ?? '?'}`}) before it finished.`));
    child.on('error', (err) => this.forget(child, `The image worker failed: ${err.message}`));
    this.child = child;
    return child;
  }

  private settle(id: number, how: (p: Pending) => void): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    how(p);
    if (this.pending.size === 0 && this.child) this.idle(this.child);
  }

  /** No job out: the worker no longer keeps this process alive, and leaves if none comes. */
  private idle(child: ChildProcess): void {
    child.channel?.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.child === child && this.pending.size === 0) {
        this.child = undefined;
        child.disconnect();
      }
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  /** The worker is gone: what it was doing fails, and the next job starts another. */
  private forget(child: ChildProcess, reason: string): void {
    if (this.child !== child) return;
    this.child = undefined;
    clearTimeout(this.idleTimer);
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const p of failed) p.reject(new ImageWorkerError(reason, true));
  }
}

/** The process's one image worker. */
export const imageWorker = new ImageWorker();

const bytes = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export const images = {
  inspect: (data: Uint8Array) => imageWorker.call('inspect', data),
  reencode: async (data: Uint8Array, format: Parameters<ImageOps['reencode']>[1], maxPixels: number) => {
    const out = await imageWorker.call('reencode', data, format, maxPixels);
    return { ...out, data: bytes(out.data) };
  },
  variant: async (original: Uint8Array, width: number, format: Parameters<ImageOps['variant']>[2]) => bytes(await imageWorker.call('variant', original, width, format)),
  rasterise: async (svg: string) => bytes(await imageWorker.call('rasterise', svg)),
};
