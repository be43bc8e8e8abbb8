/**
 * Story search: the index (written in the transaction that writes a story) and queries over
 * it. One interface on both databases: SQLite FTS5 with bm25 column weights, PostgreSQL
 * full-text search with ts_rank weights; a headline hit outweighs a standfirst hit, which
 * outweighs the body; recency breaks ties. Snippets are cut and marked here, from the
 * story's own text, so they read the same whichever database answered.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { ArticleLabel, Language } from '../core/articles.js';
import { LABEL_NAMES } from '../core/articles.js';
import { documentToPlainText } from '../core/richtext.js';
import type { RichTextDocument } from '../core/richtext.js';
import type { ProgressFactory } from '../storage/backup.js';
import type { Db, Dialect } from '../storage/db.js';
import { rebuildFigureMedia } from '../storage/repositories/figure-media.js';
import type { Database } from '../storage/schema.js';
import { queryStems, searchTerms, stem, wordReader, words } from './search-text.js';
import type { Word } from './search-text.js';

type Executor = Kysely<Database> | Transaction<Database>;

export const SEARCH_PAGE_SIZE = 10;
/**
 * At most this many matches are ranked: the newest ones that pass the filters. A common word
 * on a large archive matches tens of thousands of stories, and ranking and counting them all
 * made search the one page whose cost grew with the archive (docs/search.md). Readers who
 * want older stories narrow by date, which applies before the cap.
 */
export const SEARCH_CANDIDATES = 1000;
/** Match ids filtered per query (bound parameters stay well under SQLite's limit). */
const CANDIDATE_CHUNK = 2000;

/** Rewrites one story's index entry from what the database holds now (call inside the write's transaction). */
export async function reindexArticle(db: Executor, dialect: Dialect, articleId: number): Promise<void> {
  const a = await db.selectFrom('articles').select(['id', 'language', 'headline', 'standfirst', 'body']).where('id', '=', articleId).executeTakeFirst();
  if (!a) return;
  const [tags, authors] = await Promise.all([
    db.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select('t.name').where('at.article_id', '=', articleId).execute(),
    db.selectFrom('article_authors as aa').innerJoin('authors as au', 'au.id', 'aa.author_id').select('au.name').where('aa.article_id', '=', articleId).execute(),
  ]);
  const language: Language = a.language === 'es' ? 'es' : 'en';
  const headline = searchTerms(a.headline, language);
  const standfirst = searchTerms(a.standfirst, language);
  const body = searchTerms(documentToPlainText(JSON.parse(a.body) as RichTextDocument), language);
  const extra = searchTerms([...tags.map((t) => t.name), ...authors.map((x) => x.name)].join(' '), language);
  if (dialect === 'sqlite') {
    await sql`delete from article_fts where rowid = ${articleId}`.execute(db);
    await sql`insert into article_fts (rowid, headline, standfirst, body, extra) values (${articleId}, ${headline}, ${standfirst}, ${body}, ${extra})`.execute(db);
    return;
  }
  const document = sql`setweight(to_tsvector('simple', ${headline}), 'A') || setweight(to_tsvector('simple', ${standfirst}), 'B') || setweight(to_tsvector('simple', ${extra}), 'B') || setweight(to_tsvector('simple', ${body}), 'C')`;
  await sql`insert into article_search (article_id, document) values (${articleId}, ${document}) on conflict (article_id) do update set document = excluded.document`.execute(db);
}

/**
 * Rewrites the index entry of every story, a few hundred per transaction, and drops entries
 * of stories that no longer exist (SQLite): after a restore (which empties the index), or when the
 * index is in doubt (`newsdesk reindex`). Readers keep searching while it runs: each story's
 * entry is replaced in one transaction.
 */
