/**
 * Memory of a reading instance: sharp (libvips, about 28 MB of RSS) never loads in the web
 * server. An image to encode goes to the image worker, a child process started on first use
 * without the server's glibc settings, which made libvips up to 7 times slower
 * (src/media/images.ts). Checked on the real `newsdesk serve` process through /proc: what a
 * newsroom's monitoring would see.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/databases.js';
import { metricValue } from '../helpers/prometheus.js';
import { prepareServeDatabase, startServeProcess } from '../helpers/serve-process.js';

const procFs = existsSync('/proc/self/maps');

/** Whether the process has sharp's native module mapped. */
function sharpMapped(pid: number): boolean {
  return /sharp-[\w-]+\.node|libvips/.test(readFileSync(`/proc/${pid}/maps`, 'utf8'));
}

/** The processes `pid` started that are still running. */
function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
}

const environment = (pid: number): string[] => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');

describe.skipIf(!procFs)('the web server never loads the image encoder', () => {
  let tdb: TestDatabase;
  let child: ChildProcess | undefined;
  let headline = '';

  beforeAll(async () => {
    tdb = await prepareServeDatabase('sqlite', async ({ make }) => {
      const section = await make.section({ slug: 'news' });
      const image = await make.image({ alt: 'A harbour at dawn' });
      headline = (await make.article({ sectionId: section.id, leadMediaId: image.id })).headline;
    });
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await tdb?.drop();
  });

  it('serves pages without sharp, and encodes the first rendition in the image worker, without the server’s malloc settings', async () => {
    const server = await startServeProcess({ DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url, DEMO_STREAM: 'false' });
    child = server.child;
    const pid = server.child.pid ?? 0;

    const home = await (await fetch(`${server.origin}/`)).text();
    const storyPath = /class="card-headline"><a href="([^"]+)"/.exec(home)?.[1];
    expect(storyPath).toBeDefined();
    const story = await fetch(`${server.origin}${storyPath ?? ''}`);
    const html = await story.text();
    expect(story.status).toBe(200);
    expect(html).toContain(headline);
    expect(sharpMapped(pid)).toBe(false);

    // The story's lead image in a width and format nobody has asked for yet: encoded now.
    const rendition = /srcset="(\/media\/[^ "]+)/.exec(html)?.[1];
    expect(rendition).toBeDefined();
    const image = await fetch(`${server.origin}${rendition ?? ''}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect(sharpMapped(pid)).toBe(false);
    const workers = childrenOf(pid).filter(sharpMapped);
    expect(workers).toHaveLength(1);
    // The launcher's glibc settings are the server's (bin/newsdesk.js); libvips runs without
    // them. Without the trim threshold the fixed mmap threshold left glibc trimming the heap
    // after nearly every uncached page, and gzip ran 4 times slower.
    for (const setting of ['MALLOC_MMAP_THRESHOLD_=69632', 'MALLOC_TRIM_THRESHOLD_=1048576']) {
      expect(environment(pid)).toContain(setting);
      expect(environment(workers[0] ?? 0).some((v) => v.startsWith(setting.split('=')[0] ?? ''))).toBe(false);
    }
  }, 60_000);
});

describe('the newsdesk command keeps the young generation small', () => {
  let tdb: TestDatabase;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    tdb = await prepareServeDatabase('sqlite', async ({ make }) => {
      const section = await make.section({ slug: 'news' });
      for (let i = 0; i < 20; i++) await make.article({ sectionId: section.id });
    });
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await tdb?.drop();
  });

  // V8 grows its young generation under load and never gives it back: 2 x 16 MB or more
  // of RSS that bought no throughput (docs/performance.md). bin/newsdesk.js caps it at 2 x 4 MB;
  // an operator sees the size in /metrics.
  it('after hundreds of uncached pages, the new space is at most 2 x 4 MB', async () => {
    const server = await startServeProcess({ DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url, DEMO_STREAM: 'false', PAGE_CACHE_TTL: '0' });
    child = server.child;
    const home = await (await fetch(`${server.origin}/`)).text();
    const stories = [...home.matchAll(/class="card-headline"><a href="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(stories.length).toBeGreaterThan(5);
    for (let round = 0; round < 40; round++) {
      await Promise.all(stories.map(async (path) => (await fetch(`${server.origin}${path}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer()));
    }
    const metrics = await (await fetch(`${server.origin}/metrics`)).text();
    expect(metricValue(metrics, 'nodejs_heap_space_size_total_bytes{space="new"}')).toBeLessThanOrEqual(8 * 1024 * 1024 + 512 * 1024);
    // The bound for one instance (docs/performance.md measures it at 100,000 stories).
    expect(metricValue(metrics, 'process_resident_memory_bytes')).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);
});
