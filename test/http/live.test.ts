/**
 * Live TV over HTTP, on every database: editors configure channels (their stream URLs
 * checked against a real local HTTP server: a master playlist with two renditions, an HTML
 * page, a closed port), programmes and the schedule in /admin/live; readers get /live with
 * the player's DOM, on now and up next for a fixed clock (across midnight too) and a
 * BroadcastEvent, /es/live with the Spanish channel, the week at /schedule, programme pages
 * with their stories, and XMLTV at /schedule.xml. Pages are valid HTML5, newsroom edits
 * clear the cached pages at once, and only editors and admins reach the newsroom screens.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandSchedule, weeklyClash } from '../../src/core/schedule.js';
import type { MailMessage } from '../../src/services/mail.js';
import { seedDemoLive } from '../../src/seed/demo-live.js';
import { LiveRepository } from '../../src/storage/repositories/live.js';
import { startTestApp, TEST_ORIGIN } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS, createTestDatabase } from '../helpers/databases.js';
import { anonymous, signedUpReader } from '../helpers/readers.js';
import type { Browserish } from '../helpers/staff.js';
import { signedIn } from '../helpers/staff.js';

const MASTER = [
  '#EXTM3U',
  '#EXT-X-VERSION:3',
  '#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"',
  '720p/index.m3u8',
  '#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"',
  '360p/index.m3u8',
  '',
].join('\n');
const AUDIO = '#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:1\n#EXTINF:6.0,\nseg1.aac\n';

/** Monday 30 November 2026, 09:30 in Caracas (UTC-4 all year). */
const MONDAY_0930 = new Date('2026-11-30T13:30:00Z');

