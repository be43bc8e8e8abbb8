/**
 * Which stories use an image (the newsroom's image page, and the check before an image is
 * deleted), on every database: inside their body, found by an index kept true after every
 * write to a body whoever makes it, never confusing image 7 with image 77; and as lead image,
 * social card or lead video's poster, each by an index of its own.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentEvents } from '../../src/core/events.js';
import type { RichTextDocument } from '../../src/core/richtext.js';
import { MediaLibrary } from '../../src/services/media-library.js';
import { LocalDiskMediaStore } from '../../src/media/store.js';
import { rebuildFigureMedia, storiesShowingFigure } from '../../src/storage/repositories/figure-media.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import { factories } from '../helpers/factories.js';
import { catchQueries, planOf } from '../helpers/query-plans.js';

const body = (...mediaIds: number[]): RichTextDocument => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Before the pictures. Image 7 is mentioned here, in words only.' }] }, ...mediaIds.map((mediaId) => ({ type: 'figure' as const, attrs: { mediaId, caption: `Figure ${mediaId}` } }))],
});

describe.each(DIALECTS)('stories showing an image on %s', (dialect) => {
  let tdb: TestDatabase;
  const ids: Record<string, number> = {};
  const showing = async (mediaId: number) => (await storiesShowingFigure(tdb.db.kysely, tdb.db.dialect, mediaId)).map((r) => r.id);
  const setBody = (id: number | undefined, doc: RichTextDocument) =>
    tdb.db.kysely
      .updateTable('articles')
      .set({ body: JSON.stringify(doc) })
      .where('id', '=', id ?? 0)
      .execute();

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const make = factories({ db: tdb.db, events: new ContentEvents() });
    const section = await make.section({ slug: 'news' });
    const lead = await make.image({ alt: 'Lead' });
    ids.lead = lead.id;
    ids.two = (await make.article({ sectionId: section.id, headline: 'Two figures' })).id;
    ids.one = (await make.article({ sectionId: section.id, headline: 'One figure', leadMediaId: lead.id })).id;
    ids.none = (await make.article({ sectionId: section.id, headline: 'No figure' })).id;
    // Bodies written by SQL, as a restore or an import would: the index must not depend on the writer.
    await setBody(ids.two, body(7, 77));
    await setBody(ids.one, body(77));
  });

  afterAll(async () => {
    await tdb?.drop();
  });

  it('finds the stories whose body shows the image, and no others', async () => {
    expect(await showing(77)).toEqual([ids.two, ids.one]);
    expect(await showing(7)).toEqual([ids.two]);
    // Not a figure: the lead image (looked up by its own column), or a number in the text.
    expect(await showing(ids.lead ?? 0)).toEqual([]);
    expect(await showing(70)).toEqual([]);
    expect(await showing(0)).toEqual([]);
  });

  it('follows every change of a body, and a deleted story', async () => {
    await setBody(ids.one, body());
    expect(await showing(77)).toEqual([ids.two]);
    await setBody(ids.none, body(70, 7));
    expect(await showing(7)).toEqual([ids.two, ids.none]);
    expect(await showing(70)).toEqual([ids.none]);
    // Other columns leave it alone.
    await tdb.db.kysely.updateTable('articles').set({ headline: 'Two figures, retitled' }).where('id', '=', ids.two ?? 0).execute();
    expect(await showing(77)).toEqual([ids.two]);
    await tdb.db.kysely.deleteFrom('articles').where('id', '=', ids.two ?? 0).execute();
    expect(await showing(7)).toEqual([ids.none]);
    expect(await showing(77)).toEqual([]);
    // Rebuilt from the bodies (`newsdesk reindex`), it says the same.
    await rebuildFigureMedia(tdb.db.kysely, tdb.db.dialect);
    expect(await showing(7)).toEqual([ids.none]);
    expect(await showing(70)).toEqual([ids.none]);
  });

  it('reads the index, not every body', async () => {
    const { plugin, ran } = catchQueries();
    await storiesShowingFigure(tdb.db.kysely.withPlugin(plugin), tdb.db.dialect, 7);
    const [query] = ran;
    if (!query || ran.length !== 1) throw new Error(`expected one query, ran ${ran.length}`);
    if (dialect === 'sqlite') {
      const plan = await planOf(tdb.db, query);
      expect(plan).toMatch(/SEARCH articles USING INTEGER PRIMARY KEY/);
      expect(plan).toMatch(/article_figure_media VIRTUAL TABLE INDEX 0:M/);
      return;
    }
    // A test table this small is cheaper to scan: ask the planner what it does when it may not.
    await tdb.db.kysely.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      expect(await planOf(tdb.db, query, trx)).toMatch(/Bitmap Index Scan on articles_figure_media/);
    });
  });

  it('finds every use of an image, each kind through an index', async () => {
    const k = tdb.db.kysely;
    const make = factories({ db: tdb.db, events: new ContentEvents() });
    const section = await make.section({ slug: 'uses' });
    const image = await make.image({ alt: 'Used four ways' });
    const lead = await make.article({ sectionId: section.id, headline: 'Lead use', leadMediaId: image.id });
    const social = await make.article({ sectionId: section.id, headline: 'Social use' });
    await k.updateTable('articles').set({ social_media_id: image.id }).where('id', '=', social.id).execute();
    const inline = await make.article({ sectionId: section.id, headline: 'Inline use' });
    await setBody(inline.id, body(image.id));
    const poster = await make.article({ sectionId: section.id, headline: 'Poster use' });
    const video = await k.insertInto('videos').values({ url: 'https://video.example.test/a.mp4', kind: 'mp4', poster_media_id: image.id, duration_seconds: 60, width: null, height: null, created_at: new Date().toISOString(), updated_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    await k.updateTable('articles').set({ lead_video_id: video.id }).where('id', '=', poster.id).execute();

    const { plugin, ran } = catchQueries();
    const library = new MediaLibrary({ db: { ...tdb.db, kysely: k.withPlugin(plugin) }, store: new LocalDiskMediaStore(tdb.dataDir), limits: { maxBytes: 1, maxPixels: 1 } });
    const uses = await library.usage(image.id);
    expect(uses.map((u) => [u.as, u.id]).sort()).toEqual([['inline', inline.id], ['lead', lead.id], ['social card', social.id], ['video poster', poster.id]].sort());

    // A few dozen stories are cheaper to scan: ask the planners what they do when they may not.
    const plans = async (run = k) => Promise.all(ran.map((q) => planOf(tdb.db, q, run)));
    const check = (all: string[]) => {
      const text = all.join('\n');
      for (const index of ['articles_lead_media', 'articles_social_media', 'articles_lead_video']) expect(text).toContain(index);
      // Authors are few, and the figures have the test above; every other question names an index.
      for (const plan of all.filter((p) => !/authors|article_figure_media/.test(p))) expect(plan).not.toMatch(/SCAN articles(?! USING)|Seq Scan on articles/);
    };
    if (dialect === 'sqlite') {
      await sql`analyze`.execute(k);
      check(await plans());
      return;
    }
    await k.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      check(await plans(trx));
    });
  });
});
