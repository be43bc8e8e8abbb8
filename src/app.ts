/**
 * The composition root: every dependency is created and wired here, once, at start-up.
 * Nothing below this file reaches for globals or constructs its own collaborators.
 */
import { FastLane } from './http/fast-lane.js';
import { KeyedThrottle } from './http/keyed-throttle.js';
import { articleTag, storyPageTag } from './site/cache-tags.js';
import { watchOnAir } from './site/on-air-watch.js';
import type { OnAirWatch } from './site/on-air-watch.js';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/env.js';
import { publicOrigin, purgeConfig, trustProxyOption } from './config/env.js';
import { ContentEvents } from './core/events.js';
import type { ContentEvent } from './core/events.js';
import { batchPurges, createPurger } from './http/cdn-purge.js';
import { loadAssets } from './http/assets.js';
import { registerMetrics } from './http/metrics.js';
import { PageCache } from './http/page-cache.js';
import { projectRoot } from './http/project-root.js';
import { securityHeaders, createServer } from './http/server.js';
import { LocalDiskMediaStore } from './media/store.js';
import type { MediaStore } from './media/store.js';
import { VariantService } from './media/variants.js';
import { registerAdmin } from './admin/plugin.js';
import { startScheduler } from './jobs/scheduler.js';
import type { Scheduler } from './jobs/scheduler.js';
import { Accounts } from './services/accounts.js';
import { CommentsService } from './services/comments.js';
import { Moderation } from './services/moderation.js';
import { Readers } from './services/readers.js';
import { ReplyNotifier } from './services/reply-notifications.js';
import { SearchService } from './services/search.js';
import { SigningKey } from './services/signing.js';
import { registerCommentRoutes, registerReaderOriginCheck } from './site/comments/routes.js';
import { replyMails } from './site/comments/reader-mails.js';
import { registerFeedRoutes } from './site/feeds/routes.js';
import { registerLiteRoutes } from './site/lite/routes.js';
import { registerSearchRoutes } from './site/search/routes.js';
import { registerSitemapRoutes } from './site/sitemaps/routes.js';
import { createMailer } from './services/mail.js';
import type { Mailer } from './services/mail.js';
import { CatalogAdmin } from './services/catalog-admin.js';
import { LiveService } from './services/live.js';
import { LeadVideos, VideoChecker } from './services/videos.js';
import { registerVideoFiles } from './site/video-files.js';
import { MediaLibrary } from './services/media-library.js';
import { Newsroom } from './services/newsroom.js';
import { LiveBlogService } from './services/live-blog.js';
import { LiveBlogPages } from './site/liveblog/page.js';
import { registerLiveBlogRoutes } from './site/liveblog/routes.js';
import { Previews } from './services/previews.js';
import { ReadingService } from './services/reading.js';
import { NewsroomLists } from './storage/repositories/newsroom-lists.js';
import { SettingsRepository } from './storage/repositories/catalog.js';
import { registerSiteRoutes } from './site/routes.js';
import { registerLiveRoutes } from './site/live/routes.js';
import { registerDemoStreamRoutes } from './site/live/demo-stream-routes.js';
import { Editions } from './core/editions.js';
import { Translations } from './services/translations.js';
import { openDatabase } from './storage/db.js';
import type { Db } from './storage/db.js';
import { migrateToLatest } from './storage/migrate.js';
import { startEventRelay } from './storage/event-relay.js';
import type { EventRelay } from './storage/event-relay.js';
import { closeRedis, connectRedis } from './storage/redis.js';
import { startRedisEventRelay } from './storage/redis-event-relay.js';
import { NoRateLimiter, RedisRateLimiter } from './services/rate-limits.js';
import type { RateLimiter } from './services/rate-limits.js';

