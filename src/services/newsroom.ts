/**
 * The newsroom's article commands: save (with an optimistic version check), workflow actions,
 * revisions, internal notes and scheduled publishing. Every command checks the actor's policy
 * first, writes in one transaction, and publishes a content event after it commits.
 */
import type { Article } from '../core/articles.js';
import type { ContentEvents } from '../core/events.js';
import type { ArticleFacts } from '../core/policies.js';
import { ForbiddenError, policies } from '../core/policies.js';
import type { StaffUser } from '../core/staff.js';
import type { WorkflowAction } from '../core/workflow.js';
import { ACTION_POLICY, transition } from '../core/workflow.js';
import type { Db } from '../storage/db.js';
import { ArticleRepository, articleWrites } from '../storage/repositories/articles.js';
import type { ArticleInput } from './publishing.js';
import { reindexArticle } from './search.js';
import type { LeadVideoInput } from './videos.js';
import { applyLeadVideo, validateLeadVideo } from './videos.js';
import { NotFoundError, ValidationError, checkSectionEdition, languageOfSection, validateArticleInput } from './publishing.js';

export interface NewsroomDeps {
  db: Db;
  events: ContentEvents;
  now?: () => Date;
}

export class ConflictError extends Error {
  constructor(readonly currentVersion: number, readonly updatedBy: string | null) {
    super(`this story was changed by ${updatedBy ?? 'someone else'} since you opened it (now version ${currentVersion})`);
    this.name = 'ConflictError';
  }
}

export class WorkflowError extends Error {
  override name = 'WorkflowError';
}

export interface SaveCommand {
  input: ArticleInput;
  /** The version the editor started from; a different current version is a conflict. */
  expectedVersion?: number;
  action?: WorkflowAction;
  scheduleAt?: Date;
  embargoUntil?: string | null;
  /** A published story edited with "mark as updated" shows an Updated time. */
  markUpdated?: boolean;
  correction?: { kind: 'correction' | 'update'; note: string };
  autosave?: boolean;
  /** The lead video (services/videos.ts): undefined leaves it as it is, null removes it. */
  leadVideo?: LeadVideoInput | null;
}

export interface NewsroomArticle {
  article: Article;
  authorIds: number[];
  tags: string[];
  scheduledAt: string | null;
  embargoUntil: string | null;
  createdBy: number | null;
  updatedBy: number | null;
}

export interface Revision {
  id: number;
  version: number;
  userName: string | null;
  autosave: boolean;
  createdAt: string;
  snapshot: ArticleInput;
}

export interface Note {
  id: number;
  userName: string | null;
  body: string;
  createdAt: string;
}

export class Newsroom {
  private readonly articles: ArticleRepository;
  private readonly now: () => Date;

  constructor(private readonly deps: NewsroomDeps) {
    this.articles = new ArticleRepository(deps.db.kysely);
    this.now = deps.now ?? (() => new Date());
  }

  private get k() {
    return this.deps.db.kysely;
  }

  async load(id: number): Promise<NewsroomArticle | undefined> {
    const article = await this.articles.findById(id);
    if (!article) return undefined;
    const extra = await this.k.selectFrom('articles').select(['scheduled_at', 'embargo_until', 'created_by', 'updated_by']).where('id', '=', id).executeTakeFirstOrThrow();
    const [authorIds, tagRows] = await Promise.all([
      this.articles.authorIdsFor([id]),
      this.k.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select('t.name').where('at.article_id', '=', id).orderBy('at.position').execute(),
    ]);
    return { article, authorIds: authorIds.get(id) ?? [], tags: tagRows.map((t) => t.name), scheduledAt: extra.scheduled_at, embargoUntil: extra.embargo_until, createdBy: extra.created_by, updatedBy: extra.updated_by };
  }

  facts(a: NewsroomArticle): ArticleFacts {
    return { status: a.article.status, createdBy: a.createdBy, authorIds: a.authorIds };
  }

  /** The editable fields of a loaded article, in the shape the editor posts back. */
  toInput(a: NewsroomArticle): ArticleInput {
    const x = a.article;
    return {
      headline: x.headline,
      slug: x.slug,
      language: x.language,
      sectionId: x.sectionId,
      label: x.label,
      seoHeadline: x.seoHeadline,
      standfirst: x.standfirst,
      seoDescription: x.seoDescription,
      body: x.body,
      leadMediaId: x.leadMediaId,
      socialMediaId: x.socialMediaId,
      commentsOpen: x.commentsOpen,
      commentsPremoderated: x.commentsPremoderated,
      authorIds: a.authorIds,
      tags: a.tags,
    };
  }

