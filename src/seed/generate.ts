/**
 * A synthetic archive for load tests: `newsdesk seed --articles N --comments M`. Stories
 * are assembled from short original phrases (varied, searchable, not meant to be read),
 * spread over the past years across the existing sections and bylines; comments are spread
 * unevenly, a few stories taking most of them, as on a real site. Each story is tagged with
 * its subject and its place, so tag pages and the sitemap's list pages carry archive-sized
 * lists (the tag and author queries: docs/performance.md). Written in batches, each
 * in one transaction, with the search index and the maintained counts kept true.
 */
import { sql } from 'kysely';
import type { Db } from '../storage/db.js';
import { refreshPlannerStatistics } from '../storage/db.js';
import { reindexArticle } from '../services/search.js';
import { slugify } from '../core/slugs.js';
import type { Progress } from './progress.js';

const PLACES = ['the harbour district', 'the northern valley', 'the capital', 'the border towns', 'the river delta', 'the mountain villages', 'the coastal road', 'the old quarter', 'the industrial belt', 'the island ferry ports'];
const ACTORS = ['The city council', 'Farmers', 'Teachers', 'The transport authority', 'Fishermen', 'Health workers', 'The regional government', 'Students', 'Shop owners', 'Engineers'];
const ACTIONS = ['agree a new plan for', 'protest over delays to', 'vote on the future of', 'report progress on', 'call for an inquiry into', 'warn of shortages in', 'celebrate the reopening of', 'question the cost of'];
const SUBJECTS = ['the water supply', 'the bridge repairs', 'school funding', 'the night buses', 'grain storage', 'the clinic rota', 'street lighting', 'the market hall', 'flood defences', 'the fishing quota'];
const SENTENCES = [
  'Officials said the first results would be published within weeks.',
  'Residents interviewed on Tuesday were divided over the proposal.',
  'The figures could not be independently verified.',
  'A spokesperson declined to comment on the timetable.',
  'Similar plans were shelved twice in the past decade.',
  'Local businesses say the delay has already cost them customers.',
  'Opposition members asked for the documents to be made public.',
  'Engineers expect the work to take most of the coming season.',
];
const COMMENT_LINES = ['Thanks for covering this.', 'Has anyone asked what it will cost?', 'This is the third plan in five years.', 'Good to see the residents quoted at length.', 'Will there be a follow-up after the vote?', 'The photo says more than the statement.'];

/** A small deterministic generator: the same arguments give the same archive. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface GenerateOptions {
  articles: number;
  comments: number;
  now?: Date;
  /** Stories over this many past days (default: about four years). */
  days?: number;
  progress?: (label: string, total: number) => Progress;
}

