/** An application on its own fresh database, called in-process with `inject`. */
import type { App, AppOverrides } from '../../src/app.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import type { Dialect } from '../../src/storage/db.js';
import { createTestDatabase } from './databases.js';
import type { TestDatabase } from './databases.js';
import { factories } from './factories.js';

export const TEST_ORIGIN = 'https://news.example.test';

export interface TestApp {
  app: App;
  tdb: TestDatabase;
  make: ReturnType<typeof factories>;
  close(): Promise<void>;
}

export async function startTestApp(dialect: Dialect, env: Record<string, string> = {}, overrides: Omit<AppOverrides, 'db'> = {}): Promise<TestApp> {
  const tdb = await createTestDatabase(dialect);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url, PUBLIC_URL: TEST_ORIGIN, ...env });
  const app = await createApp(config, { ...overrides, db: tdb.db });
  return {
    app,
    tdb,
    make: factories({ db: tdb.db, events: app.events, media: app.media, ...(overrides.now ? { now: overrides.now } : {}) }),
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
}
