/**
 * Purging a CDN or HTTP cache in front of Newsdesk by surrogate key. Every cached response
 * carries its keys (Surrogate-Key, Cache-Tag: send-rendered.ts); when content changes, the
 * same tags that clear this instance's page cache are purged upstream, so exactly the
 * affected pages refetch. Chosen by CDN_PURGE:
 *
 *   varnish     PURGE <CDN_PURGE_URL> with "Surrogate-Key: k1 k2" (deploy/varnish/newsdesk.vcl
 *               turns it into a ban on those keys)
 *   fastly      POST {api}/service/<FASTLY_SERVICE_ID>/purge, "Surrogate-Key: k1 k2", Fastly-Key
 *   cloudflare  POST {api}/zones/<CLOUDFLARE_ZONE_ID>/purge_cache {"tags": [...]}, bearer token
 *
 * A failed purge is logged, never thrown: the pages still expire by their s-maxage.
 */
export interface CdnPurger {
  readonly name: string;
  purge(tags: readonly string[]): Promise<void>;
  /** Everything (a change to the section tree shows on every page). */
  purgeAll(): Promise<void>;
}

export type PurgeConfig =
  | { kind: 'varnish'; url: string }
  | { kind: 'fastly'; serviceId: string; token: string; apiUrl?: string }
  | { kind: 'cloudflare'; zoneId: string; token: string; apiUrl?: string };

/** Keys per request: Fastly takes up to 256, Cloudflare 30 per call; Varnish bans are regexes. */
const BATCH = { varnish: 100, fastly: 256, cloudflare: 30 } as const;

async function send(url: string, init: RequestInit, what: string): Promise<void> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`${what} purge answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
}

export function createPurger(config: PurgeConfig): CdnPurger {
  const batches = (tags: readonly string[]) => {
    const unique = [...new Set(tags)];
    const size = BATCH[config.kind];
    return Array.from({ length: Math.ceil(unique.length / size) }, (_, i) => unique.slice(i * size, (i + 1) * size));
  };
  switch (config.kind) {
    case 'varnish':
      return {
        name: 'varnish',
        async purge(tags) {
          for (const keys of batches(tags)) await send(config.url, { method: 'PURGE', headers: { 'surrogate-key': keys.join(' ') } }, 'Varnish');
        },
        purgeAll: () => send(config.url, { method: 'PURGE', headers: { 'x-purge-all': '1' } }, 'Varnish'),
      };
    case 'fastly': {
      const api = config.apiUrl ?? 'https://api.fastly.com';
      return {
        name: 'fastly',
        async purge(tags) {
          for (const keys of batches(tags)) await send(`${api}/service/${encodeURIComponent(config.serviceId)}/purge`, { method: 'POST', headers: { 'fastly-key': config.token, 'surrogate-key': keys.join(' '), accept: 'application/json' } }, 'Fastly');
        },
        purgeAll: () => send(`${api}/service/${encodeURIComponent(config.serviceId)}/purge_all`, { method: 'POST', headers: { 'fastly-key': config.token, accept: 'application/json' } }, 'Fastly'),
      };
    }
    case 'cloudflare': {
      const api = config.apiUrl ?? 'https://api.cloudflare.com/client/v4';
      return {
        name: 'cloudflare',
        async purge(tags) {
          for (const keys of batches(tags)) await send(`${api}/zones/${encodeURIComponent(config.zoneId)}/purge_cache`, { method: 'POST', headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ tags: keys }) }, 'Cloudflare');
        },
        purgeAll: () => send(`${api}/zones/${encodeURIComponent(config.zoneId)}/purge_cache`, { method: 'POST', headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ purge_everything: true }) }, 'Cloudflare'),
      };
    }
  }
}

/** A purger that also sends what is still waiting (shutdown). */
export interface BatchingPurger extends CdnPurger {
  flush(): Promise<void>;
}

/**
 * Purges gathered for `windowMs` and sent as one: the scheduler publishing ten stories at
 * once, or a moderator approving a page of comments, is one purge of the union of their
 * tags, not ten (CDN purge APIs are rate-limited, and each purge is a round trip). The wait
 * is well inside the second a change may take to show. Failures go to `onError`: the pages
 * still expire by their s-maxage.
 */
export function batchPurges(purger: CdnPurger, windowMs: number, onError: (err: unknown) => void): BatchingPurger {
  let tags = new Set<string>();
  let everything = false;
  let timer: NodeJS.Timeout | undefined;
  const sendWaiting = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const keys = [...tags];
    const all = everything;
    tags = new Set();
    everything = false;
    try {
      if (all) await purger.purgeAll();
      else if (keys.length > 0) await purger.purge(keys);
    } catch (err) {
      onError(err);
    }
  };
  const schedule = () => {
    timer ??= setTimeout(() => void sendWaiting(), windowMs);
  };
  return {
    name: purger.name,
    purge(keys) {
      for (const k of keys) tags.add(k);
      schedule();
      return Promise.resolve();
    },
    purgeAll() {
      everything = true;
      schedule();
      return Promise.resolve();
    },
    flush: sendWaiting,
  };
}
