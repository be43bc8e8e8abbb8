/** A real server on a loopback port, on its own SQLite database filled with the demo newsroom. */
import type { App } from '../../src/app.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { createTestDatabase } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';

export interface SeededServer {
  app: App;
  tdb: TestDatabase;
  origin: string;
  close(): Promise<void>;
}

export async function startSeededServer(env: Record<string, string> = {}, before?: (app: App) => Promise<void>): Promise<SeededServer> {
  const tdb = await createTestDatabase('sqlite');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url, PORT: '0', ...env });
  const app = await createApp(config, { db: tdb.db });
  await seedDemo({ db: tdb.db, media: app.media, events: app.events });
  await before?.(app);
  await app.server.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.server.address();
  return {
    app,
    tdb,
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
}
