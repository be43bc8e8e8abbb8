/**
 * The demo channels' live stream: `newsdesk serve` runs Debian's ffmpeg to make a real
 * sliding-window HLS ladder plus a separate audio-only stream in DATA_DIR/live-demo, served
 * same-origin under /live-demo/, and the seeded channels point there, so a fresh install's
 * /live plays (the player itself is tested against such a stream in test/e2e).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUDIO_URL, DEMO_MASTER_URL, ffmpegOnPath, startDemoStream } from '../../src/live/demo-stream.js';
import type { DemoStream } from '../../src/live/demo-stream.js';
import { seedDemoLive } from '../../src/seed/demo-live.js';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';

const runnable = ffmpegOnPath() || process.env.CI === 'true';
if (!runnable) console.warn('demo-stream.test.ts: skipped, ffmpeg is not installed (apt-get install ffmpeg)');

describe.runIf(runnable)('the demo live stream', () => {
  let t: TestApp;
  let stream: DemoStream | undefined;
  const get = (url: string) => t.app.server.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    stream = startDemoStream(t.tdb.dataDir, () => undefined);
    await t.app.db.kysely.transaction().execute((tx) => seedDemoLive(tx, new Date()));
  });

  afterAll(async () => {
    // ffmpeg writes segments until it exits: only then can the data dir be removed.
    await stream?.stop();
    await t?.close();
  });

  it('serves a live ladder and a separate audio stream made by ffmpeg, and only those files', async () => {
    expect(stream).toBeDefined();
    // ffmpeg writes the first segments in real time: a few seconds.
    await expect.poll(async () => (await get(DEMO_AUDIO_URL)).statusCode, { timeout: 30_000, interval: 500 }).toBe(200);
    await expect.poll(async () => (await get(DEMO_MASTER_URL)).statusCode, { timeout: 30_000, interval: 500 }).toBe(200);
    const master = await get(DEMO_MASTER_URL);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(master.headers['cache-control']).toBe('no-cache');
    expect(master.body.startsWith('#EXTM3U')).toBe(true);
    expect(master.body.match(/#EXT-X-STREAM-INF/g)).toHaveLength(2);

    await expect.poll(async () => /seg_\d{5}\.ts/.test((await get('/live-demo/live/v0/index.m3u8')).body), { timeout: 30_000, interval: 500 }).toBe(true);
    const segment = /seg_\d{5}\.ts/.exec((await get('/live-demo/live/v0/index.m3u8')).body)?.[0] ?? '';
    const ts = await get(`/live-demo/live/v0/${segment}`);
    expect(ts.statusCode).toBe(200);
    expect(ts.headers['content-type']).toBe('video/mp2t');
    expect(ts.rawPayload.length).toBeGreaterThan(1000);

    for (const path of ['/live-demo/../newsdesk.db', '/live-demo/live/v0/evil.sh', '/live-demo/%2e%2e/%2e%2e/etc/passwd', '/live-demo/live/v2/index.m3u8']) {
      expect((await get(path)).statusCode, path).toBe(404);
    }
  });

  it('is what the demo channels play on /live', async () => {
    const page = await get('/live');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`data-master="${DEMO_MASTER_URL}"`);
    expect(page.body).toContain(`data-audio="${DEMO_AUDIO_URL}"`);
  });
});
