/**
 * The real /live page in Chromium, end to end: the demo newsroom's English channel is pointed
 * (through the newsroom's own service) at a live HLS stream ffmpeg makes during the run
 * (test/helpers/hls-stream.ts, on another origin, as a CDN would be). The page's own
 * Content-Security-Policy must let the player fetch it; playback starts and time advances;
 * "Audio only" makes the page fetch only the audio stream; the header says what is on air;
 * axe-core finds no WCAG 2.2 A/AA violation. test/e2e/player.test.ts covers the island's
 * outage and recovery on a fixture page; this one proves the pieces fit on the real page.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/core/staff.js';
import { buildClient } from '../../scripts/build-client.mjs';
import { ffmpegAvailable, startHlsStream } from '../helpers/hls-stream.js';
import type { HlsTestStream } from '../helpers/hls-stream.js';
import { axeViolations } from './axe.js';
import { chromiumAvailable, launchChromium } from './browser.js';
import { startSeededServer } from './seeded-server.js';
import type { SeededServer } from './seeded-server.js';

const RESULTS = 'test-results';
const BUNDLE = fileURLToPath(new URL('../../dist/public/player.js', import.meta.url));
const describeLive = chromiumAvailable && ffmpegAvailable ? describe : describe.skip;

describeLive('the live page in Chromium, on a real stream', () => {
  let stream: HlsTestStream;
  let server: SeededServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];

  const player = () => page.locator('[data-live-player]');
  const button = (name: string) => player().getByRole('button', { name, exact: true });
  /** Audio only plays through an <audio> element; video through the <video>. */
  const mediaTime = (kind: 'video' | 'audio' = 'video') => page.locator(`[data-live-player] ${kind}`).evaluate((m) => (m as HTMLMediaElement).currentTime);
  const streamRequestsSince = (since: number) => stream.requests.filter((r) => r.at >= since && (r.path.startsWith('/live/') || r.path.startsWith('/audio/'))).map((r) => r.path);

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    if (!existsSync(BUNDLE)) await buildClient();
    stream = await startHlsStream({ subtitles: false });
    server = await startSeededServer({}, async (app) => {
      const token = await app.accounts.invite({ email: 'live-desk@example.test', role: 'editor' });
      const editor: StaffUser = await app.accounts.acceptToken(token, { name: 'Live Desk', password: 'a long enough password' });
      const channels = await app.live.listChannels(editor);
      const english = channels.find((c) => c.channel.language === 'en');
      if (!english) throw new Error('the demo has no English channel');
      const c = english.channel;
      await app.live.updateChannel(editor, c.id, { name: c.name, slug: c.slug, language: c.language, masterUrl: stream.masterUrl, audioUrl: stream.audioUrl, posterMediaId: c.posterMediaId, timeZone: c.timeZone, description: c.description });
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await stream?.close();
  });

  it('shows what is on air in the header of every page', async () => {
    await page.goto(`${server.origin}/`);
    const onAir = page.locator('.on-air');
    await expect.poll(() => onAir.textContent()).toMatch(/^On air \S/);
  });

  it('plays the channel on /live, then switches to audio only, fetching only audio, within its own CSP', async () => {
    await page.goto(`${server.origin}/live`);
    await player().and(page.locator('[data-enhanced="true"]')).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(ld.some((s) => s.includes('"BroadcastEvent"'))).toBe(true);

    await button('Play').click();
    await expect.poll(() => mediaTime()).toBeGreaterThan(0.5);
    const from = await mediaTime();
    await expect.poll(() => mediaTime()).toBeGreaterThan(from + 1.5);
    expect(streamRequestsSince(0).some((p) => /^\/live\/v[01]\/seg_\d+\.ts$/.test(p))).toBe(true);
    await page.screenshot({ path: `${RESULTS}/live-page-video.png` });

    await button('Audio only').click();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const since = Date.now();
    await expect.poll(() => streamRequestsSince(since).filter((p) => p.endsWith('.ts')).length, { timeout: 15_000 }).toBeGreaterThan(1);
    expect(streamRequestsSince(since).filter((p) => !p.startsWith('/audio/'))).toEqual([]);
    const audioFrom = await mediaTime('audio');
    await expect.poll(() => mediaTime('audio')).toBeGreaterThan(audioFrom + 1);
    expect(new URL(page.url()).searchParams.get('audio')).toBe('1');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${RESULTS}/live-page-audio.png` });
    expect(cspViolations).toEqual([]);
  });

  it('serves the Spanish channel on /es/live, in Spanish', async () => {
    await page.goto(`${server.origin}/es/live`);
    await player().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expect.poll(() => page.locator('[data-enhanced="true"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Solo audio', exact: true }).count()).toBe(1);
  });
});
