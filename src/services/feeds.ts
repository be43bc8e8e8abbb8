/**
 * The stories a feed carries: the latest public stories of the site, a section (with its
 * subsections), a tag or an author, each with what a feed item shows (byline, section, tags,
 * lead image, body and what the body refers to). Rendering them as RSS, Atom or JSON Feed is
 * the site's job (site/feeds).
 */
import { VideoRepository } from '../storage/repositories/videos.js';
import { LABEL_NAMES } from '../core/articles.js';
import type { Article, Language } from '../core/articles.js';
import type { MediaAsset } from '../core/media.js';
import type { Author, Tag } from '../core/people.js';
import { referencedArticleIds, referencedMediaIds } from '../core/richtext.js';
import type { Section, SectionTree } from '../core/sections.js';
import type { Db } from '../storage/db.js';
import { ArticleRepository } from '../storage/repositories/articles.js';
import { AuthorRepository, MediaRepository, TagRepository } from '../storage/repositories/catalog.js';
import { FeedItemRepository } from '../storage/repositories/feed-items.js';
import type { Card, Link, ReadingService } from './reading.js';

/** How many stories a feed carries. */
export const FEED_SIZE = 20;

/** Which list a feed follows; sections by their path segments, tags and authors by slug. */
export type FeedScope =
  | { kind: 'home' }
  | { kind: 'section'; segments: readonly string[] }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string };

/** What the feed is about, as its HTML page names it. */
export type FeedSubject =
  | { kind: 'home' }
  | { kind: 'section'; section: Section; url: string }
  | { kind: 'tag'; tag: Tag }
  | { kind: 'author'; author: Author };

export interface FeedEntry {
  article: Article;
  /** Path of the story's page, e.g. /news/middle-east-africa/libya/<slug>. */
  url: string;
  section: Link;
  authors: Author[];
  tags: Tag[];
  lead: MediaAsset | undefined;
  /** Images the body shows, by id. */
  media: ReadonlyMap<number, MediaAsset>;
  /** Public stories named in RELATED blocks, by id. */
  related: ReadonlyMap<number, Card>;
}

export interface FeedList {
  subject: FeedSubject;
  entries: FeedEntry[];
}

export interface FeedDeps {
  db: Db;
  reading: ReadingService;
  now?: () => Date;
}

export class FeedService {
  private readonly items: FeedItemRepository;
  private readonly articles: ArticleRepository;
  private readonly authors: AuthorRepository;
  private readonly tags: TagRepository;
  private readonly media: MediaRepository;
  private readonly videos: VideoRepository;
  private readonly reading: ReadingService;
  private readonly now: () => Date;

  constructor(deps: FeedDeps) {
    const k = deps.db.kysely;
    this.items = new FeedItemRepository(k);
    this.articles = new ArticleRepository(k);
    this.authors = new AuthorRepository(k);
    this.tags = new TagRepository(k);
    this.media = new MediaRepository(k);
    this.videos = new VideoRepository(k);
    this.reading = deps.reading;
    this.now = deps.now ?? (() => new Date());
  }

  /** The feed's subject and latest stories, or undefined for an unknown section, tag or author. */
  async list(language: Language, scope: FeedScope): Promise<FeedList | undefined> {
    const tree = await this.reading.sectionTree(language);
    const now = this.now();
    const base = { language, now, limit: FEED_SIZE };
    switch (scope.kind) {
      case 'home':
        return { subject: scope, entries: await this.entries(await this.items.latest(base), tree, now) };
      case 'section': {
        const section = tree.findByPath(scope.segments);
        if (!section) return undefined;
        const articles = await this.items.latest({ ...base, sectionIds: tree.descendantIds(section.id) });
        return { subject: { kind: 'section', section, url: tree.path(section.id) }, entries: await this.entries(articles, tree, now) };
      }
      case 'tag': {
        const tag = await this.tags.bySlug(scope.slug);
        if (!tag) return undefined;
        return { subject: { kind: 'tag', tag }, entries: await this.entries(await this.items.latest({ ...base, tagId: tag.id }), tree, now) };
      }
      case 'author': {
        const author = await this.authors.bySlug(scope.slug);
        if (!author) return undefined;
        return { subject: { kind: 'author', author }, entries: await this.entries(await this.items.latest({ ...base, authorId: author.id }), tree, now) };
      }
    }
  }

  private async entries(articles: readonly Article[], tree: SectionTree, now: Date): Promise<FeedEntry[]> {
    if (articles.length === 0) return [];
    const ids = articles.map((a) => a.id);
    const relatedIds = [...new Set(articles.flatMap((a) => referencedArticleIds(a.body)))];
    const mediaIds = articles.flatMap((a) => [...referencedMediaIds(a.body), ...(a.leadMediaId === null ? [] : [a.leadMediaId])]);
    const [authors, tags, related] = await Promise.all([
      this.articles.authorsFor(ids),
      this.articles.tagsFor(ids),
      // Only public stories: a RELATED line to an unpublished story disappears, as on the page.
      this.articles.publishedSummariesByIds(relatedIds, now),
    ]);
    const media = await this.media.byIds([...mediaIds, ...related.flatMap((s) => (s.leadMediaId === null ? [] : [s.leadMediaId]))]);
    // A story with a lead video: its poster is the feed's image (a feed carries no player).
    const videos = await this.videos.leadsOf(ids);
    const sectionLink = (sectionId: number): Link => ({ name: tree.byId.get(sectionId)?.name ?? '', url: tree.path(sectionId) });
    const relatedCards = new Map<number, Card>(
      related.map((s) => [
        s.id,
        {
          id: s.id,
          url: this.reading.articleUrl(tree, s),
          headline: s.headline,
          standfirst: s.standfirst,
          label: s.label,
          labelName: LABEL_NAMES[s.label],
          section: sectionLink(s.sectionId),
          publishedAt: s.publishedAt,
          commentCount: s.commentCount,
          image: s.leadMediaId === null ? undefined : media.get(s.leadMediaId),
        },
      ]),
    );
    return articles.map((article) => ({
      article,
      url: this.reading.articleUrl(tree, article),
      section: sectionLink(article.sectionId),
      authors: authors.get(article.id) ?? [],
      tags: tags.get(article.id) ?? [],
      lead: videos.get(article.id)?.poster ?? (article.leadMediaId === null ? undefined : media.get(article.leadMediaId)),
      media,
      related: relatedCards,
    }));
  }
}