type Ld = Record<string, unknown>;
const jsonLd = (html: string): Ld[] => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}') as Ld);
const section = (html: string, id: string) => new RegExp(`<section class="live-airing" aria-labelledby="${id}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';

describe.each(DIALECTS)('live TV on %s', (dialect) => {
  let t: TestApp;
  let clock = MONDAY_0930;
  const mail: MailMessage[] = [];
  let streams: Server;
  let streamBase = '';
  let closedPort = 0;
  let editor: Browserish;
  let author: Browserish;
  let channelId = 0;
  const programmeIds = new Map<string, number>();

  const get = (url: string) => t.app.server.inject({ method: 'GET', url });

  const channelForm = (extra: Record<string, string> = {}) => ({
    name: 'Newsdesk TV Test',
    slug: '',
    language: 'en',
    masterUrl: `${streamBase}/good/master.m3u8`,
    audioUrl: `${streamBase}/good/audio.m3u8`,
    posterMediaId: '',
    timeZone: 'America/Caracas',
    description: 'The test channel.',
    ...extra,
  });

  async function createChannel(by: Browserish, form: Record<string, string>): Promise<number> {
    const res = await by.post('/admin/live/channels', form);
    expect(res.statusCode, res.body.slice(0, 1500)).toBe(303);
    const id = /^\/admin\/live\/channels\/(\d+)\?notice=created$/.exec(String(res.headers.location))?.[1];
    expect(id).toBeDefined();
    return Number(id);
  }

  async function addProgramme(by: Browserish, channel: number, title: string, description = ''): Promise<number> {
    const res = await by.post(`/admin/live/channels/${channel}/programmes`, { title, slug: '', description, artworkMediaId: '' });
    expect(res.statusCode, res.body.slice(0, 1500)).toBe(303);
    const id = Number(/^\/admin\/live\/programmes\/(\d+)/.exec(String(res.headers.location))?.[1]);
    programmeIds.set(title, id);
    return id;
  }

  async function addSlot(by: Browserish, channel: number, programmeId: number, weekdays: number[], start: string, durationMinutes: number, extra: Record<string, string> = {}) {
    return by.post(`/admin/live/channels/${channel}/slots`, { programmeId: String(programmeId), weekday: weekdays.map(String), start, durationMinutes: String(durationMinutes), validFrom: '', validUntil: '', ...extra });
  }

  beforeAll(async () => {
    streams = createServer((req, res) => {
      if (req.url === '/good/master.m3u8') return res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' }).end(MASTER);
      if (req.url === '/good/audio.m3u8') return res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' }).end(AUDIO);
      if (req.url === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Welcome</body></html>');
      return res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => streams.listen(0, '127.0.0.1', resolve));
    streamBase = `http://127.0.0.1:${(streams.address() as AddressInfo).port}`;
    // A port nobody listens on: opened, noted, closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    t = await startTestApp(dialect, { SITE_TIME_ZONE: 'UTC' }, { now: () => clock, mailer: { send: (m) => Promise.resolve(void mail.push(m)) } });
    editor = await signedIn(t, 'editor');
    author = await signedIn(t, 'author');
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => (streams ? streams.close(() => resolve()) : resolve()));
  });

  it('says the edition is off air while no channel is configured', async () => {
    const res = await get('/es/live');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain('El canal no está emitiendo en este momento.');
    expect(res.body).not.toContain('data-live-player');
    expect((await get('/schedule')).body).toContain('No schedule is published yet.');
  });

  it('creates a channel whose master playlist answers with 2 renditions, and shows the check', async () => {
    channelId = await createChannel(editor, channelForm());
    const page = await editor.get(`/admin/live/channels/${channelId}?notice=created`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Channel created.');
    expect(page.body).toContain('Streams answer');
    expect(page.body).toContain('master playlist with 2 renditions: 1280×720 at 2.5 Mb/s, 640×360 at 800 kb/s');
    expect(page.body).toContain('audio playlist (one rendition)');
    expect(page.body).toMatch(/<input id="channel-zone" name="timeZone"[^>]*value="America\/Caracas"/);
    const list = await editor.get('/admin/live');
    expect(list.body).toContain(`<a href="/admin/live/channels/${channelId}">Newsdesk TV Test</a>`);
    expect(list.body).toContain('(primary)');
  });

  it('flags a URL answering HTML and one that does not answer, and saves the channel anyway', async () => {
    const id = await createChannel(editor, channelForm({ name: 'Off-air channel', masterUrl: `${streamBase}/html`, audioUrl: `http://127.0.0.1:${closedPort}/audio.m3u8` }));
    const page = (await editor.get(`/admin/live/channels/${id}`)).body;
    expect(page).toContain('Check the stream addresses');
    expect(page).toContain('not an HLS playlist: the answer does not start with #EXTM3U (it is an HTML page)');
    expect(page).toContain('did not answer (connection refused)');
    // A 404 is flagged too; after the fix, "check again" clears the flag.
    const saved = await editor.post(`/admin/live/channels/${id}`, channelForm({ name: 'Off-air channel', slug: 'off-air-channel', masterUrl: `${streamBase}/missing.m3u8`, audioUrl: '' }));
    expect(saved.statusCode).toBe(303);
    expect((await editor.get(`/admin/live/channels/${id}`)).body).toContain('not an HLS playlist: the server answered HTTP 404');
    // It is the second English channel: /live keeps showing the first.
    await editor.post(`/admin/live/channels/${id}/delete`, {});
    expect((await editor.get(`/admin/live/channels/${id}`)).statusCode).toBe(404);
  });

  it('refuses a bad time zone and a bad address with messages, keeping what was typed', async () => {
    const res = await editor.post('/admin/live/channels', channelForm({ name: 'Typed name', timeZone: 'Mars/Olympus_Mons', audioUrl: 'ftp://example.test/a.m3u8', description: 'Typed description.' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('time zone: &quot;Mars/Olympus_Mons&quot; is not an IANA time zone name');
    expect(res.body).toContain('audio-only URL: &quot;ftp://example.test/a.m3u8&quot; is not an http:// or https:// address');
    expect(res.body).toContain('value="Typed name"');
    expect(res.body).toContain('value="Mars/Olympus_Mons"');
    expect(res.body).toContain(`value="${streamBase}/good/master.m3u8"`);
    expect(res.body).toContain('Typed description.');
    // An offset is not a zone either; nothing was saved.
    expect((await editor.post('/admin/live/channels', channelForm({ name: 'Offset', timeZone: '+01:00' }))).statusCode).toBe(400);
    expect((await editor.get('/admin/live')).body).not.toContain('Typed name');
  });

  it('adds programmes and weekly slots, refusing an overlap with the input kept', async () => {
    const morning = await addProgramme(editor, channelId, 'Morning Bulletin', 'The news at nine.');
    const midday = await addProgramme(editor, channelId, 'Midday Report', 'Two hours at midday.');
    const late = await addProgramme(editor, channelId, 'Late Edition', 'The night’s last word.');
    await addProgramme(editor, channelId, 'Election Special', 'Results as they come in.');
    for (const [p, days, start, minutes] of [
      [morning, [1, 2, 3, 4, 5], '09:00', 60],
      [midday, [1, 2, 3, 4, 5, 6, 7], '10:00', 120],
      [late, [1], '23:00', 120],
    ] as const) {
      const res = await addSlot(editor, channelId, p, [...days], start, minutes);
      expect(res.statusCode, res.body.slice(0, 1500)).toBe(303);
    }
    // Tuesday 00:30 collides with Monday's late show, which runs to 01:00.
    const clash = await addSlot(editor, channelId, morning, [2], '00:30', 30);
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('schedule: this slot overlaps &quot;Late Edition&quot; on Tuesdays (23:00–01:00)');
    expect(clash.body).toMatch(/<input type="checkbox" name="weekday" value="2" checked/);
    expect(clash.body).toMatch(/<input id="slot-start" name="start" type="time" required value="00:30"/);
    const bad = await addSlot(editor, channelId, morning, [], '25:00', 0);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('weekdays: tick at least one day');
    expect(bad.body).toContain('start: &quot;25:00&quot; is not a time of day');
    expect(bad.body).toContain('duration: at least 1 minute');

    const schedule = (await editor.get(`/admin/live/channels/${channelId}/schedule`)).body;
    expect(schedule).toMatch(/<td>Weekdays<\/td><td>09:00<\/td><td>10:00<\/td><th scope="row">Morning Bulletin<\/th>/);
    expect(schedule).toContain('<td>23:00</td><td>01:00 (next day)</td>');
  });

  it('adds a special in the channel zone that overrides the weekly slot it overlaps', async () => {
    const special = programmeIds.get('Election Special') ?? 0;
    const res = await editor.post(`/admin/live/channels/${channelId}/specials`, { programmeId: String(special), start: '2026-11-30T11:00', durationMinutes: '30' });
    expect(res.statusCode, res.body.slice(0, 1500)).toBe(303);
    const overlap = await editor.post(`/admin/live/channels/${channelId}/specials`, { programmeId: String(special), start: '2026-11-30T11:15', durationMinutes: '30' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.body).toContain('overlaps the special &quot;Election Special&quot; on 2026-11-30 at 11:00');
    expect(overlap.body).toContain('value="2026-11-30T11:15"');
    const page = (await editor.get(`/admin/live/channels/${channelId}/schedule`)).body;
    expect(page).toContain('Mon 2026-11-30 11:00');
  });

  it('shows the player, on now and up next on /live for the fixed clock, with a BroadcastEvent', async () => {
    clock = MONDAY_0930;
    const res = await get('/live');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // The player island's DOM contract (docs/live-player.md).
    const player = /<div class="live-player" data-live-player data-master="([^"]*)" data-audio="([^"]*)" data-title="([^"]*)" data-channel="([^"]*)" data-artwork data-start data-messages="([^"]*)"><video class="live-video" playsinline preload="none"><\/video><p class="live-noscript">[\s\S]*?<\/p><\/div>/.exec(html);
    expect(player, html.slice(html.indexOf('live-player') - 20, html.indexOf('live-player') + 1500)).not.toBeNull();
    expect(player?.[1]).toBe(`${streamBase}/good/master.m3u8`);
    expect(player?.[2]).toBe(`${streamBase}/good/audio.m3u8`);
    expect(player?.[3]).toBe('Morning Bulletin');
    expect(player?.[4]).toBe('Newsdesk TV Test');
    const messages = JSON.parse((player?.[5] ?? '{}').replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Record<string, string>;
    expect(messages.play).toBe('Play');
    expect(html).toContain(`<a href="${streamBase}/good/master.m3u8">open the stream</a>`);

    const now = section(html, 'on-now');
    expect(now).toContain('<a href="/schedule/newsdesk-tv-test/morning-bulletin">Morning Bulletin</a>');
    expect(now).toContain('<time datetime="2026-11-30T13:00:00.000Z" data-localize="time">09:00</time>–<time datetime="2026-11-30T14:00:00.000Z" data-localize="time">10:00</time>');
    const next = section(html, 'up-next');
    expect(next).toContain('Midday Report');
    expect(next).toContain('<time datetime="2026-11-30T14:00:00.000Z" data-localize="time">10:00</time>–<time datetime="2026-11-30T15:00:00.000Z" data-localize="time">11:00</time>');

    const event = jsonLd(html).find((b) => b['@type'] === 'BroadcastEvent');
    expect(event).toMatchObject({
      '@context': 'https://schema.org',
      name: 'Morning Bulletin',
      isLiveBroadcast: true,
      startDate: '2026-11-30T13:00:00.000Z',
      endDate: '2026-11-30T14:00:00.000Z',
      videoFormat: 'HD',
      url: `${TEST_ORIGIN}/schedule/newsdesk-tv-test/morning-bulletin`,
      publishedOn: { '@type': 'BroadcastService', name: 'Newsdesk TV Test', broadcastTimezone: 'America/Caracas' },
    });

    // The page admits the stream's origin for the player (and nothing else changes); nobody keeps it long.
    const policy = String(res.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain(`media-src 'self' blob: ${streamBase}`);
    expect(policy).toContain(`connect-src 'self' ${streamBase}`);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=30, s-maxage=60/);

    expect((await get('/live?audio=1')).body).toMatch(/data-start="audio"/);
    expect((await get('/live?audio=0')).body).toMatch(/data-start="video"/);
    expect((await get('/live?audio=maybe')).statusCode).toBe(400);
    expect((await get('/live?channel=no-such-channel')).statusCode).toBe(404);
  });

  it('follows the clock: the special, then a late show that runs past midnight', async () => {
    clock = new Date('2026-11-30T15:10:00Z'); // 11:10 in Caracas
    let html = (await get('/live')).body;
    expect(section(html, 'on-now')).toContain('Election Special');
    expect(section(html, 'up-next')).toContain('Midday Report');
    expect(section(html, 'up-next')).toContain('data-localize="time">11:30</time>');

    clock = new Date('2026-12-01T04:30:00Z'); // Tuesday 00:30 in Caracas
    html = (await get('/live')).body;
    const now = section(html, 'on-now');
    expect(now).toContain('Late Edition');
    expect(now).toContain('<time datetime="2026-12-01T03:00:00.000Z" data-localize="time">23:00</time>–<time datetime="2026-12-01T05:00:00.000Z" data-localize="time">01:00</time>');
    expect(section(html, 'up-next')).toContain('Morning Bulletin');
    expect(await t.app.live.onAir('en')).toEqual({ channel: 'Newsdesk TV Test', programme: 'Late Edition', endsAt: '2026-12-01T05:00:00.000Z' });

    clock = new Date('2026-12-01T08:00:00Z'); // Tuesday 04:00: nothing scheduled
    html = (await get('/live')).body;
    expect(section(html, 'on-now')).toContain('Nothing is scheduled right now.');
    expect(jsonLd(html).some((b) => b['@type'] === 'BroadcastEvent')).toBe(false);
    expect(await t.app.live.onAir('en')).toBeUndefined();
    clock = MONDAY_0930;
  });

  it('uses the Spanish channel on /es/live, in Spanish', async () => {
    const es = await createChannel(editor, channelForm({ name: 'Canal de prueba', language: 'es', timeZone: 'Europe/Madrid' }));
    const noticias = await addProgramme(editor, es, 'Noticias de la mañana', 'Las noticias.');
    // Monday 14:30 in Madrid (UTC+1).
    expect((await addSlot(editor, es, noticias, [1], '14:00', 60)).statusCode).toBe(303);
    const html = (await get('/es/live')).body;
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('data-channel="Canal de prueba"');
    expect(html).toContain('data-title="Noticias de la mañana"');
    expect(html).toContain('&quot;play&quot;:&quot;Reproducir&quot;');
    expect(section(html, 'on-now')).toContain('<a href="/es/schedule/canal-de-prueba/noticias-de-la-manana">Noticias de la mañana</a>');
    expect(section(html, 'on-now')).toContain('data-localize="time">14:00</time>');
    expect((await get('/live')).body).toContain('data-channel="Newsdesk TV Test"');
    expect(await t.app.live.onAir('es')).toMatchObject({ channel: 'Canal de prueba', programme: 'Noticias de la mañana' });
  });

  it('lists the week from today in the channel zone on /schedule, by day', async () => {
    const html = (await get('/schedule')).body;
    const days = [...html.matchAll(/<section class="schedule-day" aria-labelledby="day-(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]);
    expect(days).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    const monday = /aria-labelledby="day-2026-11-30">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    const titles = [...monday.matchAll(/<a class="schedule-title" href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    // The special cuts the midday show in two.
    expect(titles).toEqual(['Morning Bulletin', 'Midday Report', 'Election Special', 'Midday Report', 'Late Edition']);
    expect(monday).toContain('schedule-item schedule-now');
    expect(monday).toContain('<time datetime="2026-12-01T03:00:00.000Z" data-localize="time">23:00</time>');
    const saturday = /aria-labelledby="day-2026-12-05">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect([...saturday.matchAll(/class="schedule-title"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['Midday Report']);
    expect(html).toContain('Times are in <span data-localize-zone>Caracas</span>.');
    expect((await get('/es/schedule')).body).toContain('Canal de prueba: la semana');
  });

  it('shows a programme page with its description, next airings and linked published stories', async () => {
    const news = await t.make.section({ slug: 'news', name: 'News' });
    const story = await t.make.article({ sectionId: news.id, headline: 'Polls close across the country' });
    const draft = await t.make.article({ sectionId: news.id, headline: 'Draft not for readers', status: 'draft', publishedAt: null });
    const special = programmeIds.get('Election Special') ?? 0;
    expect((await editor.post(`/admin/live/programmes/${special}/stories`, { story: `${TEST_ORIGIN}/news/${story.slug}` })).statusCode).toBe(303);
    expect((await editor.post(`/admin/live/programmes/${special}/stories`, { story: String(draft.id) })).statusCode).toBe(303);
    const refused = await editor.post(`/admin/live/programmes/${special}/stories`, { story: '/news/no-such-story' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('is not a story number or the address of a published story');
    expect(refused.body).toContain('value="/news/no-such-story"');
    const admin = (await editor.get(`/admin/live/programmes/${special}`)).body;
    expect(admin).toContain('Polls close across the country');
    expect(admin).toContain('draft: not shown until published');

    const page = await get('/schedule/newsdesk-tv-test/election-special');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Election Special</h1>');
    expect(page.body).toContain('Results as they come in.');
    expect(page.body).toContain('<time datetime="2026-11-30T15:00:00.000Z" data-localize="datetime">');
    expect(page.body).toContain(`<a href="/news/${story.slug}">Polls close across the country</a>`);
    expect(page.body).not.toContain('Draft not for readers');
    expect((await get('/schedule/newsdesk-tv-test/no-such-programme')).statusCode).toBe(404);
    expect((await get('/es/schedule/newsdesk-tv-test/election-special')).statusCode).toBe(404);
  });

  it('publishes the schedule as XMLTV with the channel zone offsets', async () => {
    const res = await get('/schedule.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    expect(XMLValidator.validate(res.body)).toBe(true);
    expect(res.body).toContain('<!DOCTYPE tv SYSTEM "xmltv.dtd">');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (_name, jpath) => jpath === 'tv.channel' || jpath === 'tv.programme' }).parse(res.body) as {
      tv: { channel: Array<{ id: string; 'display-name': { '#text': string; lang: string } }>; programme: Array<{ start: string; stop: string; channel: string; title: { '#text': string; lang: string }; desc?: { '#text': string } }> };
    };
    const host = new URL(TEST_ORIGIN).hostname;
    expect(doc.tv.channel.map((c) => c.id)).toEqual([`newsdesk-tv-test.${host}`, `canal-de-prueba.${host}`]);
    expect(doc.tv.channel[1]?.['display-name']).toEqual({ '#text': 'Canal de prueba', lang: 'es' });
    const bulletin = doc.tv.programme.find((p) => p.title['#text'] === 'Morning Bulletin' && p.start.startsWith('20261130'));
    expect(bulletin).toMatchObject({ start: '20261130090000 -0400', stop: '20261130100000 -0400', channel: `newsdesk-tv-test.${host}`, title: { lang: 'en' }, desc: { '#text': 'The news at nine.' } });
    const late = doc.tv.programme.find((p) => p.title['#text'] === 'Late Edition');
    expect(late).toMatchObject({ start: '20261130230000 -0400', stop: '20261201010000 -0400' });
    const madrid = doc.tv.programme.find((p) => p.channel === `canal-de-prueba.${host}`);
    expect(madrid).toMatchObject({ start: '20261130140000 +0100', stop: '20261130150000 +0100', title: { '#text': 'Noticias de la mañana', lang: 'es' } });
  });

  it('clears the cached live and schedule pages when the newsroom edits', async () => {
    await Promise.all([get('/live'), get('/schedule')]);
    expect((await get('/live')).headers['x-cache']).toBe('HIT');
    expect((await get('/schedule')).headers['x-cache']).toBe('HIT');
    const morning = programmeIds.get('Morning Bulletin') ?? 0;
    const saved = await editor.post(`/admin/live/programmes/${morning}`, { title: 'Nine O’Clock News', slug: 'morning-bulletin', description: 'The news at nine.', artworkMediaId: '' });
    expect(saved.statusCode).toBe(303);
    const after = await get('/live');
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body).toContain('data-title="Nine O’Clock News"');
    const schedule = await get('/schedule');
    expect(schedule.headers['x-cache']).toBe('MISS');
    expect(schedule.body).toContain('Nine O’Clock News');
    expect((await get('/schedule.xml')).body).toContain('Nine O’Clock News');
  });

  it('keeps readers, authors and the anonymous out of /admin/live', async () => {
    const anon = await anonymous(t).get('/admin/live');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/admin/login?next=%2Fadmin%2Flive');
    const reader = await signedUpReader(t, mail);
    const asReader = await reader.get('/admin/live');
    expect(asReader.statusCode).toBe(303);
    expect(String(asReader.headers.location)).toContain('/admin/login');
    for (const url of ['/admin/live', '/admin/live/channels/new', `/admin/live/channels/${channelId}`, `/admin/live/channels/${channelId}/schedule`]) {
      expect((await author.get(url)).statusCode, url).toBe(403);
    }
    expect((await author.post(`/admin/live/channels/${channelId}/delete`, {})).statusCode).toBe(403);
    expect((await author.post('/admin/live/channels', channelForm({ name: 'Sneaky' }))).statusCode).toBe(403);
    // Without the CSRF token, even an editor's change is refused.
    expect((await editor.post(`/admin/live/channels/${channelId}/delete`, {}, { csrf: null })).statusCode).toBe(403);
    expect((await editor.get('/admin')).body).toContain('<a href="/admin/live">Live TV</a>');
    expect((await author.get('/admin')).body).not.toContain('/admin/live');
  });

  it('makes the first channel of an edition its primary; the others are reached by ?channel=', async () => {
    const second = await createChannel(editor, channelForm({ name: 'Second Channel' }));
    expect((await get('/live')).body).toContain('data-channel="Newsdesk TV Test"');
    const other = await get('/live?channel=second-channel');
    expect(other.body).toContain('data-channel="Second Channel"');
    expect(other.body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/live?channel=second-channel"/>`);
    expect((await get('/live')).body).toContain('<a href="/live?channel=second-channel">Second Channel</a>');
    expect((await editor.post(`/admin/live/channels/${second}/move`, { direction: 'up' })).statusCode).toBe(303);
    expect((await get('/live')).body).toContain('data-channel="Second Channel"');
    const refused = await editor.post(`/admin/live/channels/${second}/move`, { direction: 'up' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('is already first among the en channels');
    await editor.post(`/admin/live/channels/${second}/delete`, {});
    expect((await get('/live')).body).toContain('data-channel="Newsdesk TV Test"');
  });

  it('serves valid HTML5 on the reader and newsroom pages', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:document'] });
    const special = programmeIds.get('Election Special') ?? 0;
    const pages: Array<[string, () => Promise<{ body: string; statusCode: number }>]> = [
      ['live', () => get('/live')],
      ['live audio', () => get('/live?audio=1')],
      ['es live', () => get('/es/live')],
      ['schedule', () => get('/schedule')],
      ['es schedule', () => get('/es/schedule')],
      ['programme', () => get('/schedule/newsdesk-tv-test/election-special')],
      ['admin list', () => editor.get('/admin/live')],
      ['admin new', () => editor.get('/admin/live/channels/new')],
      ['admin channel', () => editor.get(`/admin/live/channels/${channelId}`)],
      ['admin schedule', () => editor.get(`/admin/live/channels/${channelId}/schedule`)],
      ['admin programme', () => editor.get(`/admin/live/programmes/${special}`)],
      ['admin refused', () => editor.post('/admin/live/channels', channelForm({ timeZone: 'Nowhere' }))],
    ];
    for (const [name, load] of pages) {
      const res = await load();
      expect(res.statusCode, name).toBeLessThan(500);
      const report = await validator.validateString(res.body);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`));
      expect(messages, name).toEqual([]);
    }
  });

  it('seeds a demo schedule with no gaps and no clashes, all week, in both languages', async () => {
    const tdb = await createTestDatabase(dialect);
    try {
      await seedDemoLive(tdb.db.kysely, MONDAY_0930);
      const schedules = await new LiveRepository(tdb.db.kysely).schedules();
      expect(schedules.map((s) => [s.channel.name, s.channel.language, s.channel.timeZone])).toEqual([
        ['Newsdesk TV', 'en', 'America/Caracas'],
        ['Newsdesk TV en español', 'es', 'America/Caracas'],
      ]);
      for (const s of schedules) {
        s.slots.forEach((a, i) => s.slots.slice(i + 1).forEach((b) => expect(weeklyClash(a, b), `${s.channel.name} ${a.start}/${b.start}`).toBeUndefined()));
        const from = new Date('2026-11-30T04:00:00Z');
        const to = new Date('2026-12-07T04:00:00Z');
        const airings = expandSchedule({ timeZone: s.channel.timeZone, slots: s.slots, specials: s.specials }, from, to);
        expect(Date.parse(airings[0]?.startsAt ?? '')).toBeLessThanOrEqual(from.getTime());
        expect(Date.parse(airings.at(-1)?.endsAt ?? '')).toBeGreaterThanOrEqual(to.getTime());
        airings.slice(1).forEach((a, i) => expect(a.startsAt, `${s.channel.name} gap before ${a.startsAt}`).toBe(airings[i]?.endsAt));
        expect(s.programmes.every((p) => p.description.length > 40)).toBe(true);
      }
      // Seeding twice adds nothing.
      expect(await seedDemoLive(tdb.db.kysely, MONDAY_0930)).toEqual({ channels: 0, programmes: 0 });
    } finally {
      await tdb.drop();
    }
  });
});
