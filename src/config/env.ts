/**
 * Every setting Newsdesk reads from the environment, validated once at start. A bad value
 * stops the process with a message naming the variable, instead of failing later.
 * Keep `.env.example` and the README's configuration table in step with this file.
 */
import { z } from 'zod';
import { LANGUAGES } from '../core/articles.js';
import type { Language } from '../core/articles.js';
import { isLanguage } from '../core/editions.js';
import { SOCIAL_NETWORK_NAMES } from '../core/site-settings.js';
import type { PurgeConfig } from '../http/cdn-purge.js';
import type { SocialProfile } from '../core/site-settings.js';

const isSocialNetwork = (name: string): name is SocialProfile['network'] => Object.hasOwn(SOCIAL_NETWORK_NAMES, name);

/** redis:// or rediss:// with a host (a name, IPv4 or [IPv6]). */
const isRedisUrl = (raw: string): boolean => URL.canParse(raw) && /^rediss?:$/.test(new URL(raw).protocol) && new URL(raw).hostname !== '';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const socialProfiles = z.string().transform((raw, ctx) => {
  // "facebook=https://facebook.com/x,x=https://x.com/y"
  const out: SocialProfile[] = [];
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    const network = pair.slice(0, eq).trim();
    const url = pair.slice(eq + 1).trim();
    if (eq < 1 || !/^https:\/\/[^\s"<>]+$/.test(url) || !isSocialNetwork(network)) {
      ctx.addIssue({ code: 'custom', message: `"${pair}" is not network=https://url with network one of ${Object.keys(SOCIAL_NETWORK_NAMES).join(', ')}` });
      return z.NEVER;
    }
    out.push({ network, url });
  }
  return out;
});

