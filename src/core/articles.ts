/** Articles as the domain sees them: what a story is, and who may see it when. */
import type { RichTextDocument } from './richtext.js';

export const ARTICLE_LABELS = ['news', 'opinion', 'analysis', 'interview', 'explainer', 'feature'] as const;
export type ArticleLabel = (typeof ARTICLE_LABELS)[number];

export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Article {
  id: number;
  slug: string;
  language: Language;
  sectionId: number;
  label: ArticleLabel;
  headline: string;
  /** Alternative headline for search engines and social cards. */
  seoHeadline: string | null;
  standfirst: string;
  seoDescription: string | null;
  body: RichTextDocument;
  leadMediaId: number | null;
  /** The image for social cards when it should differ from the lead. */
  socialMediaId: number | null;
  status: ArticleStatus;
  /** ISO 8601, UTC. Null until first published. */
  publishedAt: string | null;
  /** The "Updated" date readers see; set when an editor marks a substantive update. */
  displayUpdatedAt: string | null;
  createdAt: string;
  /** Last change of any kind to the row (drives caching headers). */
  updatedAt: string;
  commentsOpen: boolean;
  /** Every comment on this story waits for a moderator. */
  commentsPremoderated: boolean;
  commentCount: number;
  version: number;
  /** The story has or had live coverage (docs/live-blog.md): only then has it live updates to read. */
  hasLiveBlog: boolean;
  /** Its lead video (videos table), if any. */
  leadVideoId: number | null;
}

export interface Correction {
  id: number;
  articleId: number;
  kind: 'correction' | 'update';
  note: string;
  createdAt: string;
}

/**
 * The order of every public list: newest publication first, the later id first on a tie (the
 * SQL lists' `order by published_at desc, id desc`). Times are ISO 8601 UTC on both databases,
 * so they compare as text.
 */
export function newestPublishedFirst(x: { publishedAt: string; id: number }, y: { publishedAt: string; id: number }): number {
  return x.publishedAt === y.publishedAt ? y.id - x.id : x.publishedAt < y.publishedAt ? 1 : -1;
}

/**
 * The one rule for what the public may read: a published story whose publication time has
 * come. Scheduled and draft stories, and any story dated in the future, stay private.
 */
export function isPubliclyVisible(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status === 'published' && article.publishedAt !== null && Date.parse(article.publishedAt) <= now.getTime();
}

/** Readers see "Updated" only when it is meaningfully later than publication (over a minute). */
export function visibleUpdateTime(article: Pick<Article, 'publishedAt' | 'displayUpdatedAt'>): string | null {
  if (!article.publishedAt || !article.displayUpdatedAt) return null;
  return Date.parse(article.displayUpdatedAt) - Date.parse(article.publishedAt) > 60_000 ? article.displayUpdatedAt : null;
}

export const LABEL_NAMES: Record<ArticleLabel, string> = {
  news: 'News',
  opinion: 'Opinion',
  analysis: 'Analysis',
  interview: 'Interview',
  explainer: 'Explainer',
  feature: 'Feature',
};

/**
 * The newsroom's story list looks for part of a word ("tripo") in headlines and standfirsts
 * from this many characters: a trigram index has nothing shorter. Shorter text matches whole
 * words only.
 */
export const SUBSTRING_MIN_LENGTH = 3;