  /** Creates a draft. Contributors and everyone else start the same way. */
  async create(actor: StaffUser, input: ArticleInput, leadVideoInput?: LeadVideoInput | null): Promise<NewsroomArticle> {
    if (!policies.createArticle(actor)) throw new ForbiddenError('createArticle');
    // The newsroom files a story in a section; the section's edition decides its language.
    input = { ...input, language: await languageOfSection(this.deps.db, input.sectionId) };
    const now = this.now();
    const { fields, authorIds, tags } = validateArticleInput({ ...input, status: 'draft', publishedAt: null, displayUpdatedAt: null });
    await this.ensureSlugFree(fields.language, fields.slug, null);
    await checkSectionEdition(this.deps.db, fields);
    const leadVideo = leadVideoInput ? await validateLeadVideo(this.k, leadVideoInput) : undefined;
    const id = await this.k.transaction().execute(async (tx) => {
      const created = await articleWrites.insert(tx, fields, now);
      if (leadVideo) await applyLeadVideo(tx, created.id, leadVideo, now);
      await tx.updateTable('articles').set({ created_by: actor.id, updated_by: actor.id }).where('id', '=', created.id).execute();
      await articleWrites.setAuthors(tx, created.id, authorIds.length ? authorIds : actor.authorId ? [actor.authorId] : []);
      await articleWrites.setTags(tx, created.id, tags, now);
      await reindexArticle(tx, this.deps.db.dialect, created.id);
      await tx.insertInto('article_revisions').values({ article_id: created.id, version: created.version, snapshot: JSON.stringify({ ...input, status: 'draft' }), user_id: actor.id, autosave: 0, created_at: now.toISOString() }).execute();
      return created.id;
    });
    const loaded = await this.load(id);
    if (!loaded) throw new NotFoundError(`article ${id} vanished`);
    return loaded;
  }

