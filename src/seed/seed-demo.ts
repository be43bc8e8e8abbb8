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
import { reindexArticle } from '../services/search.js';
import type { Db } from '../storage/db.js';
import { articleWrites } from '../storage/repositories/articles.js';
import { DEMO_IMAGE_HEIGHT, DEMO_IMAGE_WIDTH, renderDemoImage } from './demo-images.js';
import { demoToBlocks } from './demo-to-doc.js';
import { newsArticles } from './demo/articles-news.js';
import { viewsArticles } from './demo/articles-views.js';
import { demoAuthors } from './demo/authors.js';
import { demoComments as englishDemoComments, demoReaders } from './demo/comments.js';
import { nameKey } from '../core/comments/display-names.js';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import { createHash } from 'node:crypto';
import type { DemoArticle, DemoArticleEs, DemoImage, DemoSectionPath } from './demo/types.js';
import { spanishArticles, spanishSections } from './demo/articles-es.js';
import { spanishDemoComments } from './demo/comments-es.js';
import type { Language } from '../core/articles.js';
import { TranslationRepository } from '../storage/repositories/translations.js';
import { seedDemoLive } from './demo-live.js';
import { seedDemoLiveBlog } from './demo/live-blog.js';
import { seedDemoLeadVideo } from './demo/lead-video.js';

export const demoArticles: readonly DemoArticle[] = [...newsArticles, ...viewsArticles];
/** The Spanish edition's stories; some are versions of English ones (`translationOf`). */
export const demoArticlesEs: readonly DemoArticleEs[] = spanishArticles;