const editions = z.string().transform((raw, ctx) => {
  // "en,es": the first is the default edition, served at /; the others under /<code>.
  const codes = raw.split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = codes.filter((c) => !isLanguage(c));
  if (codes.length === 0 || unknown.length > 0 || new Set(codes).size !== codes.length) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" must list distinct languages from ${LANGUAGES.join(', ')}, the default edition first` });
    return z.NEVER;
  }
  return codes as Language[];
});

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public origin used in canonical URLs, feeds and social cards. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.string().regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite: or postgres://').default('sqlite:./data/newsdesk.db'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO_CONTENT: bool.default(true),
  /** Run ffmpeg (when installed) to make the demo channels' live stream (served under /live-demo/). */
  DEMO_STREAM: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SITE_NAME: z.string().min(1).max(80).default('Newsdesk Network'),
  SITE_TAGLINE: z.string().max(200).default('News, analysis and live TV from around the world'),
  /** Language editions, the default (served at /) first; the others live under /<code>. */
  EDITIONS: editions.default(['en', 'es']),
  /** IANA zone in which dates are shown to readers, e.g. Europe/London, America/Caracas. */
  SITE_TIME_ZONE: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as UTC or Europe/Madrid').default('UTC'),
  SOCIAL_PROFILES: socialProfiles.default([
    { network: 'facebook', url: 'https://www.facebook.com/' },
    { network: 'x', url: 'https://x.com/' },
    { network: 'youtube', url: 'https://www.youtube.com/' },
    { network: 'telegram', url: 'https://telegram.org/' },
  ]),
  /** Seconds a browser may reuse a page without asking. */
  CACHE_MAX_AGE: z.coerce.number().int().min(0).default(60),
  /** Seconds a shared cache (CDN) may keep a page; purges make this safe to raise. */
  CACHE_S_MAXAGE: z.coerce.number().int().min(0).default(300),
  CACHE_STALE_WHILE_REVALIDATE: z.coerce.number().int().min(0).default(600),
  /** Seconds a rendered page stays in this process's memory cache. */
  PAGE_CACHE_TTL: z.coerce.number().int().min(0).default(300),
  PAGE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).default(5000),
  /**
   * Milliseconds between two refreshes of a story's cached pages (its page, and the list pages
   * with its card) for new comments: the first comment refreshes them at once, the others
   * within this time fold into one refresh. Removals (moderation) are never held back.
   */
  COMMENT_PURGE_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  /** Megabytes of rendered pages (and their compressed forms) kept: the oldest go first. */
  PAGE_CACHE_MAX_MB: z.coerce.number().min(1).default(32),
  /** Feeds carry whole stories (true) or only their standfirst with a link (false). */
  FEED_FULL_TEXT: bool.default(true),
  /** SMTP server for staff mail (invitations, password resets): smtp://user:pass@host:587. Unset: mail is written to the log. */
  MAIL_URL: z.string().regex(/^smtps?:\/\//, 'must be smtp://... or smtps://...').optional(),
  MAIL_FROM: z.string().min(3).default('Newsdesk <newsroom@localhost>'),
  /** Largest accepted upload, in bytes (default 15 MB). */
  MEDIA_MAX_BYTES: z.coerce.number().int().min(100_000).max(200_000_000).default(15_000_000),
  /** Largest accepted image, in pixels (default 40 megapixels): bigger ones are refused before decoding. */
  MEDIA_MAX_PIXELS: z.coerce.number().int().min(1_000_000).max(300_000_000).default(40_000_000),
  /**
   * Which peers may tell us the client's address in X-Forwarded-For (rate limits, sign-in
   * throttling). "loopback" (default): a proxy or CDN edge on this machine; "false": nobody;
   * "true": any peer (only behind a proxy that always overwrites the header); or
   * addresses/CIDRs separated by commas.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|loopback|linklocal|uniquelocal|[0-9a-fA-F:./,\s]*[./:][0-9a-fA-F:./,\s]*)$/, 'must be true, false, loopback, or addresses/CIDRs separated by commas')
    .default('loopback'),
  /** A CDN or HTTP cache to purge by surrogate key when content changes: varnish, fastly or cloudflare. */
  CDN_PURGE: z.enum(['none', 'varnish', 'fastly', 'cloudflare']).default('none'),
  /** varnish: where to send PURGE requests, e.g. http://127.0.0.1:6081/ */
  CDN_PURGE_URL: z.url({ protocol: /^https?$/ }).optional(),
  FASTLY_SERVICE_ID: z.string().min(1).optional(),
  FASTLY_API_TOKEN: z.string().min(1).optional(),
  CLOUDFLARE_ZONE_ID: z.string().min(1).optional(),
  CLOUDFLARE_API_TOKEN: z.string().min(1).optional(),
  /** Bearer token for GET /metrics from other machines; unset: only this machine may read it. */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** How often this instance looks for scheduled stories that are due, in milliseconds. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /**
   * Redis shared by the instances (optional): redis://[user:pass@]host:6379[/db] or rediss://
   * (TLS). Set: rate limits are counted there first, and content events travel over its
   * pub/sub instead of PostgreSQL LISTEN/NOTIFY.
   */
  REDIS_URL: z.string().refine(isRedisUrl, 'must be redis://host:6379 or rediss://host:6380 (TLS)').optional(),
  /** Prepended to every Redis key and channel, so several sites (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - only (at most 64)').default('newsdesk:'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as they do in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = result.data;
  const missing: Record<Config['CDN_PURGE'], Array<keyof Config>> = { none: [], varnish: ['CDN_PURGE_URL'], fastly: ['FASTLY_SERVICE_ID', 'FASTLY_API_TOKEN'], cloudflare: ['CLOUDFLARE_ZONE_ID', 'CLOUDFLARE_API_TOKEN'] };
  const absent = missing[c.CDN_PURGE].filter((name) => c[name] === undefined);
  if (absent.length) throw new ConfigError(absent.map((name) => `${name}: required when CDN_PURGE=${c.CDN_PURGE}`));
  return c;
}

/** The purge adapter the configuration names, if any. */
export function purgeConfig(c: Config): PurgeConfig | undefined {
  switch (c.CDN_PURGE) {
    case 'varnish':
      return c.CDN_PURGE_URL ? { kind: 'varnish', url: c.CDN_PURGE_URL } : undefined;
    case 'fastly':
      return c.FASTLY_SERVICE_ID && c.FASTLY_API_TOKEN ? { kind: 'fastly', serviceId: c.FASTLY_SERVICE_ID, token: c.FASTLY_API_TOKEN } : undefined;
    case 'cloudflare':
      return c.CLOUDFLARE_ZONE_ID && c.CLOUDFLARE_API_TOKEN ? { kind: 'cloudflare', zoneId: c.CLOUDFLARE_ZONE_ID, token: c.CLOUDFLARE_API_TOKEN } : undefined;
    case 'none':
      return undefined;
  }
}

/** The origin links are built from: PUBLIC_URL, or the address the server listens on. */
export function publicOrigin(config: Config): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return `http://${host === '127.0.0.1' ? 'localhost' : host}:${config.PORT}`;
}

/** TRUST_PROXY as Fastify's trustProxy option. */
export function trustProxyOption(value: string): boolean | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
