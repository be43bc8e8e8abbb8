/**
 * What the sitemaps say, as data: which files exist (the list pages; the Google News window
 * of the last 48 hours; one file per month of stories, split past the per-file limit) and
 * the URLs in each. Only public stories appear (storage/repositories/sitemap-entries.ts);
 * turning this into XML is the site's job (site/sitemaps).
 */
import { newestPublishedFirst } from '../core/articles.js';
import type { Language } from '../core/articles.js';
import type { MediaAsset } from '../core/media.js';
import type { SectionTree } from '../core/sections.js';
import type { Db } from '../storage/db.js';
import { SitemapEntryRepository } from '../storage/repositories/sitemap-entries.js';
import type { SitemapArticle, SitemapChunk } from '../storage/repositories/sitemap-entries.js';
import { PAGE_SIZE } from './reading.js';
import type { ReadingService } from './reading.js';

export interface SitemapLimits {
  /** URLs in one sitemap file: the protocol allows at most 50,000. */
  urlsPerFile: number;
  /** Stories in one Google News sitemap: Google reads at most 1,000. */
  newsUrlsPerFile: number;
  /** Bytes of one file, uncompressed: the protocol allows at most 50 MiB. */
  bytesPerFile: number;
}

export const SITEMAP_LIMITS: Readonly<SitemapLimits> = { urlsPerFile: 50_000, newsUrlsPerFile: 1_000, bytesPerFile: 50 * 1024 * 1024 };

/** Google News lists stories published in the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

export type SitemapKind = 'pages' | 'news' | 'articles';

/** One sitemap file: `pages` part 1, `articles` of 2026-02 part 2, ... */
export interface SitemapFile {
  kind: SitemapKind;
  /** `YYYY-MM` (UTC) for `articles`. */
  month?: string;
  /** 1-based: part 2 and later exist only when a file would pass the limits. */
  part: number;
  count: number;
  /** The newest lastmod inside, if any URL has one. */
  lastmod: string | undefined;
}

export interface SitemapUrl {
  /** Site path, e.g. `/news/world/some-story`. */
  path: string;
  /** ISO 8601 UTC. */
  lastmod: string | undefined;
  /** The lead image. */
  image?: MediaAsset;
  /** For the Google News sitemap. */
  news?: { title: string; language: Language; publishedAt: string };
}

export interface SitemapDeps {
  db: Db;
  reading: ReadingService;
  now?: () => Date;
  limits?: Partial<SitemapLimits>;
}

/** The list pages every edition has, before its sections (the home page dated by its newest story). */
const FIXED_PAGES = ['/', '/live', '/schedule'] as const;

/** The latest of some ISO dates, if any. */
export const newestDate = (dates: readonly (string | undefined)[]): string | undefined =>
  dates.reduce<string | undefined>((a, b) => (b === undefined || (a !== undefined && Date.parse(a) >= Date.parse(b)) ? a : b), undefined);

export class SitemapService {
  readonly limits: SitemapLimits;
  private readonly entries: SitemapEntryRepository;
  private readonly reading: ReadingService;
  private readonly now: () => Date;

