/**
 * A story's lead video in Chromium (issue 5). The demo seed makes a real MP4 with ffmpeg
 * while the test runs (seed/demo/lead-video.ts: 5 s of testsrc2 at 320x180 with a tone) and
 * the app serves it itself (/media/video/<key>.mp4, byte ranges). The reader sees the poster,
 * presses play (Space on the focused player) on the muted video, and media time advances; axe-core finds no WCAG 2.2 A/AA
 * violation on the page. Skipped only where Chromium or ffmpeg is missing and CI is not set.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/slugs.js';
import { DEMO_VIDEO_CAPTION, DEMO_VIDEO_HEADLINE } from '../../src/seed/demo/lead-video.js';
import { ffmpegAvailable } from '../helpers/hls-stream.js';
import { axeViolations } from './axe.js';
import { chromiumAvailable, launchChromium } from './browser.js';
import { startSeededServer } from './seeded-server.js';
import type { SeededServer } from './seeded-server.js';

const RESULTS = 'test-results';
const PATH = `/news/latin-america/${slugify(DEMO_VIDEO_HEADLINE)}`;
const describeVideo = chromiumAvailable && ffmpegAvailable ? describe : describe.skip;

describeVideo('a lead video in Chromium', () => {
  let server: SeededServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    server = await startSeededServer();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('plays the demo story’s MP4 after the reader presses play, and passes axe', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const res = await page.goto(`${server.origin}${PATH}`);
    expect(res?.status()).toBe(200);
    const video = page.locator('figure.lead-video video');
    await expect(video.count()).resolves.toBe(1);
    await expect(page.locator('figure.lead-video figcaption').textContent()).resolves.toContain(DEMO_VIDEO_CAPTION);
    const src = await page.locator('figure.lead-video source').getAttribute('src');
    expect(src).toMatch(/^\/media\/video\/[a-f0-9]{32}\.mp4$/);
    // preload="none": nothing of the file is fetched before play, only the poster shows.
    expect(await video.evaluate((v: HTMLVideoElement) => ({ state: v.readyState, poster: v.poster }))).toMatchObject({ state: 0, poster: expect.stringMatching(/\/media\/[a-f0-9]{32}\/\d+\.jpeg$/) as unknown });
    expect(await video.evaluate((v: HTMLVideoElement) => v.canPlayType('video/mp4; codecs="avc1.42E01E, mp4a.40.2"'))).not.toBe('');

    await page.screenshot({ path: `${RESULTS}/lead-video-poster.png` });
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
    });
    await video.scrollIntoViewIfNeeded();
    // The reader presses play with the keyboard: Space on the focused <video controls> (a
    // real user gesture; headless Chromium's native control bar takes no synthetic clicks).
    await video.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('figure.lead-video video');
      return v !== null && !v.paused && v.currentTime > 0.5;
    }, undefined, { timeout: 20_000 });
    const state = await video.evaluate((v: HTMLVideoElement) => ({ time: v.currentTime, width: v.videoWidth, height: v.videoHeight, error: v.error?.code ?? null }));
    expect(state).toMatchObject({ width: 320, height: 180, error: null });
    expect(state.time).toBeGreaterThan(0.5);
    await page.screenshot({ path: `${RESULTS}/lead-video-playing.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
