/**
 * The real server as production runs it: `bin/newsdesk.js serve` (the installed `newsdesk`
 * command, with its V8 settings) in a child process (build it first with scripts/build.mjs),
 * on a free loopback port, ready when /readyz says so. For the tests that kill, stop or
 * restart an instance.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createApp } from '../../src/app.js';
import type { App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { createTestDatabase } from './databases.js';
import type { TestDatabase } from './databases.js';
import type { Dialect } from '../../src/storage/db.js';
import { factories } from './factories.js';

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export interface ServeProcess {
  origin: string;
  port: number;
  child: ChildProcess;
}

/**
 * Starts `newsdesk serve` on `port` (or a free one) with the test environment plus `env`
 * (DATA_DIR and DATABASE_URL at least), and waits until it is ready.
 */
export async function startServeProcess(env: Record<string, string>, port?: number): Promise<ServeProcess> {
  const p = port ?? (await freePort());
  const origin = `http://127.0.0.1:${p}`;
  const child = spawn('bin/newsdesk.js', ['serve'], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: String(p), SEED_DEMO_CONTENT: 'false', PUBLIC_URL: origin, ...env },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${origin}/readyz`).then((r) => r.ok).catch(() => false)) return { origin, port: p, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`newsdesk serve on ${origin} did not become ready`);
}

/**
 * What every test of a real `newsdesk serve` starts with: the bundle built (well under a
 * second), and a test database prepared by the application itself (`setup` gets the app and
 * the factories), then closed, so the child process is the only one using it.
 */
export async function prepareServeDatabase(dialect: Dialect, setup: (ctx: { app: App; make: ReturnType<typeof factories>; tdb: TestDatabase }) => Promise<void>): Promise<TestDatabase> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  const tdb = await createTestDatabase(dialect);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url });
  const app = await createApp(config, { db: tdb.db, mailer: { send: () => Promise.resolve() } });
  await setup({ app, make: factories({ db: tdb.db, events: app.events, media: app.media }), tdb });
  await app.close();
  return tdb;
}
