/**
 * Sign-in throttling shared by staff and readers: failed attempts are rows in the database
 * (so every instance sees them), counted per account and per address within a window.
 * Given a shared rate limiter (Redis), failures are counted there too and asked first, so a
 * throttled address costs no query; the rows stay the rule when Redis is away.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../storage/db.js';
import type { RateLimiter } from './rate-limits.js';

/** Failed sign-ins allowed per account and per address within the window. */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perIp: 20 };

export class ThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many failed sign-in attempts');
    this.name = 'ThrottledError';
  }
}

export class SignInThrottle {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly limiter?: RateLimiter,
  ) {}

  /** The shared counters' keys and limits (addresses and emails hashed: Redis holds no personal data). */
  private sharedLimits(accountKey: string, ip: string) {
    const hash = (v: string) => createHash('sha256').update(`newsdesk:${v}`).digest('hex').slice(0, 32);
    const windowSeconds = THROTTLE.windowMinutes * 60;
    return [
      { key: `signin:account:${hash(accountKey.slice(0, 254))}`, limits: [{ windowSeconds, max: THROTTLE.perAccount }] },
      { key: `signin:ip:${hash(ip.slice(0, 64))}`, limits: [{ windowSeconds, max: THROTTLE.perIp }] },
    ];
  }

  /** Throws ThrottledError when the account (by key) or the address has failed too often. */
  async check(accountKey: string, ip: string): Promise<void> {
    if (this.limiter) {
      const limiter = this.limiter;
      const decisions = await Promise.all(this.sharedLimits(accountKey, ip).map((l) => limiter.check(l.key, l.limits)));
      const refused = decisions.filter((d) => !d.allowed);
      if (refused.length) throw new ThrottledError(Math.max(...refused.map((d) => d.retryAfterSeconds)));
    }
    const since = new Date(this.now().getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
    const failures = (column: 'email' | 'ip', value: string) =>
      this.db.kysely
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(column, '=', value)
        .where('succeeded', '=', 0)
        .where('created_at', '>', since)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const [byAccount, byIp] = await Promise.all([failures('email', accountKey), failures('ip', ip)]);
    if (byAccount >= THROTTLE.perAccount || byIp >= THROTTLE.perIp) throw new ThrottledError(THROTTLE.windowMinutes * 60);
  }

  async record(accountKey: string, ip: string, succeeded: boolean): Promise<void> {
    if (!succeeded && this.limiter) {
      const limiter = this.limiter;
      await Promise.all(this.sharedLimits(accountKey, ip).map((l) => limiter.hit(l.key, l.limits)));
    }
    await this.db.kysely.insertInto('login_attempts').values({ email: accountKey.slice(0, 254), ip: ip.slice(0, 64), succeeded: succeeded ? 1 : 0, created_at: this.now().toISOString() }).execute();
  }
}
