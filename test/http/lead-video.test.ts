/**
 * Lead videos (issue 5) over HTTP, on every database: the newsroom sets an MP4 or HLS video
 * as a story's lead media (its address checked against a local server: a warning, never a
 * refusal), bad input is refused with the form kept, and readers get a <video> with poster,
 * caption and credit instead of the photo, og:video and a VideoObject, a
 * Content-Security-Policy widened for that page only (also when the fast lane replays it),
 * a text line on the lite page and the poster in feeds. Removing the video brings the photo
 * back at once. Same-origin video files are served with byte ranges.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaAsset } from '../../src/core/media.js';
import type { Section } from '../../src/core/sections.js';
import { slugify } from '../../src/core/slugs.js';
import { isoDuration, videoFilePath, videoKindOf, videoUrlProblem } from '../../src/core/videos.js';
import { mediaKeyFor } from '../../src/media/store.js';
import { parseRange } from '../../src/site/video-files.js';
import { startTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import type { Browserish } from '../helpers/staff.js';
import { signedIn } from '../helpers/staff.js';

type Ld = Record<string, unknown>;
const jsonLd = (html: string): Ld[] => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}') as Ld);
const meta = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1];
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

const HLS_MASTER = '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"\n360p/index.m3u8\n';

describe('lead video rules', () => {
  it('accepts https, loopback http and site paths, and names the kind by extension', () => {
    expect(videoUrlProblem('https://cdn.example.org/a.mp4')).toBeUndefined();
    expect(videoUrlProblem('http://127.0.0.1:8080/a.m3u8')).toBeUndefined();
    expect(videoUrlProblem('http://localhost/a.m3u8')).toBeUndefined();
    expect(videoUrlProblem('/media/video/abc.mp4')).toBeUndefined();
    expect(videoUrlProblem('http://cdn.example.org/a.mp4')).toMatch(/https/);
    expect(videoUrlProblem('ftp://cdn.example.org/a.mp4')).toMatch(/not allowed/);
    expect(videoUrlProblem('javascript:alert(1)//.mp4')).toMatch(/not allowed/);
    expect(videoUrlProblem('//cdn.example.org/a.mp4')).toMatch(/protocol-relative/);
    expect(videoKindOf('https://x/a/master.M3U8?token=1')).toBe('hls');
    expect(videoKindOf('https://x/a/clip.mp4#t=3')).toBe('mp4');
    expect(videoKindOf('https://x/a/clip.avi')).toBeUndefined();
    expect(isoDuration(65)).toBe('PT1M5S');
    expect(isoDuration(3600)).toBe('PT1H');
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('items=0-1', 1000)).toBe('invalid');
  });
});

describe.each(DIALECTS)('lead video on %s', (dialect) => {
  let t: TestApp;
  let editor: Browserish;
  let section: Section;
  let photo: MediaAsset;
  let poster: MediaAsset;
  let files: Server;
  let filesOrigin = '';
  let storyId = 0;
  const headline = 'Ferries stranded as the river falls';
  const path = `/news/${slugify(headline)}`;
  const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:document'] });
  const fragmentValidator = new HtmlValidate({ extends: ['html-validate:standard'] });

  const get = (url: string) => t.app.server.inject({ method: 'GET', url });
  const versionOf = (html: string) => /<input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
  const form = (extra: Record<string, string>) => ({ headline, standfirst: 'Cargo boats run half-loaded.', sectionId: String(section.id), label: 'news', body: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The river is at its lowest.' }] }] }), tags: '', leadMediaId: String(photo.id), ...extra });
  const video = (url: string, extra: Record<string, string> = {}) => ({ leadVideoUrl: url, leadVideoPosterId: String(poster.id), leadVideoCaption: 'Boats wait at the dry harbour', leadVideoCredit: 'Video: River Desk', ...extra });

  async function save(extra: Record<string, string>) {
    const page = await editor.get(`/admin/articles/${storyId}`);
    return editor.post(`/admin/articles/${storyId}`, form({ action: 'save', version: versionOf(page.body), ...extra }));
  }

  async function validHtml(html: string, name: string) {
    const report = await validator.validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`)), name).toEqual([]);
  }

  /** The newsroom form's own markup predates this issue: check the video fieldset itself. */
  async function validFieldset(html: string, name: string) {
    const fieldset = /<fieldset class="lead-video-fields"[\s\S]*?<\/fieldset>/.exec(html)?.[0] ?? '';
    expect(fieldset, name).not.toBe('');
    const report = await fragmentValidator.validateString(`<form>${fieldset}</form>`);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), name).toEqual([]);
  }

  const videoRows = async () => (await t.tdb.db.kysely.selectFrom('videos').select(['id', 'url']).execute()).length;

  beforeAll(async () => {
    files = createServer((req, res) => {
      if (req.url === '/clips/river.mp4') res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '10' }).end(req.method === 'HEAD' ? undefined : '0123456789');
      else if (req.url === '/vod/master.m3u8') res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' }).end(HLS_MASTER);
      else if (req.url === '/clips/page.mp4') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Not a video</title>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesOrigin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    t = await startTestApp(dialect, { SITE_TIME_ZONE: 'UTC' });
    section = await t.make.section({ slug: 'news', name: 'News' });
    photo = await t.make.image({ alt: 'The harbour at low water', caption: 'Photo caption', credit: 'Photo: Harbour Agency' });
    poster = await t.make.image({ alt: 'A ferry on the mud', caption: 'Poster caption', credit: 'Poster credit' });
    editor = await signedIn(t, 'editor');
    const created = await editor.post('/admin/articles', form({}));
    expect(created.statusCode, created.body.slice(0, 400)).toBe(303);
    storyId = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))?.[1]);
    const published = await save({ action: 'publish' });
    expect(published.statusCode, published.body.slice(0, 400)).toBe(200);
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => files?.close(resolve));
  });

  it('shows the lead photo before any video is set, with the site policy', async () => {
    const res = await get(path);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<figure class="lead-media"><picture>');
    expect(res.body).not.toContain('<video');
    expect(String(res.headers['content-security-policy'])).not.toContain('media-src');
    // The story form offers the fieldset, empty.
    const page = await editor.get(`/admin/articles/${storyId}`);
    expect(page.body).toContain('<legend>Lead video</legend>');
    expect(page.body).toMatch(/<input id="leadVideoUrl" name="leadVideoUrl"[^>]*value\/>/);
    await validFieldset(page.body, 'story form');
  });

  it('sets an MP4 lead video: the page shows it with poster, caption and credit, og:video and a VideoObject', async () => {
    const url = 'https://media.example.test/clips/river.mp4';
    const res = await save(video(url));
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    // media.example.test does not resolve: saved anyway, with a warning for the editor.
    expect(res.body).toContain('Saved, but check the lead video');
    expect(res.body).toContain(`value="${url}"`);
    expect(await videoRows()).toBe(1);

    const page = await get(path);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    const posterUrl = `/media/${poster.key}/1024.jpeg`;
    expect(html).toContain(`<figure class="lead-media lead-video"><video controls playsinline preload="none" poster="${posterUrl}" width="1024" height="576" aria-label="Boats wait at the dry harbour">`);
    expect(html).toContain(`<source src="${url}" type="video/mp4"/>`);
    expect(html).toMatch(/<figcaption>Boats wait at the dry harbour<span class="credit"> Video: River Desk<\/span><\/figcaption>/);
    expect(html).not.toContain('<figure class="lead-media"><picture>');
    expect(html).not.toContain('data-hls-src');
    expect(html).not.toContain('video.js');
    // Social: the poster is the card; og:video names the file.
    expect(meta(html, 'og:image')).toBe(`https://news.example.test${posterUrl}`);
    expect(meta(html, 'og:video')).toBe(url);
    expect(meta(html, 'og:video:secure_url')).toBe(url);
    expect(meta(html, 'og:video:type')).toBe('video/mp4');
    const article = jsonLd(html).find((d) => d['@type'] === 'NewsArticle');
    expect(article?.video).toMatchObject({ '@type': 'VideoObject', name: 'Boats wait at the dry harbour', description: 'Cargo boats run half-loaded.', thumbnailUrl: [`https://news.example.test${posterUrl}`], contentUrl: url, encodingFormat: 'video/mp4' });
    expect(typeof (article?.video as Ld).uploadDate).toBe('string');
    await validHtml(html, 'story with MP4');

    // The policy admits the video's origin on this page only.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("media-src 'self' https://media.example.test");
    expect(csp).toContain("default-src 'self'");
    expect(String((await get('/')).headers['content-security-policy'])).not.toContain('media-src');
    expect(String((await get('/news')).headers['content-security-policy'])).not.toContain('media-src');
  });

  it('checks the address: an answering MP4 saves without a warning, an HTML page with one', async () => {
    const ok = await save(video(`${filesOrigin}/clips/river.mp4`));
    expect(ok.statusCode).toBe(200);
    expect(ok.body).not.toContain('check the lead video');
    const html = await save(video(`${filesOrigin}/clips/page.mp4`));
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('not video/mp4');
    expect(await videoRows()).toBe(1);
  });

  it('refuses a bad address or a missing poster, keeps what was typed, and writes nothing', async () => {
    const before = await t.tdb.db.kysely.selectFrom('videos').selectAll().executeTakeFirstOrThrow();
    for (const [url, message] of [
      ['ftp://media.example.test/river.mp4', 'leadVideo.url: &quot;ftp:&quot; addresses are not allowed'],
      ['http://media.example.test/river.mp4', 'leadVideo.url: use https://'],
      ['https://media.example.test/river.avi', 'leadVideo.url: the address must end in .m3u8 (HLS) or .mp4 (MP4)'],
    ] as const) {
      const res = await save(video(url, { leadVideoCaption: 'Typed caption kept', headline: `${headline} (edited)` }));
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain(message);
      expect(res.body, url).toContain(`value="${url}"`);
      expect(res.body, url).toContain('value="Typed caption kept"');
      expect(res.body, url).toContain(`value="${headline} (edited)"`);
      // Also next to the fieldset.
      expect(res.body, url).toContain('<ul class="field-errors" id="lead-video-errors">');
      await validFieldset(res.body, `refused ${url}`);
    }
    const noPoster = await save(video('https://media.example.test/river.mp4', { leadVideoPosterId: '' }));
    expect(noPoster.statusCode).toBe(400);
    expect(noPoster.body).toContain('leadVideo.posterMediaId: choose a poster image');
    expect(noPoster.body).toContain('value="https://media.example.test/river.mp4"');
    const gone = await save(video('https://media.example.test/river.mp4', { leadVideoPosterId: '999999' }));
    expect(gone.statusCode).toBe(400);
    expect(gone.body).toContain('image 999999 is not in the media library');
    // Nothing half-saved: the story and its video are as before.
    expect(await t.tdb.db.kysely.selectFrom('videos').selectAll().executeTakeFirstOrThrow()).toEqual(before);
    expect((await t.tdb.db.kysely.selectFrom('articles').select('headline').where('id', '=', storyId).executeTakeFirstOrThrow()).headline).toBe(headline);
  });

  it('switches to HLS: the cached page refreshes, with the hls.js island and a policy for the stream', async () => {
    await get(path);
    expect((await get(path)).headers['x-cache']).toBe('HIT');
    const url = `${filesOrigin}/vod/master.m3u8`;
    const res = await save(video(url, { leadVideoCaption: 'The harbour, live from the pier' }));
    expect(res.statusCode).toBe(200);
    // The live channels' HLS check passed: no warning.
    expect(res.body).not.toContain('check the lead video');
    const page = await get(path);
    expect(page.headers['x-cache']).toBe('MISS');
    const html = page.body;
    expect(html).toContain(`data-hls-src="${url}"`);
    expect(html).toContain(`<source src="${url}" type="application/vnd.apple.mpegurl"/>`);
    expect(html).toMatch(/<script type="module" src="\/assets\/video\.[^"]+\.js" integrity="sha384-[^"]+"/);
    expect(html).toContain('The harbour, live from the pier');
    expect(meta(html, 'og:video:type')).toBe('application/vnd.apple.mpegurl');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`media-src 'self' blob: ${filesOrigin}`);
    expect(csp).toContain(`connect-src 'self' ${filesOrigin}`);
    await validHtml(html, 'story with HLS');
    expect(await videoRows()).toBe(1);
  });

  it('replays the page policy from the fast lane', async () => {
    await t.app.server.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${address.port}`;
    const first = await fetch(`${origin}${path}`);
    await first.text();
    const second = await fetch(`${origin}${path}`);
    await second.text();
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('content-security-policy')).toContain(`media-src 'self' blob: ${filesOrigin}`);
    const home = await fetch(`${origin}/`);
    await home.text();
    expect((await fetch(`${origin}/`)).headers.get('content-security-policy')).not.toContain('media-src');
  });

  it('puts a text line on the lite page and the poster in feeds', async () => {
    const lite = await get(`/lite${path}`);
    expect(lite.statusCode).toBe(200);
    expect(lite.body).not.toContain('<video');
    expect(unescape(lite.body)).toContain(`Video: The harbour, live from the pier. <a href="${path}">Watch it on the full page</a>.`);
    const rss = await get('/feeds/rss.xml');
    expect(rss.statusCode).toBe(200);
    expect(rss.body).toContain(`/media/${poster.key}/1024.jpeg`);
    expect(rss.body).not.toContain(`/media/${photo.key}/1024.jpeg`);
  });

  it('removes the video when the address is cleared: the photo comes back at once', async () => {
    const res = await save({ leadVideoUrl: '', leadVideoPosterId: String(poster.id), leadVideoCaption: '', leadVideoCredit: '' });
    expect(res.statusCode).toBe(200);
    expect(await videoRows()).toBe(0);
    const page = await get(path);
    expect(page.headers['x-cache']).toBe('MISS');
    expect(page.body).toContain('<figure class="lead-media"><picture>');
    expect(page.body).not.toContain('<video');
    expect(meta(page.body, 'og:video')).toBeUndefined();
    expect(meta(page.body, 'og:image')).toContain(photo.key);
    expect(String(page.headers['content-security-policy'])).not.toContain('media-src');
    // A form without the fieldset (an older client) leaves the video alone.
    await save(video('https://media.example.test/clips/river.mp4'));
    expect(await videoRows()).toBe(1);
    const page2 = await editor.get(`/admin/articles/${storyId}`);
    const { leadVideoUrl: _u, leadVideoPosterId: _p, leadVideoCaption: _c, leadVideoCredit: _r, ...plain } = { ...form({ action: 'save', version: versionOf(page2.body) }), leadVideoUrl: '', leadVideoPosterId: '', leadVideoCaption: '', leadVideoCredit: '' };
    expect((await editor.post(`/admin/articles/${storyId}`, plain)).statusCode).toBe(200);
    expect(await videoRows()).toBe(1);
    await save({ leadVideoUrl: '' });
    expect(await videoRows()).toBe(0);
  });

  it('creates a story with a lead video from the new-story form', async () => {
    const res = await editor.post('/admin/articles', { ...form({ headline: 'A story born with a video' }), ...video('https://media.example.test/new.mp4') });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(String(res.headers.location))?.[1]);
    const page = await editor.get(`/admin/articles/${id}`);
    expect(page.body).toContain('value="https://media.example.test/new.mp4"');
    const refused = await editor.post('/admin/articles', { ...form({ headline: 'Refused story' }), ...video('ftp://x/new.mp4') });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('value="ftp://x/new.mp4"');
    expect(await t.tdb.db.kysely.selectFrom('articles').select('id').where('headline', '=', 'Refused story').executeTakeFirst()).toBeUndefined();
    await editor.post(`/admin/articles/${id}`, form({ headline: 'A story born with a video', action: 'save', version: versionOf(page.body), leadVideoUrl: '' }));
  });

  it('serves a same-origin video file with byte ranges, and nothing it does not know', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    const key = mediaKeyFor(bytes);
    await t.app.media.put(key, bytes);
    const url = videoFilePath(key);
    expect((await get(url)).statusCode).toBe(404);
    const res = await save(video(url));
    expect(res.statusCode).toBe(200);
    const whole = await get(url);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.equals(bytes)).toBe(true);
    const part = await t.app.server.inject({ method: 'GET', url, headers: { range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/1000');
    expect(part.rawPayload.equals(bytes.subarray(100, 200))).toBe(true);
    const beyond = await t.app.server.inject({ method: 'GET', url, headers: { range: 'bytes=5000-' } });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */1000');
    // A same-origin MP4 needs no wider policy.
    expect(String((await get(path)).headers['content-security-policy'])).not.toContain('media-src');
    expect((await get(`/media/video/${'0'.repeat(32)}.mp4`)).statusCode).toBe(404);
    expect((await get('/media/video/../../etc/passwd')).statusCode).toBe(404);
    await save({ leadVideoUrl: '' });
  });
});
