/**
 * Everything the reader site shows, assembled from storage into page models. Only public
 * content leaves here: the visibility rule lives in the repositories' public queries and in
 * core/articles `isPubliclyVisible`.
 */
import { TranslationRepository } from '../storage/repositories/translations.js';
import type { LeadVideo } from '../core/videos.js';
import { VideoRepository } from '../storage/repositories/videos.js';
import type { TranslationMember } from '../storage/repositories/translations.js';
import { LABEL_NAMES, isPubliclyVisible, visibleUpdateTime } from '../core/articles.js';
import type { Article, ArticleLabel, Correction, Language } from '../core/articles.js';
import type { ContentEvents } from '../core/events.js';
import type { MediaAsset } from '../core/media.js';
import type { Author, Tag } from '../core/people.js';
import { referencedArticleIds, referencedMediaIds } from '../core/richtext.js';
import { buildSectionTree } from '../core/sections.js';
import type { Section, SectionTree } from '../core/sections.js';
import type { Db } from '../storage/db.js';
import { ArticleRepository } from '../storage/repositories/articles.js';
import type { ArticleSummary } from '../storage/repositories/articles.js';
import { AuthorRepository, MediaRepository, SectionRepository, TagRepository } from '../storage/repositories/catalog.js';

export interface Link {
  name: string;
  url: string;
}

/** A story as lists and cards show it. */
export interface Card {
  id: number;
  url: string;
  headline: string;
  standfirst: string;
  label: ArticleLabel;
  labelName: string;
  section: Link;
  publishedAt: string;
  commentCount: number;
  image: MediaAsset | undefined;
}

export interface ArticlePage {
  article: Article;
  url: string;
  breadcrumbs: Link[];
  section: Section;
  labelName: string;
  authors: Author[];
  tags: Tag[];
  lead: MediaAsset | undefined;
  /** The image for social cards: its own, or the lead. */
  socialImage: MediaAsset | undefined;
  updatedAt: string | null;
  corrections: Correction[];
  /** Stories named in RELATED blocks, by id (missing or private ones are left out). */
  related: Map<number, Card>;
  inlineMedia: Map<number, MediaAsset>;
  moreFromSection: Card[];
  /** The same story in other editions (published translations), for "Leer en español" and hreflang. */
  translations: Translation[];
  /** Every story in its translation group, public or not: the page's cache tags (a translation going live changes this page). */
  translationIds: number[];
  /** The lead video, shown instead of the lead photo (core/videos.ts). */
  leadVideo?: LeadVideo | undefined;
  lastModified: string;
}

export interface Translation {
  language: Language;
  url: string;
  headline: string;
}

export interface HomePage {
  lead: Card | undefined;
  top: Card[];
  sections: { section: Link; cards: Card[] }[];
  lastModified: string | undefined;
}

export interface ListPage {
  cards: Card[];
  page: number;
  totalPages: number;
  total: number;
}

export interface SectionPage extends ListPage {
  section: Section;
  url: string;
  breadcrumbs: Link[];
  children: Link[];
}

export type Resolved =
  | { kind: 'section'; section: Section }
  | { kind: 'article'; article: Article }
  | { kind: 'redirect'; location: string; articleId: number }
  | { kind: 'none' };

export interface ReadingDeps {
  db: Db;
  events: ContentEvents;
  now?: () => Date;
  /** The URL prefix of a language's edition ('' or '/es'); default: none. */
  editionPrefix?: (language: Language) => string;
}

export const PAGE_SIZE = 20;

export class ReadingService {
  private readonly articles: ArticleRepository;
  private readonly sections: SectionRepository;
  private readonly authors: AuthorRepository;
  private readonly tags: TagRepository;
  private readonly media: MediaRepository;
  private readonly translationRepo: TranslationRepository;
  private readonly videos: VideoRepository;
  private readonly now: () => Date;
  private readonly editionPrefix: (language: Language) => string;
  /** The section tree changes rarely and is needed by every page: keep it until an edit. */
  private readonly trees = new Map<Language, Promise<SectionTree>>();

  constructor(deps: ReadingDeps) {
    const k = deps.db.kysely;
    this.articles = new ArticleRepository(k);
    this.sections = new SectionRepository(k);
    this.authors = new AuthorRepository(k);
    this.tags = new TagRepository(k);
    this.media = new MediaRepository(k);
    this.translationRepo = new TranslationRepository(k);
    this.videos = new VideoRepository(k);
    this.now = deps.now ?? (() => new Date());
    this.editionPrefix = deps.editionPrefix ?? (() => '');
    deps.events.subscribe((event) => {
      if (event.type === 'structure.changed') this.trees.clear();
    });
  }

