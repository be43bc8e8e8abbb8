/** The media library over HTTP, on every database: upload checks, metadata, edits, usage, delete. */
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { imageWorker } from '../../src/media/images.js';
import { startTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import type { Browserish } from '../helpers/staff.js';
import { signedIn } from '../helpers/staff.js';

/** A PNG whose header claims 30,000 x 30,000 pixels: 900 megapixels in a few hundred bytes. */
async function decompressionBomb(): Promise<Buffer> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).png().toBuffer();
  const ihdr = png.subarray(12, 29); // "IHDR" + 13 data bytes
  ihdr.writeUInt32BE(30_000, 4);
  ihdr.writeUInt32BE(30_000, 8);
  png.writeUInt32BE(crc32(ihdr), 29);
  return png;
}

function multipart(files: { name: string; type: string; bytes: Buffer }[], csrf: string | null): { payload: Buffer; boundary: string } {
  const boundary = `----newsdesk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (csrf !== null) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), boundary };
}

describe.each(DIALECTS)('media library on %s', (dialect) => {
  let t: TestApp;
  let editor: Browserish;
  let contributor: Browserish;
  let author: Browserish;

  const upload = (who: Browserish, files: { name: string; type: string; bytes: Buffer }[], csrf: string | null = who.csrf) => {
    const { payload, boundary } = multipart(files, csrf);
    return t.app.server.inject({ method: 'POST', url: '/admin/media', headers: { cookie: who.cookie, accept: 'application/json', 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { MEDIA_MAX_BYTES: '300000' });
    editor = await signedIn(t, 'editor');
    contributor = await signedIn(t, 'contributor');
    author = await signedIn(t, 'author');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('uploads several images at once, checked from their bytes, with metadata stripped', async () => {
    const withGps = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } })
      .withExif({ IFD0: { Copyright: 'Secret Photographer', ImageDescription: 'home address' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const png = await sharp({ create: { width: 400, height: 300, channels: 4, background: '#ff000080' } }).png().toBuffer();
    const res = await upload(contributor, [
      { name: 'harbour.jpg', type: 'image/jpeg', bytes: withGps },
      { name: 'chart.png', type: 'image/png', bytes: png },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const uploaded = res.json<{ uploaded: { id: number; key: string; width: number }[] }>().uploaded;
    expect(uploaded).toHaveLength(2);
    expect(uploaded[0]?.width).toBe(800);
    const stored = await t.app.media.get(uploaded[0]?.key ?? '');
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');
    // Renditions are served for the new image straight away.
    expect((await t.app.server.inject({ method: 'GET', url: `/media/${uploaded[0]?.key}/320.webp` })).statusCode).toBe(200);
  });

  it('refuses a file that is not an image, whatever its name says', async () => {
    const res = await upload(editor, [{ name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('<?php system($_GET["c"]); ?>') }]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: expect.stringContaining('not an image we can read') as string });
    const svg = await upload(editor, [{ name: 'logo.svg', type: 'image/svg+xml', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>') }]);
    expect(svg.statusCode).toBe(415);
  });

  it('says so when the image worker stops during an upload, and the next upload works', async () => {
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#557799' } }).jpeg().toBuffer();
    expect((await upload(editor, [{ name: 'first.jpg', type: 'image/jpeg', bytes: photo }])).statusCode).toBe(201);
    const worker = imageWorker.pid;
    expect(worker).toBeDefined();
    // The worker dies with the upload's job in hand (a decoder crash looks the same): frozen
    // first, so the job is surely sent to it before it goes.
    process.kill(worker ?? 0, 'SIGSTOP');
    const pending = upload(editor, [{ name: 'second.jpg', type: 'image/jpeg', bytes: photo }]);
    await vi.waitFor(() => expect(imageWorker.inFlight).toBe(1));
    process.kill(worker ?? 0, 'SIGKILL');
    const res = await pending;
    expect(res.statusCode).toBe(503);
    expect(res.json<{ error: string }>().error).toBe('second.jpg could not be processed: the image encoder stopped. Try again; if it stops again on this file, the file may be damaged.');
    // The site is still up, and the next image starts a new worker.
    expect((await upload(editor, [{ name: 'again.jpg', type: 'image/jpeg', bytes: photo }])).statusCode).toBe(201);
    expect(imageWorker.pid).not.toBe(worker);
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const big = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    expect(big.length).toBeGreaterThan(300_000);
    const res = await upload(editor, [{ name: 'huge.png', type: 'image/png', bytes: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: expect.stringContaining('limit') as string });
  });

  it('refuses a decompression bomb before decoding it', async () => {
    const bomb = await decompressionBomb();
    expect(bomb.length).toBeLessThan(1000);
    const res = await upload(editor, [{ name: 'bomb.png', type: 'image/png', bytes: bomb }]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: expect.stringContaining('30000 x 30000 pixels') as string });
  });

  it('requires the CSRF token for uploads', async () => {
    const jpeg = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } }).jpeg().toBuffer();
    expect((await upload(editor, [{ name: 'a.jpg', type: 'image/jpeg', bytes: jpeg }], null)).statusCode).toBe(403);
  });

  it('edits alt text, caption, credit and focal point; finds images by them', async () => {
    const image = await t.make.image({ alt: 'old alt' });
    const res = await editor.post(`/admin/media/${image.id}`, { alt: 'Fishing boats moored in Tripoli', caption: 'The harbour on Tuesday.', credit: 'Photo: Reuters', focalX: '0.3', focalY: '0.7' });
    expect(res.statusCode).toBe(200);
    const saved = await t.app.newsroom.load(0).then(() => t.tdb.db.kysely.selectFrom('media').selectAll().where('id', '=', image.id).executeTakeFirstOrThrow());
    expect(saved).toMatchObject({ alt: 'Fishing boats moored in Tripoli', caption: 'The harbour on Tuesday.', credit: 'Photo: Reuters', focal_x: 0.3, focal_y: 0.7 });
    const found = await editor.get('/admin/media?q=REUTERS');
    expect(found.body).toContain(`/admin/media/${image.id}"`);
    const api = await editor.get('/admin/api/media/search?q=tripoli');
    expect(api.json<{ id: number }[]>().map((m) => m.id)).toContain(image.id);
    // LIKE's wildcards are taken as typed: "100%" and "a_b" on SQLite too (storage/text-match.ts).
    const chart = await t.make.image({ alt: 'Chart: turnout at 100% in one district', caption: 'Counts by polling_station.' });
    const ids = async (q: string) => (await editor.get(`/admin/api/media/search?q=${encodeURIComponent(q)}`)).json<{ id: number }[]>().map((m) => m.id);
    expect(await ids('100%')).toEqual([chart.id]);
    expect(await ids('polling_st')).toEqual([chart.id]);
    expect(await ids('10_%')).toEqual([]);
    expect((await editor.get(`/admin/media?q=${encodeURIComponent('100% in')}`)).body).toContain(`/admin/media/${chart.id}"`);
  });

  it('shows where an image is used and will not delete it while a story shows it', async () => {
    const section = await t.make.section({ slug: `media-${dialect}`, name: 'Media test' });
    const lead = await t.make.image({ alt: 'Lead' });
    const inline = await t.make.image({ alt: 'Inline' });
    await t.make.article({ sectionId: section.id, headline: 'Story with a lead', leadMediaId: lead.id });
    await t.make.article({ sectionId: section.id, headline: 'Story with a figure', body: { type: 'doc', content: [{ type: 'figure', attrs: { mediaId: inline.id, caption: 'c' } }] } });
    const page = await editor.get(`/admin/media/${lead.id}`);
    expect(page.body).toContain('Story with a lead');
    expect(page.body).toContain('lead image');
    expect((await editor.get(`/admin/media/${inline.id}`)).body).toContain('Story with a figure');
    const refused = await editor.post(`/admin/media/${lead.id}/delete`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Story with a lead');
    // An author's portrait counts as a use too.
    const portrait = await t.make.image({ alt: 'Portrait' });
    const person = await t.make.author({ slug: `portrait-${dialect}`, name: 'Pat Portrait' });
    await t.tdb.db.kysely.updateTable('authors').set({ photo_media_id: portrait.id }).where('id', '=', person.id).execute();
    expect((await editor.get(`/admin/media/${portrait.id}`)).body).toContain('author photo');
    expect((await editor.post(`/admin/media/${portrait.id}/delete`, {})).statusCode).toBe(409);
    const unused = await t.make.image({ alt: 'Unused' });
    expect((await author.post(`/admin/media/${unused.id}/delete`, {})).statusCode).toBe(403);
    expect((await editor.post(`/admin/media/${unused.id}/delete`, {})).statusCode).toBe(303);
    expect((await editor.get(`/admin/media/${unused.id}`)).statusCode).toBe(404);
  });
});
