/**
 * Creating and editing articles: validation, the transaction that writes an article with its
 * bylines and tags, and the content event that tells caches what changed. The newsroom
 * (issue 3) calls the same functions, so the seeder and editors follow one path.
 */
import { z } from 'zod';
import { ARTICLE_LABELS, ARTICLE_STATUSES, LANGUAGES } from '../core/articles.js';
import type { Article, Language } from '../core/articles.js';
import type { ContentEvents } from '../core/events.js';
import { InvalidDocumentError, parseDocument } from '../core/richtext.js';
import { isValidSlug, slugify } from '../core/slugs.js';
import { problemLine } from '../core/problems.js';
import type { Problem } from '../core/problems.js';
import type { Db } from '../storage/db.js';
import { ArticleRepository, articleWrites } from '../storage/repositories/articles.js';
import { reindexArticle } from './search.js';
import type { ArticleFields } from '../storage/repositories/articles.js';

export interface PublishingDeps {
  db: Db;
  events: ContentEvents;
  now?: () => Date;
}

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const articleInputSchema = z.object({
  headline: z.string().trim().min(1).max(300),
  slug: z.string().trim().max(80).optional(),
  language: z.enum(LANGUAGES).default('en'),
  sectionId: z.number().int().positive(),
  label: z.enum(ARTICLE_LABELS).default('news'),
  seoHeadline: z.string().trim().max(300).nullable().default(null),
  standfirst: z.string().trim().max(600).default(''),
  seoDescription: z.string().trim().max(600).nullable().default(null),
  body: z.unknown(),
  leadMediaId: z.number().int().positive().nullable().default(null),
  socialMediaId: z.number().int().positive().nullable().default(null),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
  publishedAt: isoDate.nullable().default(null),
  displayUpdatedAt: isoDate.nullable().default(null),
  commentsOpen: z.boolean().default(true),
  commentsPremoderated: z.boolean().default(false),
  authorIds: z.array(z.number().int().positive()).max(20).default([]),
  tags: z.array(z.string().trim().min(1).max(120)).max(30).default([]),
});
export type ArticleInput = z.input<typeof articleInputSchema>;

/**
 * Input a service refuses. `issues` are English lines (`field: what is wrong`) for the
 * newsroom, the API and the logs; `problems`, when the service gave them, say the same by
 * code, so the reader site can say it in the edition's language (core/problems.ts).
 */
export class ValidationError extends Error {
  constructor(
    readonly issues: string[],
    readonly problems: readonly Problem[] = [],
  ) {
    super(issues.join('; '));
    this.name = 'ValidationError';
  }

  /** A refusal a reader may see: its problems by code, its issues in English from them. */
  static of(...problems: Problem[]): ValidationError {
    return new ValidationError(problems.map(problemLine), problems);
  }

  readonly statusCode = 400;
}

function parseBody(body: unknown) {
  try {
    return parseDocument(body);
  } catch (err) {
    if (err instanceof InvalidDocumentError) throw new ValidationError(err.issues.map((i) => `body.${i}`));
    throw err;
  }
}

/** Validates editor or import input into the fields storage writes; throws ValidationError. */
export function validateArticleInput(raw: ArticleInput): { fields: ArticleFields; authorIds: number[]; tags: { slug: string; name: string }[] } {
  const parsed = articleInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const input = parsed.data;
  const slug = input.slug ? input.slug : slugify(input.headline);
  if (!isValidSlug(slug)) throw new ValidationError([`slug: "${slug}" must be lower-case letters, digits and dashes`]);
  if (input.status === 'published' && !input.publishedAt) throw new ValidationError(['publishedAt: a published article needs a publication time']);
  return {
    fields: {
      slug,
      language: input.language,
      sectionId: input.sectionId,
      label: input.label,
      headline: input.headline,
      seoHeadline: input.seoHeadline || null,
      standfirst: input.standfirst,
      seoDescription: input.seoDescription || null,
      body: parseBody(input.body),
      leadMediaId: input.leadMediaId,
      socialMediaId: input.socialMediaId,
      status: input.status,
      publishedAt: input.publishedAt,
      displayUpdatedAt: input.displayUpdatedAt,
      commentsOpen: input.commentsOpen,
      commentsPremoderated: input.commentsPremoderated,
    },
    authorIds: input.authorIds,
    tags: input.tags.map((name) => ({ name, slug: slugify(name) })).filter((t) => t.slug.length > 0),
  };
}

/** The edition a section belongs to: a story filed there is in that edition's language. */
export async function languageOfSection(db: Db, sectionId: number): Promise<Language> {
  const section = await db.kysely.selectFrom('sections').select('language').where('id', '=', sectionId).executeTakeFirst();
  if (!section) throw new ValidationError([`sectionId: section ${sectionId} does not exist`]);
  return section.language as Language;
}

/** A story is filed in a section of its own edition: /es/noticias holds Spanish stories only. */
export async function checkSectionEdition(db: Db, fields: Pick<ArticleFields, 'sectionId' | 'language'>): Promise<void> {
  const section = await db.kysely.selectFrom('sections').select('language').where('id', '=', fields.sectionId).executeTakeFirst();
  if (!section) throw new ValidationError([`sectionId: section ${fields.sectionId} does not exist`]);
  if (section.language !== fields.language) {
    throw new ValidationError([`sectionId: that section belongs to the "${section.language}" edition; choose a section of the "${fields.language}" edition, or change the story's edition`]);
  }
}

export async function createArticle(deps: PublishingDeps, input: ArticleInput): Promise<Article> {
  const now = deps.now?.() ?? new Date();
  const { fields, authorIds, tags } = validateArticleInput(input);
  await checkSectionEdition(deps.db, fields);
  const article = await deps.db.kysely.transaction().execute(async (tx) => {
    const created = await articleWrites.insert(tx, fields, now);
    await articleWrites.setAuthors(tx, created.id, authorIds);
    await articleWrites.setTags(tx, created.id, tags, now);
    await reindexArticle(tx, deps.db.dialect, created.id);
    return created;
  });
  deps.events.publish({ type: 'article.changed', articleId: article.id, sectionId: article.sectionId });
  return article;
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  /** Error handlers that know nothing of services answer 404. */
  readonly statusCode = 404;
}

/** Replaces an article's fields, bylines and tags in one transaction. */
export async function updateArticle(deps: PublishingDeps, id: number, input: ArticleInput, correction?: { kind: 'correction' | 'update'; note: string }): Promise<Article> {
  const now = deps.now?.() ?? new Date();
  const { fields, authorIds, tags } = validateArticleInput(input);
  await checkSectionEdition(deps.db, fields);
  const { before, after } = await deps.db.kysely.transaction().execute(async (tx) => {
    const current = await new ArticleRepository(deps.db.kysely).findById(id, tx);
    if (!current) throw new NotFoundError(`article ${id} does not exist`);
    const updated = await articleWrites.update(tx, current, fields, now);
    await articleWrites.setAuthors(tx, id, authorIds);
    await articleWrites.setTags(tx, id, tags, now);
    await reindexArticle(tx, deps.db.dialect, id);
    if (correction) await articleWrites.addCorrection(tx, id, correction.kind, correction.note, now);
    return { before: current, after: updated };
  });
  deps.events.publish({ type: 'article.changed', articleId: id, sectionId: after.sectionId, previousSectionId: before.sectionId });
  return after;
}
