/**
 * Connections to Redis (REDIS_URL), the one place they are made. Redis holds what every
 * instance must agree on cheaply and nothing that must survive it: rate-limit counts (the
 * database counts stay behind them) and the content-event channel. So a connection never
 * throws at its owner: errors go to `onError`, ioredis reconnects with backoff, and a
 * fail-fast connection (rate limits) refuses commands at once while Redis is away instead of
 * queueing them, so its callers fall back to the database within milliseconds.
 */
import { Redis } from 'ioredis';

export type { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  /** Shown in CLIENT LIST and in the log. */
  name: string;
  /**
   * true: commands fail at once while disconnected (no offline queue) and after
   * `commandTimeout` when Redis hangs. For callers that have a fallback (rate limits).
   */
  failFast?: boolean;
  /** Connection problems, once per outage (not once per reconnect attempt). */
  onError: (err: unknown) => void;
}

/** Reconnect delay: 100 ms doubling to 5 s, with jitter so instances do not reconnect in step. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt - 1, 6), 5_000) + Math.floor(Math.random() * 100);
}

export function connectRedis(url: string, options: RedisConnectionOptions): Redis {
  const failFast = options.failFast ?? false;
  const client = new Redis(url, {
    connectionName: `newsdesk:${options.name}`,
    lazyConnect: false,
    connectTimeout: 2_000,
    // A command waits for at most one reconnect attempt before failing (never forever).
    maxRetriesPerRequest: 1,
    enableOfflineQueue: !failFast,
    ...(failFast ? { commandTimeout: 500 } : {}),
    retryStrategy: reconnectDelay,
  });
  // Without an 'error' listener ioredis would print every failed reconnect; report only the
  // first error of each outage (the next one after Redis was ready again).
  let failing = false;
  client.on('error', (err: unknown) => {
    if (failing) return;
    failing = true;
    options.onError(err);
  });
  client.on('ready', () => {
    failing = false;
  });
  return client;
}

/** Closes a connection: politely when it is up, at once when it is not (never waits for Redis). */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await Promise.race([client.quit().then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref())]).catch(() => undefined);
  client.disconnect();
}