  sectionTree(language: Language): Promise<SectionTree> {
    let tree = this.trees.get(language);
    if (!tree) {
      const prefix = this.editionPrefix(language);
      tree = this.sections.all(language).then((sections) => buildSectionTree(sections, prefix));
      tree.catch(() => this.trees.delete(language));
      this.trees.set(language, tree);
    }
    return tree;
  }

  /** The public versions of a story in the other editions, at their canonical URLs. */
  private async translationsOf(members: readonly TranslationMember[], now: Date): Promise<Translation[]> {
    const visible = members.filter((m) => isPubliclyVisible({ status: m.status as Article['status'], publishedAt: m.publishedAt }, now));
    return Promise.all(visible.map(async (m) => ({ language: m.language, url: this.articleUrl(await this.sectionTree(m.language), m), headline: m.headline })));
  }

  /** A site path inside a language's edition: ('es', '/tag/x') is '/es/tag/x'. */
  editionPath(language: Language, path: string): string {
    const prefix = this.editionPrefix(language);
    return path === '/' ? prefix || '/' : `${prefix}${path}`;
  }

  articleUrl(tree: SectionTree, a: { sectionId: number; slug: string }): string {
    return `${tree.path(a.sectionId)}/${a.slug}`;
  }

  /** What a path like `/news/middle-east-africa/libya[/slug]` names. */
  async resolve(language: Language, segments: readonly string[]): Promise<Resolved> {
    if (segments.length === 0) return { kind: 'none' };
    const tree = await this.sectionTree(language);
    const section = tree.findByPath(segments);
    if (section) return { kind: 'section', section };
    const slug = segments[segments.length - 1] ?? '';
    const requested = `${this.editionPrefix(language)}/${segments.join('/')}`;
    const article = await this.articles.findBySlug(language, slug);
    if (article && isPubliclyVisible(article, this.now())) {
      const canonical = this.articleUrl(tree, article);
      return canonical === requested ? { kind: 'article', article } : { kind: 'redirect', location: canonical, articleId: article.id };
    }
    if (!article) {
      const movedId = await this.articles.findIdByFormerSlug(language, slug);
      const moved = movedId === undefined ? undefined : await this.articles.findById(movedId);
      if (moved && isPubliclyVisible(moved, this.now())) return { kind: 'redirect', location: this.articleUrl(tree, moved), articleId: moved.id };
    }
    return { kind: 'none' };
  }

  private async cards(summaries: readonly ArticleSummary[], tree: SectionTree): Promise<Card[]> {
    return this.toCards(summaries, tree, await this.cardMedia(summaries));
  }

  private cardMedia(summaries: readonly ArticleSummary[]): Promise<Map<number, MediaAsset>> {
    return this.media.byIds(summaries.flatMap((s) => (s.leadMediaId === null ? [] : [s.leadMediaId])));
  }

  private toCards(summaries: readonly ArticleSummary[], tree: SectionTree, media: ReadonlyMap<number, MediaAsset>): Card[] {
    return summaries.map((s) => {
      const section = tree.byId.get(s.sectionId);
      return {
        id: s.id,
        url: this.articleUrl(tree, s),
        headline: s.headline,
        standfirst: s.standfirst,
        label: s.label,
        labelName: LABEL_NAMES[s.label],
        section: { name: section?.name ?? '', url: tree.path(s.sectionId) },
        publishedAt: s.publishedAt,
        commentCount: s.commentCount,
        image: s.leadMediaId === null ? undefined : media.get(s.leadMediaId),
      };
    });
  }

  private breadcrumbs(tree: SectionTree, sectionId: number): Link[] {
    return tree.ancestry(sectionId).map((s) => ({ name: s.name, url: tree.path(s.id) }));
  }

  async articlePage(article: Article): Promise<ArticlePage> {
    const now = this.now();
    const tree = await this.sectionTree(article.language);
    const section = tree.byId.get(article.sectionId);
    if (!section) throw new Error(`article ${article.id} is in missing section ${article.sectionId}`);
    const relatedIds = referencedArticleIds(article.body);
    const mediaIds = [...referencedMediaIds(article.body), ...[article.leadMediaId, article.socialMediaId].filter((id) => id !== null)];
    const [bylines, tagsOf, corrections, relatedSummaries, media, more, translationGroup, leadVideo] = await Promise.all([
      this.articles.authorsFor([article.id]),
      this.articles.tagsFor([article.id]),
      this.articles.correctionsFor(article.id),
      this.articles.publishedSummariesByIds(relatedIds, now),
      this.media.byIds(mediaIds),
      this.articles.listPublished({ language: article.language, now, sectionIds: [article.sectionId], excludeIds: [article.id, ...relatedIds], limit: 4 }),
      this.translationRepo.othersOf(article.id),
      article.leadVideoId === null ? undefined : this.videos.byId(article.leadVideoId),
    ]);
    // One media query for both lists of cards.
    const cardMedia = await this.cardMedia([...relatedSummaries, ...more]);
    const relatedCards = this.toCards(relatedSummaries, tree, cardMedia);
    const moreCards = this.toCards(more, tree, cardMedia);
    return {
      article,
      url: this.articleUrl(tree, article),
      breadcrumbs: this.breadcrumbs(tree, section.id),
      section,
      labelName: LABEL_NAMES[article.label],
      authors: bylines.get(article.id) ?? [],
      tags: tagsOf.get(article.id) ?? [],
      lead: article.leadMediaId === null ? undefined : media.get(article.leadMediaId),
      socialImage: (article.socialMediaId === null ? undefined : media.get(article.socialMediaId)) ?? (article.leadMediaId === null ? undefined : media.get(article.leadMediaId)),
      updatedAt: visibleUpdateTime(article),
      corrections,
      related: new Map(relatedCards.map((c) => [c.id, c])),
      inlineMedia: media,
      translations: await this.translationsOf(translationGroup, now),
      translationIds: translationGroup.map((t) => t.id),
      moreFromSection: moreCards,
      leadVideo,
      lastModified: article.updatedAt,
    };
  }

