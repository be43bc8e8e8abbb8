/**
 * Content events across instances through Redis pub/sub: the alternative to
 * storage/event-relay.ts (PostgreSQL LISTEN/NOTIFY), used instead of it whenever REDIS_URL
 * is set. Same contract: every event published on one instance is published on all the
 * others as 'remote', so their page caches drop the same pages and readers connected to
 * any instance see a new comment live; each instance tags what it sends with its own id and
 * ignores its own echo.
 *
 * Two connections, as Redis requires: one subscribed to the channel, one to publish on.
 * ioredis reconnects both with backoff and subscribes again by itself; events sent while
 * this instance was cut off are missed by it, which the page cache's TTL bounds (as with
 * LISTEN/NOTIFY). An event published here during a blip waits in the publishing
 * connection's queue for one reconnect attempt, then is dropped (and reported).
 */
import { randomUUID } from 'node:crypto';
import type { ContentEvent, ContentEvents } from '../core/events.js';
import type { EventRelay } from './event-relay.js';
import { closeRedis, connectRedis } from './redis.js';

export interface RedisEventRelayOptions {
  /** REDIS_KEY_PREFIX: the channel is `<prefix>events`, so sites sharing a Redis stay apart. */
  prefix: string;
  onError: (err: unknown) => void;
}

/** The pub/sub channel content events travel on. */
export const eventChannel = (prefix: string) => `${prefix}events`;

export function startRedisEventRelay(url: string, events: ContentEvents, options: RedisEventRelayOptions): EventRelay {
  const instance = randomUUID();
  const channel = eventChannel(options.prefix);
  let stopped = false;

  const publisher = connectRedis(url, { name: 'events-publish', onError: options.onError });
  const subscriber = connectRedis(url, { name: 'events-subscribe', onError: options.onError });

  subscriber.on('message', (from: string, payload: string) => {
    if (from !== channel || stopped) return;
    let parsed: { from?: unknown; event?: ContentEvent };
    try {
      parsed = JSON.parse(payload) as { from?: unknown; event?: ContentEvent };
    } catch {
      return;
    }
    if (parsed.from === instance || typeof parsed.event?.type !== 'string') return;
    events.publish(parsed.event, 'remote');
  });

  const unsubscribe = events.subscribe((event, origin) => {
    // What came from another instance is not sent back out.
    if (origin === 'remote' || stopped) return;
    publisher.publish(channel, JSON.stringify({ from: instance, event })).catch(options.onError);
  });

  // ioredis queues the SUBSCRIBE until connected (and repeats it after every reconnect); it
  // only fails for good when retries run out, so keep asking until it is in place.
  const ready = new Promise<void>((resolve) => {
    const subscribe = () => {
      if (stopped) return;
      subscriber.subscribe(channel).then(
        () => resolve(),
        (err: unknown) => {
          options.onError(err);
          setTimeout(subscribe, 1_000).unref();
        },
      );
    };
    subscribe();
  });

  return {
    ready,
    async stop() {
      stopped = true;
      unsubscribe();
      await Promise.all([closeRedis(subscriber), closeRedis(publisher)]);
    },
  };
}
