/**
 * Memory of a reading instance: sharp (libvips, about 28 MB of RSS) is loaded only when an
 * image must be encoded, so an instance that serves pages and renditions already on disk
 * never carries it (docs/performance.md, memory). Checked on the real `newsdesk serve`
 * process through /proc/<pid>/maps: what a newsroom's monitoring would see as RSS.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/databases.js';
import { prepareServeDatabase, startServeProcess } from '../helpers/serve-process.js';

const procFs = existsSync('/proc/self/maps');

/** Whether the process has sharp's native module mapped. */
function sharpMapped(pid: number): boolean {
  return /sharp-[\w-]+\.node|libvips/.test(readFileSync(`/proc/${pid}/maps`, 'utf8'));
}

describe.skipIf(!procFs)('a reading instance does not load the image encoder', () => {
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

  it('serves pages without sharp, and loads it for the first rendition it must encode', async () => {
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
    expect(sharpMapped(pid)).toBe(true);
  }, 60_000);
});