export async function rebuildSearchIndex(db: Db, progress?: ProgressFactory): Promise<number> {
  const ids = (await db.kysely.selectFrom('articles').select('id').orderBy('id').execute()).map((r) => r.id);
  const bar = progress?.('Search index', ids.length);
  for (let i = 0; i < ids.length; i += 250) {
    const batch = ids.slice(i, i + 250);
    await db.kysely.transaction().execute(async (trx) => {
      for (const id of batch) await reindexArticle(trx, db.dialect, id);
    });
    bar?.advance(batch.length);
  }
  // PostgreSQL's index rows go with their story (a foreign key); SQLite's FTS table has none.
  if (db.dialect === 'sqlite') await sql`delete from article_fts where rowid not in (select id from articles)`.execute(db.kysely);
  bar?.done();
  return ids.length;
}

/**
 * SQLite's indexes that triggers keep as stories are written (the newsroom's part-of-a-word
 * search, which stories show an image), rebuilt from the stories when they are in doubt
 * (`newsdesk reindex`; ~4 s at 100,000 stories). A restore needs none of it: the triggers fill
 * them as the stories load. PostgreSQL keeps its indexes itself.
 */
export async function rebuildTriggerKeptIndexes(db: Db): Promise<void> {
  if (db.dialect !== 'sqlite') return;
  await sql`insert into article_title_trigrams (article_title_trigrams) values ('rebuild')`.execute(db.kysely);
  await rebuildFigureMedia(db.kysely, db.dialect);
}

export interface SearchQuery {
  q: string;
  language: Language;
  /** Section ids to search in (a section and its subsections); empty: everywhere. */
  sectionIds?: readonly number[];
  label?: ArticleLabel | undefined;
  authorId?: number | undefined;
  /** ISO dates (inclusive), on the publication time. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number;
  /** The newsroom's search: drafts and scheduled stories too. */
  includeUnpublished?: boolean;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: number;
  headline: SnippetPart[];
  snippet: SnippetPart[];
  label: ArticleLabel;
  labelName: string;
  sectionId: number;
  slug: string;
  status: string;
  publishedAt: string | null;
}

export interface SearchResults {
  hits: SearchHit[];
  total: number;
  page: number;
  totalPages: number;
  /** The words searched for, after stop words: empty when the query had none. */
  terms: string[];
  /** More stories matched than were ranked (SEARCH_CANDIDATES): `total` is a lower bound. */
  capped: boolean;
}