export interface App {
  config: Config;
  db: Db;
  events: ContentEvents;
  media: MediaStore;
  cache: PageCache;
  reading: ReadingService;
  /** The language editions (EDITIONS): the default at /, the others under /<code>. */
  editions: Editions;
  accounts: Accounts;
  newsroom: Newsroom;
  comments: CommentsService;
  search: SearchService;
  readers: Readers;
  moderation: Moderation;
  notifier: ReplyNotifier;
  mailer: Mailer;
  /** Live TV: channels, schedule, the live pages' models and the header's on-air state. */
  live: LiveService;
  /** Live coverage of stories: live blogs and their updates (docs/live-blog.md). */
  liveBlog: LiveBlogService;
  server: FastifyInstance;
  /** Content events shared with the other instances: Redis pub/sub with REDIS_URL, else LISTEN/NOTIFY on PostgreSQL. */
  relay: EventRelay | undefined;
  /** Rate-limit counts shared by the instances (Redis when REDIS_URL is set), before the database counts. */
  rateLimiter: RateLimiter;
  /** Starts publishing scheduled stories on time (serve does; tests call newsroom.publishDue). */
  startScheduler(): Scheduler;
  close(): Promise<void>;
}

export interface AppOverrides {
  /** An already-open database (tests pass their own per-run database). */
  db?: Db;
  now?: () => Date;
  /** Where mail goes when MAIL_URL is unset (tests capture it). */
  mailer?: Mailer;
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const db = overrides.db ?? openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  await migrateToLatest(db.kysely);
  // Stories written before search existed, or imported in bulk, join the index now.
  const search = new SearchService(db, overrides.now);
  await search.indexMissing();

  const dataDir = resolve(config.DATA_DIR);
  const events = new ContentEvents();
  const media = new LocalDiskMediaStore(join(dataDir, 'media'));
  const variants = new VariantService(media, join(dataDir, 'media-cache'));
  const cache = new PageCache({ ttlSeconds: config.PAGE_CACHE_TTL, maxEntries: config.PAGE_CACHE_MAX_ENTRIES, maxBytes: config.PAGE_CACHE_MAX_MB * 1024 * 1024, tagHeader: config.CDN_PURGE === 'cloudflare' ? 'cache-tag' : 'surrogate-key' });
  const clock = overrides.now ? { now: overrides.now } : {};
  const editions = new Editions(config.EDITIONS);
  const reading = new ReadingService({ db, events, ...clock, editionPrefix: (language) => editions.prefix(language) });
  const redis = config.REDIS_URL ? connectRedis(config.REDIS_URL, { name: 'rate-limits', failFast: true, onError: (err) => server.log.warn({ err }, 'redis: connection problem (rate limits fall back to the database)') }) : undefined;
  const rateLimiter: RateLimiter = redis ? new RedisRateLimiter(redis, { prefix: config.REDIS_KEY_PREFIX, ...clock, onError: (err) => server.log.warn({ err }, 'redis rate limits unavailable: using the database counts only') }) : new NoRateLimiter();
  const accounts = new Accounts({ db, ...clock, rateLimiter });
  const newsroom = new Newsroom({ db, events, ...clock });
  const catalog = new CatalogAdmin({ db, events, ...clock });
  const previews = new Previews(new SettingsRepository(db.kysely), overrides.now);
  const live = new LiveService({ db, events, reading, editions, ...clock });
  const liveBlog = new LiveBlogService({ db, events, ...clock });