  async homePage(language: Language): Promise<HomePage> {
    const now = this.now();
    const tree = await this.sectionTree(language);
    const latest = await this.cards(await this.articles.listPublished({ language, now, limit: 7 }), tree);
    const shown = latest.map((c) => c.id);
    const sections = await Promise.all(
      tree.children(null).map(async (s) => {
        const summaries = await this.articles.listPublished({ language, now, sectionIds: tree.descendantIds(s.id), excludeIds: shown, limit: 4 });
        return { section: { name: s.name, url: tree.path(s.id) }, cards: await this.cards(summaries, tree) };
      }),
    );
    return {
      lead: latest[0],
      top: latest.slice(1),
      sections: sections.filter((s) => s.cards.length > 0),
      // The render time (the page cache's default): the home page changes whenever any story
      // on it does, and the newest change among all public stories was a scan of the archive.
      lastModified: undefined,
    };
  }

  private async listPage(filters: { language: Language; sectionIds?: number[]; tagId?: number; authorId?: number }, page: number): Promise<ListPage> {
    const now = this.now();
    const tree = await this.sectionTree(filters.language);
    const total = await this.articles.countPublished({ ...filters, now });
    const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const summaries = page > totalPages ? [] : await this.articles.listPublished({ ...filters, now, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return { cards: await this.cards(summaries, tree), page, totalPages, total };
  }

  async sectionPage(section: Section, page: number): Promise<SectionPage> {
    const language = section.language as Language;
    const tree = await this.sectionTree(language);
    const list = await this.listPage({ language, sectionIds: tree.descendantIds(section.id) }, page);
    return {
      ...list,
      section,
      url: tree.path(section.id),
      breadcrumbs: this.breadcrumbs(tree, section.id),
      children: tree.children(section.id).map((c) => ({ name: c.name, url: tree.path(c.id) })),
    };
  }

  async tagPage(language: Language, slug: string, page: number): Promise<(ListPage & { tag: Tag }) | undefined> {
    const tag = await this.tags.bySlug(slug);
    if (!tag) return undefined;
    return { ...(await this.listPage({ language, tagId: tag.id }, page)), tag };
  }

  async authorPage(language: Language, slug: string, page: number): Promise<(ListPage & { author: Author; photo: MediaAsset | undefined }) | undefined> {
    const author = await this.authors.bySlug(slug);
    if (!author) return undefined;
    const photoId = author.photoMediaId ?? null;
    const [list, photos] = await Promise.all([this.listPage({ language, authorId: author.id }, page), this.media.byIds(photoId === null ? [] : [photoId])]);
    return { ...list, author, photo: photoId === null ? undefined : photos.get(photoId) };
  }

  /** Top-level sections for the site navigation. */
  async navigation(language: Language): Promise<Link[]> {
    const tree = await this.sectionTree(language);
    return tree.children(null).map((s) => ({ name: s.name, url: tree.path(s.id) }));
  }

  /** Any article whatever its status: for signed previews only. */
  anyArticle(id: number): Promise<Article | undefined> {
    return this.articles.findById(id);
  }

  /** Bylines, by name: the search form's author filter. */
  async authorsByName(): Promise<Array<{ id: number; slug: string; name: string }>> {
    return this.authors.namesAndSlugs();
  }

  /** A story readers can see, with its URL: the comment routes address stories by id. */
  async publicArticle(id: number): Promise<{ article: Article; url: string } | undefined> {
    const article = await this.articles.findById(id);
    if (!article || !isPubliclyVisible(article, this.now())) return undefined;
    return { article, url: this.articleUrl(await this.sectionTree(article.language), article) };
  }

  mediaByKey(key: string): Promise<MediaAsset | undefined> {
    return this.media.byKey(key);
  }
}