  constructor(deps: SitemapDeps) {
    this.limits = { ...SITEMAP_LIMITS, ...deps.limits };
    for (const [name, value] of Object.entries(this.limits)) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`sitemap limit ${name} must be a positive whole number, not ${value}`);
    }
    for (const name of ['urlsPerFile', 'newsUrlsPerFile', 'bytesPerFile'] as const) {
      if (this.limits[name] > SITEMAP_LIMITS[name]) throw new RangeError(`sitemap limit ${name} cannot exceed ${SITEMAP_LIMITS[name]}`);
    }
    this.entries = new SitemapEntryRepository(deps.db);
    this.reading = deps.reading;
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Every sitemap file: pages, then news, then months newest first. Each has URLs, except
   * the first news file, which always exists (robots.txt names it) and is empty in a quiet
   * spell: Google accepts an empty news sitemap as intentional.
   */
  async files(language: Language): Promise<SitemapFile[]> {
    const now = this.now();
    const [news, months] = await Promise.all([
      this.entries.recentChunks(language, now, new Date(now.getTime() - NEWS_WINDOW_MS), this.limits.newsUrlsPerFile),
      this.entries.monthChunks(language, now, this.limits.urlsPerFile),
    ]);
    const pageFiles = await this.pageFiles(language, now, newestDate(months.map((m) => m.lastmod)));
    const fromChunk = (kind: SitemapKind) => (c: SitemapChunk): SitemapFile => ({ kind, ...(kind === 'articles' ? { month: c.month } : {}), part: c.part, count: c.count, lastmod: c.lastmod });
    const newsFiles = news.length > 0 ? news.map(fromChunk('news')) : [{ kind: 'news' as const, part: 1, count: 0, lastmod: undefined }];
    return [...pageFiles, ...newsFiles, ...months.map(fromChunk('articles'))];
  }

  /** The URLs of one file (see `files`), or undefined when there is no such file. */
  async urls(language: Language, file: Pick<SitemapFile, 'kind' | 'month' | 'part'>): Promise<SitemapUrl[] | undefined> {
    if (!Number.isInteger(file.part) || file.part < 1) return undefined;
    const now = this.now();
    let urls: SitemapUrl[];
    switch (file.kind) {
      case 'pages':
        urls = chunk(await this.pageUrls(language, now), this.limits.urlsPerFile)[file.part - 1] ?? [];
        break;
      case 'news': {
        const per = this.limits.newsUrlsPerFile;
        const stories = await this.entries.recentArticles(language, now, new Date(now.getTime() - NEWS_WINDOW_MS), (file.part - 1) * per, per);
        urls = await this.articleUrls(language, stories, true);
        break;
      }
      case 'articles': {
        const match = /^(\d{4})-(\d{2})$/.exec(file.month ?? '');
        const year = Number(match?.[1]);
        const month = Number(match?.[2]);
        if (!match || month < 1 || month > 12) return undefined;
        const per = this.limits.urlsPerFile;
        const stories = await this.entries.monthArticles(language, now, { year, month }, (file.part - 1) * per, per);
        urls = await this.articleUrls(language, stories, false);
        break;
      }
    }
    return urls.length > 0 || (file.kind === 'news' && file.part === 1) ? urls : undefined;
  }

  private async articleUrls(language: Language, stories: readonly SitemapArticle[], news: boolean): Promise<SitemapUrl[]> {
    const tree = await this.reading.sectionTree(language);
    // A story in a section missing from the tree has no working page: leave it out.
    return stories.filter((s) => tree.byId.has(s.sectionId)).map((s) => ({
      path: this.reading.articleUrl(tree, s),
      lastmod: s.lastmod,
      ...(s.image ? { image: s.image } : {}),
      ...(news ? { news: { title: s.headline, language: s.language, publishedAt: s.publishedAt } } : {}),
    }));
  }

  /**
   * The pages files for the index. Nearly always one file, dated by the newest change of any
   * public story (an upper bound of its URLs' dates, which the months already give): so
   * counting the list pages is enough, where dating each reads every list's first page (35 ms
   * more at 100,000 stories with 2,300 tags on SQLite, after every edit). Only a site with more
   * list pages than one file holds lists them, to cut and date each part.
   */
  private async pageFiles(language: Language, now: Date, newestStory: string | undefined): Promise<SitemapFile[]> {
    const [tree, counts] = await Promise.all([this.reading.sectionTree(language), this.entries.listPageCounts(language, now)]);
    const count = FIXED_PAGES.length + orderedSections(tree).length + counts.tags + counts.authors;
    if (count <= this.limits.urlsPerFile) return [{ kind: 'pages', part: 1, count, lastmod: newestStory }];
    const pages = await this.pageUrls(language, now);
    return chunk(pages, this.limits.urlsPerFile).map((urls, i): SitemapFile => ({ kind: 'pages', part: i + 1, count: urls.length, lastmod: newestDate(urls.map((u) => u.lastmod)) }));
  }

  /**
   * Home, live, schedule, every section, and the tags and authors that have public stories,
   * each dated by the newest change among the stories on its first page (what a crawler is
   * sent to). A section page lists its own stories and those of every section below it; the
   * home page shows the newest stories and each top section's, all on those sections' first pages.
   */
  private async pageUrls(language: Language, now: Date): Promise<SitemapUrl[]> {
    const tree = await this.reading.sectionTree(language);
    const sectionIds = orderedSections(tree);
    const changes = await this.entries.listPageChanges(language, now, sectionIds, PAGE_SIZE);
    const firstPageLastmod = (id: number) => {
      const stories = tree.descendantIds(id).flatMap((d) => changes.sections.get(d) ?? []);
      stories.sort(newestPublishedFirst);
      return newestDate(stories.slice(0, PAGE_SIZE).map((s) => s.lastmod));
    };
    const sectionLastmods = new Map(sectionIds.map((id) => [id, firstPageLastmod(id)]));
    const home = newestDate(tree.children(null).map((s) => sectionLastmods.get(s.id)));
    return [
      ...FIXED_PAGES.map((page) => ({ path: this.reading.editionPath(language, page), lastmod: page === '/' ? home : undefined })),
      ...sectionIds.map((id) => ({ path: tree.path(id), lastmod: sectionLastmods.get(id) })),
      ...changes.tags.map((t) => ({ path: this.reading.editionPath(language, `/tag/${t.slug}`), lastmod: t.lastmod })),
      ...changes.authors.map((a) => ({ path: this.reading.editionPath(language, `/author/${a.slug}`), lastmod: a.lastmod })),
    ];
  }
}

/** Section ids depth first, in navigation order. */
function orderedSections(tree: SectionTree): number[] {
  const out: number[] = [];
  const visit = (parent: number | null) => {
    for (const s of tree.children(parent)) {
      out.push(s.id);
      visit(s.id);
    }
  };
  visit(null);
  return out;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