  const purgeSettings = purgeConfig(config);
  // Changes within a tenth of a second reach the CDN as one purge (cdn-purge.ts).
  const purger = purgeSettings ? batchPurges(createPurger(purgeSettings), 100, (err) => server.log.warn({ err }, `${purgeSettings.kind} purge failed`)) : undefined;
  function invalidate(tags: string[] | 'all', local: boolean) {
    if (tags === 'all') cache.clear();
    else if (tags.length === 0) return;
    else cache.invalidate(tags);
    // The instance where the change happened purges the CDN; the others only hear about it.
    if (purger && local) void (tags === 'all' ? purger.purgeAll() : purger.purge(tags));
  }
  // New comments on a busy story refresh its pages at most once per interval (a removal at
  // once): the island brings a page's thread up to date by itself (client/comments).
  const commentRefreshes = new KeyedThrottle<number, boolean>(config.COMMENT_PURGE_INTERVAL_MS, (articleId, local) => invalidate([articleTag(articleId)], local), (a, b) => a || b);
  // Started with the scheduler (startScheduler); declared here, before any event can arrive.
  let onAirWatch: OnAirWatch | undefined;
  events.subscribe((event, origin) => {
    if (event.type === 'comment.visible') commentRefreshes.request(event.articleId, origin === 'local');
    else invalidate(tagsAffectedBy(event), origin === 'local');
    // The header on every page may name another programme now.
    if (event.type === 'live.changed') onAirWatch?.checkNow();
  });
  /** The cache tags a content change touches ('all': the section tree, on every page). */
  function tagsAffectedBy(event: ContentEvent): string[] | 'all' {
    if (event.type === 'structure.changed') return 'all';
    if (event.type === 'live.changed') return ['live', 'schedule'];
    // A comment changes its story's page and the count on every card of it (lists carry
    // the story's tag too). New ones come through commentRefreshes.
    if (event.type === 'comment.visible' || event.type === 'comment.hidden') return [articleTag(event.articleId)];
    // A live blog's update changes its story's own pages only: cards, feeds and sitemaps show
    // nothing of it, and clearing the lists on each update (an editor posts one a minute on a
    // breaking story, the home page's lead) would re-render them, here and at the CDN, for nothing.
    if (event.type === 'liveblog.update') return [storyPageTag(event.articleId)];
    // A draft's edits show nowhere; an edit inside the same lists shows where the story does
    // (its page and every card of it carry its tag) and in the sitemaps (its lastmod).
    if (event.reach === 'drafts') return [];
    if (event.reach === 'content') return [articleTag(event.articleId), 'sitemap'];
    const tags = [articleTag(event.articleId), 'list', `section-list:${event.sectionId}`];
    if (event.previousSectionId !== undefined) tags.push(`section-list:${event.previousSectionId}`);
    return tags;
  }

  const fastLane = new FastLane(cache, securityHeaders);
  const server = createServer({ logLevel: config.LOG_LEVEL, db, trustProxy: trustProxyOption(config.TRUST_PROXY), fastLane });
  const mailer = overrides.mailer ?? createMailer({ url: config.MAIL_URL, from: config.MAIL_FROM, log: (m) => server.log.info({ mail: m }, `mail to ${m.to}: ${m.subject}\n${m.text}`) });
  const settingsRepo = new SettingsRepository(db.kysely);
  const notifier = new ReplyNotifier({ db, mailer, signing: new SigningKey(settingsRepo, 'unsubscribe_signing_key', overrides.now), origin: publicOrigin(config), siteName: config.SITE_NAME, words: replyMails(editions), onError: (err) => server.log.error({ err }, 'reply notification failed') });
  // With REDIS_URL, rate limits are counted in Redis first (shared, cheap); a Redis outage
  // falls back to the database counts, never to an error.
  const comments = new CommentsService({ db, events, ...clock, rateLimiter, onVisible: (id) => notifier.notify(id) });
  const readers = new Readers({ db, mailer, origin: publicOrigin(config), siteName: config.SITE_NAME, ...clock, rateLimiter });
  const moderation = new Moderation({ db, comments, events, ...clock, onApproved: (id) => notifier.notify(id) });
  const root = projectRoot();
  // public/ holds hand-written files; dist/public/ the bundled islands (npm run build).
  const assets = loadAssets([join(root, 'public'), join(root, 'dist', 'public')]);
  assets.register(server);
  const origin = publicOrigin(config);
  const mediaLimits = { maxBytes: config.MEDIA_MAX_BYTES, maxPixels: config.MEDIA_MAX_PIXELS };
  await registerAdmin(
    server,
    {
      accounts,
      newsroom,
      liveBlog,
      comments,
      moderation,
      search,
      lists: new NewsroomLists(db.kysely, db.dialect),
      reading,
      mailer,
      previews,
      translations: new Translations({ db, events, newsroom }),
      editions,
      media: new MediaLibrary({ db, store: media, limits: mediaLimits, ...clock }),
      videos: new LeadVideos({ db, checker: new VideoChecker({ checkHls: async (url) => (await live.checkStreams(url, null))[0] ?? { role: 'master', url, ok: false, message: 'not checked', renditions: [] } }) }),
      mediaLimits,
      assets,
      options: { siteName: config.SITE_NAME, origin, timeZone: config.SITE_TIME_ZONE, secureCookies: origin.startsWith('https://') },
    },
    db,
    catalog,
    live,
  );
  registerMetrics(server, { db, cache, fastLane, commentQueues: () => moderation.counts(), token: config.METRICS_TOKEN });
  registerReaderOriginCheck(server, origin, editions);
  const site = registerSiteRoutes(server, {
    reading,
    comments,
    cache,
    assets,
    variants,
    previews,
    editions,
    live,
    fastLane,
    liveBlog: new LiveBlogPages({ liveBlog, live, assets }),
    options: {
      siteName: config.SITE_NAME,
      tagline: config.SITE_TAGLINE,
      origin,
      timeZone: config.SITE_TIME_ZONE,
      socialProfiles: config.SOCIAL_PROFILES,
      cacheControl: { maxAge: config.CACHE_MAX_AGE, sMaxAge: config.CACHE_S_MAXAGE, staleWhileRevalidate: config.CACHE_STALE_WHILE_REVALIDATE },
    },
  });

