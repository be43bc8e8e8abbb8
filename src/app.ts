/**
 * The composition root: every dependency is created and wired here, once, at start-up.
 * Nothing below this file reaches for globals or constructs its own collaborators.
 */
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/env.js';
import { publicOrigin } from './config/env.js';
import { ContentEvents } from './core/events.js';
import { loadAssets } from './http/assets.js';
import { PageCache } from './http/page-cache.js';
import { projectRoot } from './http/project-root.js';
import { createServer } from './http/server.js';
import { LocalDiskMediaStore } from './media/store.js';
import type { MediaStore } from './media/store.js';
import { VariantService } from './media/variants.js';
import { ReadingService } from './services/reading.js';
import { registerSiteRoutes } from './site/routes.js';
import { openDatabase } from './storage/db.js';
import type { Db } from './storage/db.js';
import { migrateToLatest } from './storage/migrate.js';

export interface App {
  config: Config;
  db: Db;
  events: ContentEvents;
  media: MediaStore;
  cache: PageCache;
  reading: ReadingService;
  server: FastifyInstance;
  close(): Promise<void>;
}

export interface AppOverrides {
  /** An already-open database (tests pass their own per-run database). */
  db?: Db;
  now?: () => Date;
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const db = overrides.db ?? openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  await migrateToLatest(db.kysely);

  const dataDir = resolve(config.DATA_DIR);
  const events = new ContentEvents();
  const media = new LocalDiskMediaStore(join(dataDir, 'media'));
  const variants = new VariantService(media, join(dataDir, 'media-cache'));
  const cache = new PageCache({ ttlSeconds: config.PAGE_CACHE_TTL, maxEntries: config.PAGE_CACHE_MAX_ENTRIES });
  const reading = new ReadingService({ db, events, ...(overrides.now ? { now: overrides.now } : {}) });

  events.subscribe((event) => {
    if (event.type === 'structure.changed') return cache.clear();
    const tags = [`article:${event.articleId}`, 'list', `section-list:${event.sectionId}`];
    if (event.previousSectionId !== undefined) tags.push(`section-list:${event.previousSectionId}`);
    cache.invalidate(tags);
  });

  const server = createServer({ logLevel: config.LOG_LEVEL, db });
  const assets = loadAssets(join(projectRoot(), 'public'));
  assets.register(server);
  registerSiteRoutes(server, {
    reading,
    cache,
    assets,
    variants,
    options: {
      siteName: config.SITE_NAME,
      tagline: config.SITE_TAGLINE,
      origin: publicOrigin(config),
      timeZone: config.SITE_TIME_ZONE,
      socialProfiles: config.SOCIAL_PROFILES,
      cacheControl: { maxAge: config.CACHE_MAX_AGE, sMaxAge: config.CACHE_S_MAXAGE, staleWhileRevalidate: config.CACHE_STALE_WHILE_REVALIDATE },
    },
  });

  return {
    config,
    db,
    events,
    media,
    cache,
    reading,
    server,
    async close() {
      await server.close();
      if (!overrides.db) await db.close();
    },
  };
}
