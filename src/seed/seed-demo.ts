/**
 * Fills an empty database with the demo newsroom: a section tree, authors, illustrated
 * articles with related links, updates and corrections. All in one transaction, so a
 * failed seed leaves the database as empty as it found it.
 */
import type { ContentEvents } from '../core/events.js';
import { slugify } from '../core/slugs.js';
import { mediaKeyFor } from '../media/store.js';
import type { MediaStore } from '../media/store.js';
import { validateArticleInput } from '../services/publishing.js';
import type { Db } from '../storage/db.js';
import { articleWrites } from '../storage/repositories/articles.js';
import { DEMO_IMAGE_HEIGHT, DEMO_IMAGE_WIDTH, renderDemoImage } from './demo-images.js';
import { demoToBlocks } from './demo-to-doc.js';
import { newsArticles } from './demo/articles-news.js';
import { viewsArticles } from './demo/articles-views.js';
import { demoAuthors } from './demo/authors.js';
import type { DemoArticle, DemoImage, DemoSectionPath } from './demo/types.js';

export const demoArticles: readonly DemoArticle[] = [...newsArticles, ...viewsArticles];

const SECTIONS: { path: DemoSectionPath; name: string; description: string }[] = [
  { path: 'news', name: 'News', description: 'Breaking and developing stories from around the world.' },
  { path: 'news/latin-america', name: 'Latin America', description: 'Politics, economy and society from Mexico to Patagonia.' },
  { path: 'news/latin-america/venezuela', name: 'Venezuela', description: 'Elections, oil and migration: Venezuela in depth.' },
  { path: 'news/middle-east-africa', name: 'Middle East & Africa', description: 'Reporting from North Africa, the Sahel, the Horn and the Gulf.' },
  { path: 'news/middle-east-africa/libya', name: 'Libya', description: 'Ceasefire talks, oil and daily life in Libya.' },
  { path: 'news/europe', name: 'Europe', description: 'The European Union, its neighbours and its borders.' },
  { path: 'news/asia-pacific', name: 'Asia-Pacific', description: 'From the Pacific islands to South and Southeast Asia.' },
  { path: 'business', name: 'Business', description: 'Markets, trade and the companies that shape them.' },
  { path: 'climate', name: 'Climate', description: 'A changing climate and the people adapting to it.' },
  { path: 'sport', name: 'Sport', description: 'Football, athletics and the business of sport.' },
  { path: 'opinion', name: 'Opinion', description: 'Arguments and commentary from our writers and guests.' },
  { path: 'analysis', name: 'Analysis', description: 'The story behind the news, weighed and explained.' },
];

export interface SeedDeps {
  db: Db;
  media: MediaStore;
  events: ContentEvents;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface SeedResult {
  seeded: boolean;
  articles: number;
}

const hoursBefore = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

/** Seeds the demo newsroom unless the database already holds articles. */
export async function seedDemo(deps: SeedDeps): Promise<SeedResult> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const log = deps.log ?? (() => undefined);
  const existing = await db.kysely.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false, articles: 0 };

  // Pictures first, outside the transaction: content-addressed files are harmless if unused.
  log(`Drawing ${demoArticles.length} demo illustrations...`);
  const images = new Map<DemoImage, { key: string; bytes: number }>();
  let seed = 1;
  for (const article of demoArticles) {
    const figures = article.body.flatMap((b) => (typeof b === 'object' && 'figure' in b ? [b.figure] : []));
    for (const image of [article.lead, ...figures]) {
      const bytes = await renderDemoImage(image, seed++);
      const key = mediaKeyFor(bytes);
      await deps.media.put(key, bytes);
      images.set(image, { key, bytes: bytes.length });
    }
  }

  const at = now.toISOString();
  await db.kysely.transaction().execute(async (tx) => {
    const sectionIds = new Map<string, number>();
    for (const [position, s] of SECTIONS.entries()) {
      const parentPath = s.path.includes('/') ? s.path.slice(0, s.path.lastIndexOf('/')) : null;
      const row = await tx
        .insertInto('sections')
        .values({ parent_id: parentPath ? (sectionIds.get(parentPath) ?? null) : null, slug: s.path.split('/').pop() ?? s.path, name: s.name, description: s.description, position, language: 'en', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      sectionIds.set(s.path, row.id);
    }

    const authorIds = new Map<string, number>();
    for (const a of demoAuthors) {
      const row = await tx
        .insertInto('authors')
        .values({ slug: a.key, name: a.name, role: a.role, bio: a.bio, x_handle: a.x ?? null, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      authorIds.set(a.key, row.id);
    }

    const mediaIds = new Map<DemoImage, number>();
    for (const [image, file] of images) {
      const row = await tx
        .insertInto('media')
        .values({ key: file.key, mime: 'image/jpeg', width: DEMO_IMAGE_WIDTH, height: DEMO_IMAGE_HEIGHT, bytes: file.bytes, alt: image.alt, caption: image.caption, credit: image.credit, focal_x: 0.5, focal_y: 0.5, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ updated_at: at }))
        .returning('id')
        .executeTakeFirstOrThrow();
      mediaIds.set(image, row.id);
    }

    // Two passes: RELATED blocks point at ids, and some stories point at each other.
    const articleIds = new Map<string, number>();
    const figureRefs = (a: DemoArticle) => {
      const figures = a.body.flatMap((b) => (typeof b === 'object' && 'figure' in b ? [b.figure] : []));
      return (i: number) => {
        const f = figures[i];
        return f ? mediaIds.get(f) : undefined;
      };
    };
    for (const a of demoArticles) {
      const sectionId = sectionIds.get(a.section);
      if (sectionId === undefined) throw new Error(`demo article ${a.key}: unknown section ${a.section}`);
      const { fields, tags } = validateArticleInput({
        headline: a.headline,
        slug: slugify(a.headline),
        language: 'en',
        sectionId,
        label: a.label,
        seoHeadline: a.seoHeadline ?? null,
        standfirst: a.standfirst,
        body: { type: 'doc', content: demoToBlocks(a.body, { articleId: () => undefined, figureMediaId: figureRefs(a) }) },
        leadMediaId: mediaIds.get(a.lead) ?? null,
        status: 'published',
        publishedAt: hoursBefore(now, a.publishedHoursAgo),
        displayUpdatedAt: a.updatedHoursAgo === undefined ? null : hoursBefore(now, a.updatedHoursAgo),
        tags: a.tags,
      });
      const created = await articleWrites.insert(tx, fields, now);
      articleIds.set(a.key, created.id);
      await articleWrites.setAuthors(tx, created.id, a.authors.map((k) => authorIds.get(k) ?? -1).filter((id) => id > 0));
      await articleWrites.setTags(tx, created.id, tags, now);
      if (a.correction) await articleWrites.addCorrection(tx, created.id, 'correction', a.correction, new Date(hoursBefore(now, a.updatedHoursAgo ?? a.publishedHoursAgo / 2)));
    }
    for (const a of demoArticles) {
      if (!a.body.some((b) => typeof b === 'object' && 'related' in b)) continue;
      const body = { type: 'doc' as const, content: demoToBlocks(a.body, { articleId: (key) => articleIds.get(key), figureMediaId: figureRefs(a) }) };
      await tx.updateTable('articles').set({ body: JSON.stringify(body) }).where('id', '=', articleIds.get(a.key) ?? -1).execute();
    }
  });
  deps.events.publish({ type: 'structure.changed' });
  log(`Seeded ${demoArticles.length} demo articles in ${SECTIONS.length} sections.`);
  return { seeded: true, articles: demoArticles.length };
}
