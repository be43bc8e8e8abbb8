/** What the machine-readable reader routes (feeds, sitemaps, robots.txt) are given. */
import type { Editions } from '../core/editions.js';
import type { ContentEvents } from '../core/events.js';
import type { PageCache } from '../http/page-cache.js';
import type { ReadingService } from '../services/reading.js';
import type { Db } from '../storage/db.js';

export interface DiscoveryDeps {
  db: Db;
  reading: ReadingService;
  cache: PageCache;
  events: ContentEvents;
  editions: Editions;
  /** The clock that decides what is public (tests set it). */
  now?: () => Date;
  options: {
    origin: string;
    siteName: string;
    tagline: string;
    timeZone: string;
    /** Feeds carry whole stories (true) or their standfirst only (false). */
    feedFullText: boolean;
    /** The configured HTTP caching of list pages (CACHE_*), which feeds follow. */
    cacheControl?: { maxAge: number; sMaxAge: number; staleWhileRevalidate: number };
  };
}