  private async ensureSlugFree(language: string, slug: string, exceptId: number | null): Promise<void> {
    let q = this.k.selectFrom('articles').select('id').where('language', '=', language).where('slug', '=', slug);
    if (exceptId !== null) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) throw new ValidationError([`slug: "${slug}" is already used by another story`]);
  }

  /**
   * Saves edits and applies a workflow action in one transaction. The version check happens
   * inside the transaction with a conditional UPDATE, so two simultaneous saves cannot both win.
   */
  async save(actor: StaffUser, id: number, cmd: SaveCommand): Promise<NewsroomArticle> {
    const current = await this.load(id);
    if (!current) throw new NotFoundError(`article ${id} does not exist`);
    cmd = { ...cmd, input: { ...cmd.input, language: await languageOfSection(this.deps.db, cmd.input.sectionId) } };
    const action = cmd.action ?? 'save';
    const facts = this.facts(current);
    if (!policies.editArticle(actor, facts) && action === 'save') throw new ForbiddenError('editArticle');
    const policy = ACTION_POLICY[action];
    if (!policies[policy](actor, facts)) throw new ForbiddenError(policy);
    if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== current.article.version) {
      throw new ConflictError(current.article.version, await this.userName(current.updatedBy));
    }

    const now = this.now();
    const embargoUntil = cmd.embargoUntil === undefined ? current.embargoUntil : cmd.embargoUntil;
    const step = transition({ status: current.article.status, publishedAt: current.article.publishedAt, scheduledAt: current.scheduledAt, embargoUntil }, action, now, cmd.scheduleAt);
    if (!step.ok) throw new WorkflowError(step.reason);
    const next = step.next;
    if (next.status === 'published' && embargoUntil && Date.parse(embargoUntil) > now.getTime()) throw new WorkflowError('the story is under embargo');

    const wasPublic = current.article.status === 'published';
    const displayUpdatedAt = wasPublic && next.status === 'published' && cmd.markUpdated ? now.toISOString() : current.article.displayUpdatedAt;
    const { fields, authorIds, tags } = validateArticleInput({ ...cmd.input, status: next.status, publishedAt: next.publishedAt, displayUpdatedAt });
    await this.ensureSlugFree(fields.language, fields.slug, id);
    await checkSectionEdition(this.deps.db, fields);
    // Checked before anything is written; written in the story's own transaction below.
    const leadVideo = cmd.leadVideo === undefined || cmd.leadVideo === null ? cmd.leadVideo : await validateLeadVideo(this.k, cmd.leadVideo);

    await this.k.transaction().execute(async (tx) => {
      if (leadVideo !== undefined) await applyLeadVideo(tx, id, leadVideo, now);
      // The conditional update is the real conflict check: it fails if another save got in first.
      const claimed = await tx.updateTable('articles').set({ updated_by: actor.id }).where('id', '=', id).where('version', '=', current.article.version).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw new ConflictError(current.article.version + 1, null);
      const updated = await articleWrites.update(tx, current.article, fields, now);
      await tx.updateTable('articles').set({ scheduled_at: next.scheduledAt, embargo_until: embargoUntil }).where('id', '=', id).execute();
      await articleWrites.setAuthors(tx, id, authorIds);
      await articleWrites.setTags(tx, id, tags, now);
      await reindexArticle(tx, this.deps.db.dialect, id);
      if (cmd.correction?.note.trim()) await articleWrites.addCorrection(tx, id, cmd.correction.kind, cmd.correction.note.trim().slice(0, 2000), now);
      await tx
        .insertInto('article_revisions')
        .values({ article_id: id, version: updated.version, snapshot: JSON.stringify(cmd.input), user_id: actor.id, autosave: cmd.autosave ? 1 : 0, created_at: now.toISOString() })
        .execute();
    });
    const reach = changeReach(current, { status: next.status, publishedAt: next.publishedAt, sectionId: fields.sectionId, language: fields.language, authorIds, tags: tags.map((t) => t.name) });
    this.deps.events.publish({ type: 'article.changed', articleId: id, sectionId: fields.sectionId, previousSectionId: current.article.sectionId, ...(reach ? { reach } : {}) });
    const saved = await this.load(id);
    if (!saved) throw new NotFoundError(`article ${id} vanished`);
    return saved;
  }

  private async userName(id: number | null): Promise<string | null> {
    if (id === null) return null;
    const r = await this.k.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
    return r?.name ?? null;
  }

  async revisions(articleId: number): Promise<Revision[]> {
    const rows = await this.k
      .selectFrom('article_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.version', 'r.snapshot', 'r.autosave', 'r.created_at', 'u.name'])
      .where('r.article_id', '=', articleId)
      .orderBy('r.id', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({ id: r.id, version: r.version, userName: r.name, autosave: r.autosave === 1, createdAt: r.created_at, snapshot: JSON.parse(r.snapshot) as ArticleInput }));
  }

  /** Restoring makes a new revision with the old content: history is never rewritten. */
  async restore(actor: StaffUser, articleId: number, revisionId: number, expectedVersion: number): Promise<NewsroomArticle> {
    const rev = await this.k.selectFrom('article_revisions').select(['snapshot']).where('id', '=', revisionId).where('article_id', '=', articleId).executeTakeFirst();
    if (!rev) throw new NotFoundError(`revision ${revisionId} does not exist`);
    return this.save(actor, articleId, { input: JSON.parse(rev.snapshot) as ArticleInput, expectedVersion });
  }

  async addNote(actor: StaffUser, articleId: number, body: string): Promise<void> {
    if (!policies.addInternalNote(actor)) throw new ForbiddenError('addInternalNote');
    const text = body.trim();
    if (!text) throw new ValidationError(['note: write something first']);
    await this.k.insertInto('article_notes').values({ article_id: articleId, user_id: actor.id, body: text.slice(0, 5000), created_at: this.now().toISOString() }).execute();
  }

  async notes(articleId: number): Promise<Note[]> {
    const rows = await this.k.selectFrom('article_notes as n').leftJoin('users as u', 'u.id', 'n.user_id').select(['n.id', 'n.body', 'n.created_at', 'u.name']).where('n.article_id', '=', articleId).orderBy('n.id').execute();
    return rows.map((r) => ({ id: r.id, userName: r.name, body: r.body, createdAt: r.created_at }));
  }

  /**
   * Publishes every scheduled story whose time has come. Safe to run on many instances at
   * once: on PostgreSQL due rows are claimed with FOR UPDATE SKIP LOCKED, and the status
   * update is conditional everywhere, so each story is published exactly once.
   */
  async publishDue(): Promise<number[]> {
    const now = this.now().toISOString();
    const published = await this.k.transaction().execute(async (tx) => {
      let q = tx.selectFrom('articles').select(['id', 'section_id', 'scheduled_at', 'published_at', 'embargo_until']).where('status', '=', 'scheduled').where('scheduled_at', '<=', now).orderBy('scheduled_at').limit(50);
      if (this.deps.db.dialect === 'postgres') q = q.forUpdate().skipLocked();
      const due = await q.execute();
      const done: { id: number; sectionId: number }[] = [];
      for (const row of due) {
        if (row.embargo_until && row.embargo_until > now) continue;
        const r = await tx
          .updateTable('articles')
          .set({ status: 'published', published_at: row.published_at ?? row.scheduled_at ?? now, scheduled_at: null, updated_at: now })
          .where('id', '=', row.id)
          .where('status', '=', 'scheduled')
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) done.push({ id: row.id, sectionId: row.section_id });
      }
      return done;
    });
    for (const p of published) this.deps.events.publish({ type: 'article.changed', articleId: p.id, sectionId: p.sectionId });
    return published.map((p) => p.id);
  }
}

/**
 * How far a save reaches readers (ContentEvent `reach`): a draft's edits reach no one, and an
 * edit that keeps a public story in the same lists reaches only the pages that show it. The
 * newsroom autosaves drafts every few seconds per editor: each save used to clear every list
 * page, here and at the CDN.
 */
function changeReach(
  before: NewsroomArticle,
  after: { status: string; publishedAt: string | null; sectionId: number; language: string; authorIds: readonly number[]; tags: readonly string[] },
): 'drafts' | 'content' | undefined {
  const wasPublic = before.article.status === 'published';
  const isPublic = after.status === 'published';
  if (!wasPublic && !isPublic) return 'drafts';
  const sameSet = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x) => b.includes(x));
  const sameLists =
    wasPublic &&
    isPublic &&
    before.article.publishedAt === after.publishedAt &&
    before.article.sectionId === after.sectionId &&
    before.article.language === after.language &&
    sameSet(before.authorIds, after.authorIds) &&
    sameSet(before.tags, after.tags);
  return sameLists ? 'content' : undefined;
}