export async function generateArchive(db: Db, options: GenerateOptions): Promise<{ articles: number; comments: number }> {
  const k = db.kysely;
  const now = options.now ?? new Date();
  const days = options.days ?? 1460;
  const rand = random(options.articles * 31 + options.comments);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const noop: Progress = { advance: () => undefined, done: () => undefined };
  const track = (label: string, total: number) => options.progress?.(label, total) ?? noop;

  const sections = (await k.selectFrom('sections').select('id').where('language', '=', 'en').execute()).map((s) => s.id);
  const authors = (await k.selectFrom('authors').select('id').execute()).map((a) => a.id);
  if (sections.length === 0 || authors.length === 0) throw new Error('The archive needs sections and bylines: seed the demo newsroom first (newsdesk seed).');

  const tagIds = await topicTags(db, [...SUBJECTS, ...PLACES], now);
  const articleIds: number[] = [];
  const bar = track('Stories', options.articles);
  for (let from = 0; from < options.articles; from += 500) {
    const size = Math.min(500, options.articles - from);
    await k.transaction().execute(async (tx) => {
      for (let i = 0; i < size; i++) {
        const n = from + i;
        const subject = pick(SUBJECTS);
        const place = pick(PLACES);
        const headline = `${pick(ACTORS)} ${pick(ACTIONS)} ${subject} in ${place}`;
        const paragraphs = Array.from({ length: 4 }, () => `${pick(ACTORS)} ${pick(ACTIONS)} ${pick(SUBJECTS)}. ${pick(SENTENCES)} ${pick(SENTENCES)}`);
        const publishedAt = new Date(now.getTime() - rand() * days * 86_400_000 - 60_000).toISOString();
        const body = JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
        const row = await tx
          .insertInto('articles')
          .values({ slug: `archive-${n}-${Math.floor(rand() * 1e9).toString(36)}`, language: 'en', section_id: pick(sections), label: rand() < 0.8 ? 'news' : 'analysis', headline, seo_headline: null, standfirst: `${pick(SENTENCES)} ${pick(SENTENCES)}`, seo_description: null, body, lead_media_id: null, status: 'published', published_at: publishedAt, display_updated_at: null, created_at: publishedAt, updated_at: publishedAt, comments_open: 1, comment_count: 0, version: 1, scheduled_at: null, embargo_until: null, created_by: null, updated_by: null, social_media_id: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('article_authors').values({ article_id: row.id, author_id: pick(authors), position: 0 }).execute();
        await tx.insertInto('article_tags').values([subject, place].map((topic, position) => ({ article_id: row.id, tag_id: tagIds.get(topic) ?? -1, position }))).execute();
        await reindexArticle(tx, db.dialect, row.id);
        articleIds.push(row.id);
      }
    });
    bar.advance(size);
  }
  bar.done();

  if (options.comments > 0) {
    const targets = articleIds.length ? articleIds : (await k.selectFrom('articles').select('id').where('status', '=', 'published').execute()).map((a) => a.id);
    const readerCount = Math.max(1, Math.ceil(options.comments / 20));
    const readers: number[] = [];
    const at = now.toISOString();
    for (let from = 0; from < readerCount; from += 500) {
      const rows = Array.from({ length: Math.min(500, readerCount - from) }, (_, i) => ({ email: `archive-reader-${from + i}-${Math.floor(rand() * 1e9)}@archive.example`, display_name: `Archive reader ${from + i}`, name_key: `archivereader${from + i}x${Math.floor(rand() * 1e9)}`, password_hash: null, email_verified_at: at, suspended_until: null, created_at: at, updated_at: at }));
      readers.push(...(await k.insertInto('readers').values(rows).returning('id').execute()).map((r) => r.id));
    }
    const cbar = track('Comments', options.comments);
    for (let from = 0; from < options.comments; from += 1000) {
      const size = Math.min(1000, options.comments - from);
      const rows = Array.from({ length: size }, (_, i) => {
        // Squaring the draw crowds comments onto a few stories, as breaking news does.
        const articleId = targets[Math.floor(rand() * rand() * targets.length)] as number;
        const r = Math.floor(rand() * readers.length);
        return { article_id: articleId, parent_id: null, root_id: null, depth: 0, reader_id: readers[r] ?? null, staff_user_id: null, author_name: `Archive reader ${r}`, guest_email: null, body: `${pick(COMMENT_LINES)} ${pick(COMMENT_LINES)}`, status: 'approved', text_hash: `archive-${from + i}`, created_at: new Date(now.getTime() - rand() * days * 86_400_000).toISOString(), edited_at: null, moderated_at: null, moderated_by: null, like_count: Math.floor(rand() * rand() * 50) };
      });
      await k.insertInto('comments').values(rows).execute();
      cbar.advance(size);
    }
    cbar.done();
    // Each comment is its own thread, and the maintained counts follow what was written.
    await sql`update comments set root_id = id where root_id is null`.execute(k);
    // Counted once per story and per reader, then joined: a count per row (a correlated
    // subquery) took PostgreSQL, planning on the statistics of empty tables, over ten minutes.
    await sql`update articles set comment_count = x.n from (select article_id, count(*) as n from comments where status = 'approved' group by article_id) as x where x.article_id = articles.id`.execute(k);
    await sql`update readers set approved_count = x.n from (select reader_id, count(*) as n from comments where status = 'approved' and reader_id is not null group by reader_id) as x where x.reader_id = readers.id`.execute(k);
  }
  await refreshPlannerStatistics(db);
  return { articles: articleIds.length, comments: options.comments };
}

/** One tag per topic phrase ("the water supply" is tagged "Water supply"), reusing any the newsroom has. */
async function topicTags(db: Db, phrases: readonly string[], now: Date): Promise<Map<string, number>> {
  const named = phrases.map((phrase) => {
    const name = phrase.replace(/^the /, '');
    return { phrase, name: name.charAt(0).toUpperCase() + name.slice(1), slug: slugify(name) };
  });
  const k = db.kysely;
  const existing = await k.selectFrom('tags').select(['id', 'slug']).where('slug', 'in', named.map((t) => t.slug)).execute();
  const ids = new Map(existing.map((t) => [t.slug, t.id]));
  const missing = named.filter((t) => !ids.has(t.slug));
  if (missing.length > 0) {
    const rows = await k.insertInto('tags').values(missing.map((t) => ({ slug: t.slug, name: t.name, created_at: now.toISOString() }))).returning(['id', 'slug']).execute();
    for (const r of rows) ids.set(r.slug, r.id);
  }
  return new Map(named.map((t) => [t.phrase, ids.get(t.slug) ?? -1]));
}