export class SearchService {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    /** How many matches are ranked at most (tests lower it). */
    private readonly candidateLimit = SEARCH_CANDIDATES,
  ) {}

  /** Indexes stories the index does not have yet (a database from before search, or a bulk import). */
  async indexMissing(): Promise<number> {
    const k = this.db.kysely;
    const missing =
      this.db.dialect === 'sqlite'
        ? await sql<{ id: number }>`select id from articles where id not in (select rowid from article_fts)`.execute(k)
        : await sql<{ id: number }>`select id from articles where id not in (select article_id from article_search)`.execute(k);
    for (const row of missing.rows) await k.transaction().execute((trx) => reindexArticle(trx, this.db.dialect, row.id));
    return missing.rows.length;
  }

  /** Every story (any status) matching the words, newest first, up to a limit: the newsroom's list filter. */
  async matchingIds(q: string, limit = 500): Promise<number[]> {
    // Editions whose stemmer makes the same terms of the words ("port", names) share one
    // query: asked edition by edition, a word common in one edition walked all its matches
    // there to find the few in the other.
    const editions = new Map<string, { stems: string[]; languages: Language[] }>();
    for (const language of ['en', 'es'] as const) {
      const stems = queryStems(q, language);
      if (stems.length === 0) continue;
      const key = stems.join(' ');
      const entry = editions.get(key) ?? { stems, languages: [] };
      entry.languages.push(language);
      editions.set(key, entry);
    }
    const ids: number[] = [];
    for (const { stems, languages } of editions.values()) {
      // The newsroom's list has its own order: the newest matches are enough, unranked. Ordered
      // by the match's id, the same number as the story's: FTS5 then hands them over newest
      // first and stops at the limit, where ordering by the story's id sorted every match
      // (a common word at 100,000 stories: 100-110 ms -> 1.4 ms).
      const matches = this.db.dialect === 'sqlite' ? sqliteMatchIds(stems) : postgresMatchIds(stems);
      const rows = await this.db.kysely.selectFrom(matches).innerJoin('articles as a', 'a.id', 'm.article_id').select('a.id').where('a.language', 'in', languages).orderBy('m.article_id', 'desc').limit(limit).execute();
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    const stems = queryStems(query.q, query.language);
    const page = Math.max(1, query.page ?? 1);
    if (stems.length === 0) return { hits: [], total: 0, page, totalPages: 0, terms: [], capped: false };
    const k = this.db.kysely;
    const matches = this.db.dialect === 'sqlite' ? sqliteMatchIds(stems) : postgresMatchIds(stems);

    // 1. Candidates: the newest matches that pass every filter, without ranking. The match
    //    is read alone (index order, newest id first) and the filters are applied to it in
    //    chunks: joined in one query, SQLite re-ran the full-text match for each story row.
    const matchIds = (await k.selectFrom(matches).select('m.article_id').orderBy('m.article_id', 'desc').execute()).map((r) => r.article_id);
    const candidates: Array<{ id: number; published_at: string | null }> = [];
    for (let i = 0; i < matchIds.length && candidates.length <= this.candidateLimit; i += CANDIDATE_CHUNK) {
      let q = k
        .selectFrom('articles as a')
        .select(['a.id', 'a.published_at'])
        .where('a.id', 'in', matchIds.slice(i, i + CANDIDATE_CHUNK))
        .where('a.language', '=', query.language);
      if (!query.includeUnpublished) q = q.where('a.status', '=', 'published').where('a.published_at', '<=', this.now().toISOString());
      if (query.sectionIds && query.sectionIds.length > 0) q = q.where('a.section_id', 'in', [...query.sectionIds]);
      if (query.label) q = q.where('a.label', '=', query.label);
      if (query.authorId !== undefined) {
        const authorId = query.authorId;
        q = q.where((eb) => eb.exists(eb.selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', authorId)));
      }
      if (query.from) q = q.where('a.published_at', '>=', new Date(`${query.from}T00:00:00Z`).toISOString());
      if (query.to) q = q.where('a.published_at', '<', new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString());
      candidates.push(...(await q.orderBy('a.id', 'desc').execute()));
    }
    candidates.splice(this.candidateLimit + 1);
    const capped = candidates.length > this.candidateLimit;
    if (capped) candidates.pop();
    const total = candidates.length;
    if (total === 0) return { hits: [], total: 0, page, totalPages: 0, terms: stems, capped: false };

    // 2. Rank only the candidates (a small query of its own: no join for the planner to
    //    turn inside out), then order here: rank, then recency.
    const ranked = this.db.dialect === 'sqlite' ? sqliteRanks(stems, candidates.map((c) => c.id)) : postgresRanks(stems, candidates.map((c) => c.id));
    const ranks = new Map((await k.selectFrom(ranked).select(['m.article_id', 'm.rank']).execute()).map((r) => [r.article_id, Number(r.rank)]));
    const order = candidates
      .map((c) => ({ id: c.id, rank: ranks.get(c.id) ?? 0, publishedAt: c.published_at ?? '' }))
      .sort((x, y) => y.rank - x.rank || (x.publishedAt < y.publishedAt ? 1 : x.publishedAt > y.publishedAt ? -1 : 0) || y.id - x.id)
      .slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE)
      .map((c) => c.id);
    const found = order.length === 0 ? [] : await k.selectFrom('articles as a').select(['a.id', 'a.headline', 'a.standfirst', 'a.body', 'a.label', 'a.section_id', 'a.slug', 'a.status', 'a.published_at']).where('a.id', 'in', order).execute();
    const byId = new Map(found.map((r) => [r.id, r]));
    const rows = order.flatMap((id) => byId.get(id) ?? []);
    const want = new Set(stems);
    return {
      total,
      capped,
      page,
      totalPages: Math.ceil(total / SEARCH_PAGE_SIZE),
      terms: stems,
      hits: rows.map((r) => ({
        id: r.id,
        headline: markWords(r.headline, want, query.language),
        snippet: snippet(`${r.standfirst}\n\n${documentToPlainText(JSON.parse(r.body) as RichTextDocument)}`, want, query.language),
        label: r.label as ArticleLabel,
        labelName: LABEL_NAMES[r.label as ArticleLabel],
        sectionId: r.section_id,
        slug: r.slug,
        status: r.status,
        publishedAt: r.published_at,
      })),
    };
  }
}

/** Each stem quoted as an FTS5 string: nothing in it can be read as query syntax. */
const ftsMatch = (stems: readonly string[]) => stems.map((s) => `"${s.replace(/"/g, '""')}"`).join(' AND ');

/** Story ids matching every stem (no ranking). */
function sqliteMatchIds(stems: readonly string[]) {
  return sql<{ article_id: number }>`(select rowid as article_id from article_fts where article_fts match ${ftsMatch(stems)})`.as('m');
}

/**
 * The candidates' ranks, higher is better, and those of other matches between them (the caller
 * looks up only its candidates). A rowid range, not `rowid in (...)`: FTS5 walks a range in
 * the doclist, while an IN list cost a full match per id, 1.4 s against 5 ms for 1,000
 * candidates at 100,000 stories (docs/performance.md).
 */
function sqliteRanks(stems: readonly string[], ids: readonly number[]) {
  const low = Math.min(...ids);
  const high = Math.max(...ids);
  // bm25 is lower-is-better: negate it. Weights: headline 10, standfirst 4, body 1, tags and authors 3.
  return sql<{ article_id: number; rank: number }>`(select rowid as article_id, -bm25(article_fts, 10.0, 4.0, 1.0, 3.0) as rank from article_fts where article_fts match ${ftsMatch(stems)} and rowid >= ${low} and rowid <= ${high})`.as('m');
}

// plainto_tsquery ANDs the words and ignores any punctuation; 'simple' keeps the stems as they are.
function postgresMatchIds(stems: readonly string[]) {
  return sql<{ article_id: number }>`(select article_id from article_search where document @@ plainto_tsquery('simple', ${stems.join(' ')}))`.as('m');
}

function postgresRanks(stems: readonly string[], ids: readonly number[]) {
  // Weights for D, C (body), B (standfirst, tags, authors), A (headline).
  return sql<{ article_id: number; rank: number }>`(select article_id, ts_rank('{0.05, 0.2, 0.5, 1.0}', document, q) as rank from article_search, plainto_tsquery('simple', ${stems.join(' ')}) q where article_id = any(${[...ids]}::int[]) and document @@ q)`.as('m');
}

/** A text with the words whose stems were searched marked. */
export function markWords(text: string, want: ReadonlySet<string>, language: Language): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const w of words(text)) {
    if (!want.has(stem(w.word, language))) continue;
    if (w.start > last) parts.push({ text: text.slice(last, w.start), match: false });
    parts.push({ text: w.word, match: true });
    last = w.end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/**
 * About 30 words around the first place the searched words appear (the opening if they do
 * not), 8 of them before it. The story is read word by word only as far as the snippet needs:
 * splitting and stemming every word of every hit's story was a quarter of a search's CPU.
 */
export function snippet(text: string, want: ReadonlySet<string>, language: Language, size = 30): SnippetPart[] {
  const lead = 8;
  let next = wordReader(text);
  const before: Word[] = [];
  let index = 0;
  let window: Word[] | undefined;
  for (let w = next(); w; w = next(), index++) {
    if (want.has(stem(w.word, language))) {
      window = [...before, w];
      break;
    }
    before.push(w);
    if (before.length > lead) before.shift();
  }
  // No searched word in the text (a headline match): the opening.
  const from = window ? index - before.length : 0;
  if (!window) {
    window = [];
    next = wordReader(text);
  }
  while (window.length < size) {
    const w = next();
    if (!w) break;
    window.push(w);
  }
  const more = next() !== undefined;
  const start = window[0]?.start ?? 0;
  const end = window[window.length - 1]?.end ?? 0;
  const parts = markWords(text.slice(start, end).replace(/\s+/g, ' '), want, language);
  if (from > 0) parts.unshift({ text: '… ', match: false });
  if (more) parts.push({ text: ' …', match: false });
  return parts;
}