  registerCommentRoutes(server, { comments, readers, accounts, reading, notifier, events, site, options: { origin, secureCookies: origin.startsWith('https://') } });
  const discovery = { db, reading, cache, events, editions, ...clock, options: { origin, siteName: config.SITE_NAME, tagline: config.SITE_TAGLINE, timeZone: config.SITE_TIME_ZONE, feedFullText: config.FEED_FULL_TEXT, cacheControl: { maxAge: config.CACHE_MAX_AGE, sMaxAge: config.CACHE_S_MAXAGE, staleWhileRevalidate: config.CACHE_STALE_WHILE_REVALIDATE } } };
  registerFeedRoutes(server, discovery);
  registerSearchRoutes(server, { search, reading, site });
  registerLiteRoutes(server, { reading, site });
  registerDemoStreamRoutes(server, dataDir);
  registerLiveRoutes(server, { site, live, cache, assets, options: { origin, siteName: config.SITE_NAME } });
  registerLiveBlogRoutes(server, { liveBlog, reading, events, site });
  registerSitemapRoutes(server, discovery);
  registerVideoFiles(server, { db, filePath: (key) => media.filePath(key) });

  // Several instances share one PostgreSQL: each hears the others' content events, over
  // Redis pub/sub when REDIS_URL is set (instead of LISTEN/NOTIFY; on SQLite too).
  const relay = config.REDIS_URL
    ? startRedisEventRelay(config.REDIS_URL, events, { prefix: config.REDIS_KEY_PREFIX, onError: (err) => server.log.warn({ err }, 'event relay (redis): connection problem') })
    : db.dialect === 'postgres' ? startEventRelay(config.DATABASE_URL, events, (err) => server.log.warn({ err }, 'event relay: connection problem')) : undefined;

  let scheduler: Scheduler | undefined;
  // Every page's header says what is on air: when that changes, the cached pages are
  // rendered again (site/on-air-watch.ts).
  const readOnAir = async () => {
    const onAir = await Promise.all(editions.all.map((e) => live.onAir(e.language)));
    // Nothing on air: look again in 15 minutes, in case a programme starts.
    const nextChangeAt = Math.min(...onAir.flatMap((o) => (o ? [Date.parse(o.endsAt)] : [])), Date.now() + 15 * 60_000);
    return { shown: JSON.stringify(onAir.map((o) => o?.programme ?? null)), nextChangeAt };
  };
  return {
    config,
    db,
    events,
    media,
    cache,
    reading,
    editions,
    accounts,
    newsroom,
    comments,
    search,
    readers,
    moderation,
    notifier,
    mailer,
    live,
    liveBlog,
    server,
    relay,
    rateLimiter,
    startScheduler() {
      scheduler ??= startScheduler(newsroom, config.SCHEDULER_INTERVAL_MS, (err) => server.log.error({ err }, 'scheduled publishing failed'), (ids) => server.log.info({ ids }, 'published scheduled stories'));
      onAirWatch ??= watchOnAir({ read: readOnAir, clearPages: () => cache.clear(), onError: (err) => server.log.warn({ err }, 'on-air refresh failed') });
      return scheduler;
    },
    async close() {
      // A refresh held back for comments, and purges still gathering, still reach the CDN.
      commentRefreshes.flush();
      await purger?.flush();
      scheduler?.stop();
      onAirWatch?.stop();
      await relay?.stop();
      await server.close();
      if (redis) await closeRedis(redis);
      if (!overrides.db) await db.close();
    },
  };
}
