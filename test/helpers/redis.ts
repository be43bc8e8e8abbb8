/**
 * Redis for the suites that use it: found at redis://127.0.0.1:6379 (override with
 * TEST_REDIS_URL). On a machine without it those suites are skipped with a message; in CI
 * (CI=true) a missing Redis fails the run instead, as a missing PostgreSQL does
 * (databases.ts). Each run works under a key prefix of its own and deletes its keys after.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export const redisUp = await redisReachable();
if (!redisUp) {
  const message = `Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL)`;
  if (inCi) throw new Error(`${message}: CI must run the Redis suites.`);
  process.stderr.write(`\n[newsdesk tests] ${message}: Redis suites are SKIPPED on this machine.\n\n`);
}

/** A key prefix no other run (or parallel suite) uses: newsdesk:test:<random>: */
export const testKeyPrefix = () => `newsdesk:test:${randomBytes(6).toString('hex')}:`;

/** A plain client for looking at (and publishing into) what the application keeps in Redis. */
export function testRedisClient(): Redis {
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  return client;
}

/** Deletes every key under a prefix (SCAN, never KEYS). */
export async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await client.del(...keys);
  } while (cursor !== '0');
}
