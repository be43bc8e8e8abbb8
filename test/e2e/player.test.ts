/**
 * The live player island in Chromium against a real live HLS stream that ffmpeg makes during
 * the run (test/helpers/hls-stream.ts): two video renditions with subtitles, plus a separate
 * audio-only stream. A fixture page carries exactly the DOM contract of docs/live-player.md
 * and the bundle the site serves (dist/public/player.js, built by test/global-setup.ts).
 *
 * It proves: playback starts and media time advances; "Audio only" makes the player fetch
 * only the audio stream from then on (the server's request log), time keeps advancing and the
 * bandwidth saved is shown; when the stream goes down the status region says so, and when it
 * comes back playback resumes by itself without a reload; the choice survives a reload; the
 * keyboard works; and axe-core finds no WCAG 2.2 A/AA violation. Screenshots go to
 * test-results/. The player's pure parts (playlist parsing, the saving sentence, backoff,
 * messages) are checked first, without a browser.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savingText } from '../../client/player/bandwidth.js';
import { PLAYER_MESSAGES_EN, PLAYER_MESSAGES_ES, resolveMessages } from '../../client/player/messages.js';
import { audioFallback, parseMaster, videoBitrates } from '../../client/player/playlist.js';
import { Backoff } from '../../client/player/recovery.js';
import { buildClient } from '../../scripts/build-client.mjs';
import { ffmpegAvailable, startHlsStream } from '../helpers/hls-stream.js';
import type { HlsTestStream } from '../helpers/hls-stream.js';
import { axeViolations } from './axe.js';
import { chromiumAvailable, launchChromium } from './browser.js';

const RESULTS = 'test-results';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = `${ROOT}dist/public/player.js`;
const describeStream = chromiumAvailable && ffmpegAvailable ? describe : describe.skip;

/** The stream is down: hls.js's own short retries or the 8 s stall watchdog, then the message. */
const OUTAGE_TIMEOUT = 25_000;
/** Backed-off retries (at most 16 s apart by then) until the restarted stream plays. */
const RECOVERY_TIMEOUT = 40_000;
/** After a switch, requests already in flight may still land; then only the new stream. */
const SETTLE_MS = 1_500;

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const svg = (label: string, colour: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"><rect width="640" height="360" fill="${colour}"/><text x="320" y="190" font-size="40" text-anchor="middle" fill="#fff">${label}</text></svg>`;

/** Exactly the server-side contract (docs/live-player.md). */
function fixturePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live TV - Newsdesk player fixture</title>
<link rel="stylesheet" href="/site.css">
</head>
<body>
<main id="main">
<h1>Live TV</h1>
<div class="live-player" data-live-player
     data-master="/live/master.m3u8"
     data-audio="/audio/index.m3u8"
     data-title="The Evening Bulletin" data-channel="Newsdesk 24"
     data-artwork="/artwork.svg"
     data-start=""
     data-messages='${attribute(JSON.stringify(PLAYER_MESSAGES_EN))}'>
  <video class="live-video" poster="/poster.svg" playsinline preload="none"></video>
  <p class="live-noscript">The live stream needs JavaScript. <a href="/live/master.m3u8">Open the stream</a> in a player.</p>
</div>
</main>
<script type="module" src="/player.js"></script>
</body>
</html>`;
}

const MASTER = `#EXTM3U
#EXT-X-VERSION:6
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="English",DEFAULT=YES,URI="alt/en.m3u8"
#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",DEFAULT=YES,URI="v0/index_vtt.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=1200000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2",SUBTITLES="subs"
v0/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=400400,RESOLUTION=320x180,CODECS="avc1.42c00d,mp4a.40.2"
v1/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=70000,CODECS="mp4a.40.2"
audio/index.m3u8
`;

describe('the live player without a browser', () => {
  it('reads a master playlist: renditions, and the audio-only fallback', () => {
    const master = parseMaster(MASTER, 'https://cdn.example/live/master.m3u8');
    expect(videoBitrates(master)).toEqual([400_400, 1_200_000]);
    // An audio-only variant first; else the master's default alternative audio; else none.
    expect(audioFallback(master)).toBe('https://cdn.example/live/audio/index.m3u8');
    const withoutVariant = parseMaster(MASTER.replace(/#EXT-X-STREAM-INF:BANDWIDTH=70000.*\naudio\/index.m3u8\n/, ''), 'https://cdn.example/live/master.m3u8');
    expect(audioFallback(withoutVariant)).toBe('https://cdn.example/live/alt/en.m3u8');
    const videoOnly = parseMaster(MASTER.split('\n').filter((line) => !line.startsWith('#EXT-X-MEDIA:TYPE=AUDIO')).join('\n').replace(/#EXT-X-STREAM-INF:BANDWIDTH=70000.*\naudio\/index.m3u8\n/, ''), 'https://cdn.example/live/master.m3u8');
    expect(audioFallback(videoOnly)).toBeNull();
  });

  it('says how much audio only saves, in the page language, never rounding the saving up', () => {
    const nbsp = (text: string | null) => text?.replace(/\u00a0/g, ' ');
    expect(savingText(64_000, 1_234_000, 'en', PLAYER_MESSAGES_EN)).toBe('Audio only: about 64 kb/s instead of 1.2 Mb/s (94% less data)');
    expect(nbsp(savingText(58_000, 400_400, 'es', PLAYER_MESSAGES_ES))).toBe('Solo audio: unos 58 kb/s en lugar de 400 kb/s (85 % menos de datos)');
    expect(savingText(null, 400_400, 'en', PLAYER_MESSAGES_EN)).toBeNull();
    expect(savingText(500_000, 400_400, 'en', PLAYER_MESSAGES_EN)).toBeNull();
  });

  it('backs off from 1 s, doubling to a 30 s cap, with jitter in the upper half of each step', () => {
    const steps = (random: number) => {
      const backoff = new Backoff(undefined, undefined, () => random);
      return Array.from({ length: 8 }, () => backoff.next());
    };
    expect(steps(0.999_999)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(steps(0)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
    const backoff = new Backoff(undefined, undefined, () => 0);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });

  it('takes localised messages from data-messages, English for anything missing or malformed', () => {
    expect(resolveMessages(JSON.stringify({ play: 'Reproducir', pause: 42, unknown: 'x' }))).toEqual({ ...PLAYER_MESSAGES_EN, play: 'Reproducir' });
    expect(resolveMessages('{not json')).toEqual(PLAYER_MESSAGES_EN);
    expect(resolveMessages(undefined)).toEqual(PLAYER_MESSAGES_EN);
    // The Spanish set translates every key and keeps every placeholder.
    const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
    expect(Object.keys(PLAYER_MESSAGES_ES).sort()).toEqual(Object.keys(PLAYER_MESSAGES_EN).sort());
    for (const [key, english] of Object.entries(PLAYER_MESSAGES_EN)) {
      expect(placeholders(PLAYER_MESSAGES_ES[key as keyof typeof PLAYER_MESSAGES_EN]), key).toEqual(placeholders(english));
    }
  });
});

describeStream('the live player in Chromium', () => {
  let stream: HlsTestStream;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const player = () => page.locator('[data-live-player]');
  const status = () => page.locator('[data-live-player] [role="status"]');
  const button = (name: string) => player().getByRole('button', { name, exact: true });
  const mediaTime = (kind: 'video' | 'audio') => page.locator(`[data-live-player] ${kind}`).evaluate((media) => (media as HTMLMediaElement).currentTime);

  /** Waits until `kind`'s media time has moved on by more than `seconds`. */
  async function advances(kind: 'video' | 'audio', seconds = 1.5, timeout?: number): Promise<void> {
    const from = await mediaTime(kind);
    await expect.poll(() => mediaTime(kind), { timeout }).toBeGreaterThan(from + seconds);
  }

  /** Paths the page fetched from the stream since `since` (Date.now()). */
  const streamRequestsSince = (since: number) => stream.requests.filter((r) => r.at >= since && (r.path.startsWith('/live/') || r.path.startsWith('/audio/'))).map((r) => r.path);

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    // test/global-setup.ts builds every island before the suites; build here only if that
    // did not happen (the file run on its own through another runner).
    if (!existsSync(BUNDLE)) await buildClient();
    stream = await startHlsStream({
      routes: {
        '/fixture.html': { type: 'text/html; charset=utf-8', body: fixturePage },
        '/player.js': { type: 'text/javascript; charset=utf-8', body: () => readFile(BUNDLE) },
        '/site.css': { type: 'text/css; charset=utf-8', body: () => readFile(`${ROOT}public/site.css`) },
        '/poster.svg': { type: 'image/svg+xml', body: () => svg('Newsdesk 24 live', '#2f4a6b') },
        '/artwork.svg': { type: 'image/svg+xml', body: () => svg('Evening Bulletin', '#8a4b00') },
      },
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await stream?.close();
  });

  it('starts the live stream, with captions on offer, and meets WCAG 2.2 AA', async () => {
    await page.goto(`${stream.origin}/fixture.html`);
    await player().and(page.locator('[data-enhanced="true"]')).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Nothing is fetched before the reader presses Play (preload="none").
    expect(streamRequestsSince(0)).toEqual([]);

    await button('Play').click();
    await expect.poll(() => mediaTime('video')).toBeGreaterThan(0.5);
    await advances('video');
    await expect.poll(() => button('Pause').isVisible()).toBe(true);
    expect(streamRequestsSince(0).some((p) => /^\/live\/v[01]\/seg_\d+\.ts$/.test(p))).toBe(true);

    // The master carries a WebVTT rendition: the captions toggle appears and works.
    await expect.poll(() => button('Captions').isVisible()).toBe(true);
    await button('Captions').click();
    await expect.poll(() => button('Captions').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => page.locator('[data-live-player] video').evaluate((v) => Array.from((v as HTMLVideoElement).textTracks).some((t) => t.mode === 'showing')))
      .toBe(true);
    await button('Captions').click();
    await expect.poll(() => button('Captions').getAttribute('aria-pressed')).toBe('false');

    // Keyboard, with focus in the player: M mutes.
    await button('Pause').focus();
    await page.keyboard.press('m');
    await expect.poll(() => button('Mute').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('m');
    await expect.poll(() => button('Mute').getAttribute('aria-pressed')).toBe('false');
    await page.screenshot({ path: `${RESULTS}/player-video.png` });
    // Dark mode has its own colours: still AA while playing, with toggles pressed.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('switches to audio only: only the audio stream is fetched from then on, time advances, the saving is shown', async () => {
    await button('Audio only').click();
    await expect.poll(() => button('Audio only').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('[data-live-player] video').isVisible()).toBe(false);
    await expect.poll(() => player().locator('.player-audio-bar').isVisible()).toBe(true);
    await expect.poll(() => player().locator('.player-audio-title').textContent()).toBe('The Evening Bulletin');
    expect(new URL(page.url()).searchParams.get('audio')).toBe('1');

    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const since = Date.now();
    await expect.poll(() => mediaTime('audio')).toBeGreaterThan(0.5);
    await advances('audio', 3);
    const fetched = streamRequestsSince(since);
    expect(fetched.filter((p) => !p.startsWith('/audio/'))).toEqual([]);
    expect(fetched.some((p) => /^\/audio\/seg_\d+\.ts$/.test(p))).toBe(true);
    expect(fetched).toContain('/audio/index.m3u8');

    await expect
      .poll(() => player().locator('.player-saving').textContent())
      .toMatch(/^Audio only: about [\d.,]+ kb\/s instead of [\d.,]+ [kM]b\/s \(\d+% less data\)$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${RESULTS}/player-audio.png` });
  });

  it('says so when the stream goes down, and recovers by itself when it comes back', async () => {
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await stream.stop();
    await expect.poll(() => status().textContent(), { timeout: OUTAGE_TIMEOUT }).toContain('The live stream is unavailable right now. Retrying in');
    await page.screenshot({ path: `${RESULTS}/player-unavailable.png` });

    const restarted = Date.now();
    await stream.restart();
    await expect.poll(() => status().textContent(), { timeout: RECOVERY_TIMEOUT }).not.toContain('unavailable');
    await advances('audio', 1.5);
    // Still the same document: no reload, and still audio only.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(streamRequestsSince(restarted).filter((p) => !p.startsWith('/audio/'))).toEqual([]);
  });

  it('remembers audio only after a reload, and switching back restores the video', async () => {
    const since = Date.now();
    await page.goto(`${stream.origin}/fixture.html`);
    await player().and(page.locator('[data-enhanced="true"]')).waitFor();
    await expect.poll(() => button('Audio only').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => player().locator('.player-audio-bar').isVisible()).toBe(true);

    await button('Play').click();
    await expect.poll(() => mediaTime('audio')).toBeGreaterThan(1);
    expect(streamRequestsSince(since).filter((p) => !p.startsWith('/audio/'))).toEqual([]);

    await button('Audio only').click();
    await expect.poll(() => button('Audio only').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.locator('[data-live-player] video').isVisible()).toBe(true);
    await expect.poll(() => mediaTime('video')).toBeGreaterThan(0.5);
    await advances('video');
    expect(new URL(page.url()).searchParams.has('audio')).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