type AnyDemoArticle = Omit<DemoArticle, 'section'> & { section: string; translationOf?: string };

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
  const editions: { language: Language; sections: { path: string; name: string; description: string }[]; articles: readonly AnyDemoArticle[] }[] = [
    { language: 'en', sections: SECTIONS, articles: demoArticles },
    { language: 'es', sections: spanishSections, articles: demoArticlesEs },
  ];
  const everyArticle = editions.flatMap((e) => e.articles);
  log(`Drawing ${everyArticle.length} demo illustrations...`);
  const images = new Map<DemoImage, { key: string; bytes: number }>();
  let seed = 1;
  for (const article of everyArticle) {
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
    // Keyed `${language}:${path}`: each edition has its own tree.
    const sectionIds = new Map<string, number>();
    for (const { language, sections } of editions) {
      for (const [position, s] of sections.entries()) {
        const parentPath = s.path.includes('/') ? s.path.slice(0, s.path.lastIndexOf('/')) : null;
        const row = await tx
          .insertInto('sections')
          .values({ parent_id: parentPath ? (sectionIds.get(`${language}:${parentPath}`) ?? null) : null, slug: s.path.split('/').pop() ?? s.path, name: s.name, description: s.description, position, language, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        sectionIds.set(`${language}:${s.path}`, row.id);
      }
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
    const figureRefs = (a: AnyDemoArticle) => {
      const figures = a.body.flatMap((b) => (typeof b === 'object' && 'figure' in b ? [b.figure] : []));
      return (i: number) => {
        const f = figures[i];
        return f ? mediaIds.get(f) : undefined;
      };
    };
    for (const { language, articles } of editions) for (const a of articles) {
      const sectionId = sectionIds.get(`${language}:${a.section}`);
      if (sectionId === undefined) throw new Error(`demo article ${a.key}: unknown section ${a.section}`);
      const { fields, tags } = validateArticleInput({
        headline: a.headline,
        slug: slugify(a.headline),
        language,
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
    const translations = new TranslationRepository(db.kysely);
    for (const a of everyArticle) {
      const original = a.translationOf === undefined ? undefined : articleIds.get(a.translationOf);
      const id = articleIds.get(a.key);
      if (a.translationOf !== undefined && (original === undefined || id === undefined)) throw new Error(`demo article ${a.key}: translates unknown ${a.translationOf}`);
      if (original !== undefined && id !== undefined) {
        await translations.join(tx, original, original);
        await translations.join(tx, id, original);
      }
    }
    for (const a of everyArticle) {
      if (!a.body.some((b) => typeof b === 'object' && 'related' in b)) continue;
      const body = { type: 'doc' as const, content: demoToBlocks(a.body, { articleId: (key) => articleIds.get(key), figureMediaId: figureRefs(a) }) };
      await tx.updateTable('articles').set({ body: JSON.stringify(body) }).where('id', '=', articleIds.get(a.key) ?? -1).execute();
    }
    // Search follows the final text (RELATED blocks were filled in above).
    for (const id of articleIds.values()) await reindexArticle(tx, db.dialect, id);
    await seedComments(tx, articleIds, everyArticle, now);
    await seedDemoLive(tx, now);
    await seedDemoLiveBlog(tx, articleIds, now);
    await seedDemoLeadVideo(tx, now, deps.media);
  });
  deps.events.publish({ type: 'structure.changed' });
  log(`Seeded ${everyArticle.length} demo articles (${editions.map((e) => `${e.articles.length} ${e.language}`).join(', ')}) in ${editions.reduce((n, e) => n + e.sections.length, 0)} sections.`);
  return { seeded: true, articles: everyArticle.length };
}

/**
 * Demo readers and their comments, written straight into the tables in the seed's
 * transaction; the maintained counts are then set from what was written.
 */
async function seedComments(tx: Transaction<Database>, articleIds: ReadonlyMap<string, number>, articles: readonly AnyDemoArticle[], now: Date): Promise<void> {
  const demoComments = [...englishDemoComments, ...spanishDemoComments];
  const readerIds = new Map<string, number>();
  for (const r of demoReaders) {
    const created = hoursBefore(now, r.ageDays * 24 + 1);
    const row = await tx
      .insertInto('readers')
      .values({ email: `${r.key}@readers.example`, display_name: r.name, name_key: nameKey(r.name), password_hash: null, email_verified_at: r.ageDays > 0 ? created : null, suspended_until: null, created_at: created, updated_at: created })
      .returning('id')
      .executeTakeFirstOrThrow();
    readerIds.set(r.key, row.id);
  }
  const published = new Map(articles.map((a) => [a.key, a.publishedHoursAgo]));
  // `replyTo` indexes within each edition's own list.
  for (const list of [englishDemoComments, spanishDemoComments]) {
    const ids: number[] = [];
    const depths: number[] = [];
    for (const c of list) {
      const articleId = articleIds.get(c.article);
      const readerId = readerIds.get(c.reader);
      const reader = demoReaders.find((r) => r.key === c.reader);
      if (articleId === undefined || readerId === undefined || !reader) throw new Error(`demo comment on ${c.article} by ${c.reader}: unknown story or reader`);
      // Comments come after their story: on a young story, the thread's timeline is compressed.
      const age = published.get(c.article) ?? 48;
      const hours = age > 48 ? c.hoursAgo : (c.hoursAgo / 48) * age * 0.95;
      const parentId = c.replyTo === undefined ? null : (ids[c.replyTo] ?? null);
      const parentDepth = c.replyTo === undefined ? -1 : (depths[c.replyTo] ?? 0);
      const depth = Math.min(parentDepth + 1, 2);
      const rootId = c.replyTo === undefined ? null : (await tx.selectFrom('comments').select('root_id').where('id', '=', parentId ?? -1).executeTakeFirst())?.root_id ?? null;
      const row = await tx
        .insertInto('comments')
        .values({
          article_id: articleId,
          parent_id: parentId,
          root_id: rootId,
          depth,
          reader_id: readerId,
          staff_user_id: null,
          author_name: reader.name,
          guest_email: null,
          body: c.body,
          status: c.status ?? 'approved',
          featured: c.featured ? 1 : 0,
          hold_reasons: JSON.stringify(c.holdReasons ?? []),
          like_count: c.likes ?? 0,
          report_count: c.reported ? 1 : 0,
          text_hash: createHash('sha256').update(c.body).digest('hex'),
          created_at: hoursBefore(now, hours),
          edited_at: null,
          moderated_at: null,
          moderated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (rootId === null) await tx.updateTable('comments').set({ root_id: row.id }).where('id', '=', row.id).execute();
      await tx.insertInto('comment_follows').values({ reader_id: readerId, root_id: rootId ?? row.id, created_at: hoursBefore(now, hours) }).onConflict((oc) => oc.columns(['reader_id', 'root_id']).doNothing()).execute();
      if (c.reported) await tx.insertInto('comment_reports').values({ comment_id: row.id, reader_id: readerIds.get('lucia') ?? null, reason: c.reported.reason, note: c.reported.note, created_at: hoursBefore(now, hours / 2), resolved_at: null }).execute();
      ids.push(row.id);
      depths.push(depth);
    }
  }
  // The maintained counts, from what was just written.
  for (const articleId of new Set(demoComments.map((c) => articleIds.get(c.article) ?? -1))) {
    const visible = await tx.selectFrom('comments').select(['id', 'root_id', 'depth', 'reader_id']).where('article_id', '=', articleId).where('status', '=', 'approved').execute();
    await tx.updateTable('articles').set({ comment_count: visible.length }).where('id', '=', articleId).execute();
    for (const root of visible.filter((c) => c.depth === 0)) {
      await tx.updateTable('comments').set({ reply_count: visible.filter((c) => c.root_id === root.id && c.depth > 0).length }).where('id', '=', root.id).execute();
    }
  }
  for (const [, readerId] of readerIds) {
    const n = await tx.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('reader_id', '=', readerId).where('status', '=', 'approved').executeTakeFirstOrThrow();
    await tx.updateTable('readers').set({ approved_count: Number(n.n) }).where('id', '=', readerId).execute();
  }
}
