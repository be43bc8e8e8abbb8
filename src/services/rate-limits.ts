/**
 * Rate limits every instance agrees on, counted in Redis: a cheap first gate in front of the
 * database counts (comments per reader and per address, failed sign-ins), which stay where
 * they are and remain the rule when Redis is not configured or not reachable.
 *
 * RedisRateLimiter keeps a sliding-window log per key and limit: a sorted set of hit times,
 * trimmed to the window, checked and extended by one Lua script, so two instances taking
 * the last slot at the same moment cannot both have it. A refused hit is not recorded (as a
 * refused comment is not a row), so a set never holds more than its limit's `max` entries,
 * and every set expires with its window. Time is the application's clock (the one the
 * database counts use), passed in with each call.
 *
 * It never rejects: with Redis down, slow or erroring, a hit is allowed (fail open) and the
 * problem is reported, at most once a minute, through `onError`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from '../storage/redis.js';

export interface RateLimit {
  windowSeconds: number;
  /** Hits allowed within any `windowSeconds`. */
  max: number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: seconds until a hit would be allowed again; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit on `key` unless that would pass one of the limits (then nothing is counted). Never rejects. */
  hit(key: string, limits: RateLimit[]): Promise<RateDecision>;
  /** Whether a hit on `key` would be allowed now, without counting one. Never rejects. */
  check(key: string, limits: RateLimit[]): Promise<RateDecision>;
}

const ALLOWED: RateDecision = { allowed: true, retryAfterSeconds: 0 };

/** Without Redis: every hit is allowed here; the database counts are the limit. */
export class NoRateLimiter implements RateLimiter {
  hit(): Promise<RateDecision> {
    return Promise.resolve(ALLOWED);
  }

  check(): Promise<RateDecision> {
    return Promise.resolve(ALLOWED);
  }
}

/**
 * KEYS: one sorted set per limit. ARGV[1]: now in ms; ARGV[2]: '1' to record the hit, '0' to
 * only check; ARGV[3]: the hit's unique member; then each key's window (ms) and max, in order.
 * Returns 0 when allowed (and recorded), otherwise the milliseconds until a slot frees.
 */
const SCRIPT = `
local now = tonumber(ARGV[1])
local wait = 0
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[2 + 2 * i])
  local max = tonumber(ARGV[3 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local n = redis.call('ZCARD', key)
  if n >= max then
    local w = window
    local freeing = redis.call('ZRANGE', key, n - max, n - max, 'WITHSCORES')
    if freeing[2] then w = math.min(window, tonumber(freeing[2]) + window - now) end
    if w < 1 then w = 1 end
    if w > wait then wait = w end
  end
end
if wait > 0 then return wait end
if ARGV[2] == '1' then
  for i, key in ipairs(KEYS) do
    redis.call('ZADD', key, now, ARGV[3])
    redis.call('PEXPIRE', key, tonumber(ARGV[2 + 2 * i]))
  end
end
return 0
`;
const SCRIPT_SHA = createHash('sha1').update(SCRIPT).digest('hex');

export interface RedisRateLimiterOptions {
  /** Prepended to every key (REDIS_KEY_PREFIX), so several sites or test runs share one Redis. */
  prefix: string;
  now?: () => Date;
  /** Redis could not answer and the hit was allowed; called at most once a minute. */
  onError: (err: unknown) => void;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly now: () => Date;
  private lastReported = 0;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisRateLimiterOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The Redis key of one limit on one subject. The braces keep a subject's keys in one cluster slot. */
  keyOf(key: string, windowSeconds: number): string {
    return `${this.options.prefix}rl:{${key}}:${windowSeconds}`;
  }

  hit(key: string, limits: RateLimit[]): Promise<RateDecision> {
    return this.run(key, limits, true);
  }

  check(key: string, limits: RateLimit[]): Promise<RateDecision> {
    return this.run(key, limits, false);
  }

  private async run(key: string, limits: RateLimit[], record: boolean): Promise<RateDecision> {
    if (limits.length === 0) return ALLOWED;
    if (this.redis.status !== 'ready') {
      this.report(new Error(`Redis is not connected (${this.redis.status})`));
      return ALLOWED;
    }
    const now = this.now().getTime();
    const keys = limits.map((l) => this.keyOf(key, l.windowSeconds));
    const args = [String(now), record ? '1' : '0', `${now}:${randomBytes(6).toString('base64url')}`, ...limits.flatMap((l) => [String(l.windowSeconds * 1000), String(l.max)])];
    try {
      const waitMs = Number(await this.evaluate(keys, args));
      if (!Number.isFinite(waitMs) || waitMs <= 0) return ALLOWED;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    } catch (err) {
      this.report(err);
      return ALLOWED;
    }
  }

  /** EVALSHA, loading the script with EVAL the first time (or after Redis restarted). */
  private async evaluate(keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(SCRIPT_SHA, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error && err.message.startsWith('NOSCRIPT'))) throw err;
      return await this.redis.eval(SCRIPT, keys.length, ...keys, ...args);
    }
  }

  private report(err: unknown): void {
    const at = Date.now();
    if (at - this.lastReported < 60_000) return;
    this.lastReported = at;
    this.options.onError(err);
  }
}
