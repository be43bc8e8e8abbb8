/**
 * Content events across instances, through PostgreSQL LISTEN/NOTIFY: every event published
 * on one instance is published on all the others too, so their page caches drop the same
 * pages, their section trees reload, and readers connected to any instance see a new
 * comment live. No extra service: the database the instances already share carries it.
 *
 * Each instance tags what it sends with its own id and ignores its own echo. A lost
 * connection is re-opened with backoff; events sent meanwhile are missed by this instance,
 * which the page cache's TTL bounds.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ContentEvent, ContentEvents } from '../core/events.js';

const CHANNEL = 'newsdesk_events';

export interface EventRelay {
  /** Resolves once this instance is listening (tests wait for it). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function startEventRelay(url: string, events: ContentEvents, onError: (err: unknown) => void): EventRelay {
  const instance = randomUUID();
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = 500;

  const publisher = new pg.Pool({ connectionString: url, max: 1 });
  publisher.on('error', () => undefined);
  publisher.on('connect', (c) => c.on('error', () => undefined));

  const unsubscribe = events.subscribe((event, origin) => {
    // What came from another instance is not sent back out.
    if (origin === 'remote' || stopped) return;
    publisher.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: instance, event })]).catch(onError);
  });

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  async function listen(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      let parsed: { from?: string; event?: ContentEvent };
      try {
        parsed = JSON.parse(message.payload) as { from?: string; event?: ContentEvent };
      } catch {
        return;
      }
      if (parsed.from === instance || !parsed.event) return;
      events.publish(parsed.event, 'remote');
    });
    c.on('error', (err) => {
      onError(err);
      reconnect(c);
    });
    c.on('end', () => reconnect(c));
    await c.connect();
    await c.query(`listen ${CHANNEL}`);
    retryMs = 500;
    markReady();
  }

  function reconnect(dead: pg.Client): void {
    if (stopped || client !== dead) return;
    client = undefined;
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, 30_000);
    setTimeout(() => {
      if (!stopped) listen().catch((err: unknown) => {
        onError(err);
        reconnect(client ?? dead);
      });
    }, wait).unref();
  }

  listen().catch((err: unknown) => {
    onError(err);
    const c = client;
    if (c) reconnect(c);
  });

  return {
    ready,
    async stop() {
      stopped = true;
      unsubscribe();
      await client?.end().catch(() => undefined);
      await publisher.end().catch(() => undefined);
    },
  };
}
