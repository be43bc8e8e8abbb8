/** The newsroom's article screens: dashboard, lists, editor, workflow, revisions, notes. */
import { diffWords } from 'diff';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ARTICLE_STATUSES, SUBSTRING_MIN_LENGTH } from '../../core/articles.js';
import type { ArticleStatus } from '../../core/articles.js';
import { ForbiddenError, articleAbilities, policies } from '../../core/policies.js';
import { documentToPlainText, parseDocument } from '../../core/richtext.js';
import type { StaffUser } from '../../core/staff.js';
import type { NewsroomArticle } from '../../services/newsroom.js';
import { ConflictError, WorkflowError } from '../../services/newsroom.js';
import type { ArticleInput } from '../../services/publishing.js';
import type { LeadVideoInput } from '../../services/videos.js';
import { NotFoundError, ValidationError } from '../../services/publishing.js';
import { readArticleForm } from '../article-form.js';
import type { AdminDeps } from '../context.js';
import { adminContext, field, sendAdminPage } from '../context.js';
import type { EditModel, ListFilters, ListRow, SectionOption } from '../views/ArticleViews.js';
import type { TranslationPanelModel } from '../views/TranslationPanel.js';
import { isLanguage } from '../../core/editions.js';
import { ArticleEditPage, ArticleListPage, DashboardPage, DiffPage, RevisionsPage } from '../views/ArticleViews.js';

const PAGE = 30;

export function registerArticleRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { newsroom, lists, reading, previews, options } = deps;
  const staff = (req: FastifyRequest): StaffUser => {
    if (!req.staff) throw new Error('route reached without a session');
    return req.staff.user;
  };

  /** Every edition's sections, grouped by edition (a story is filed in its own edition's). */
  async function sectionOptions(): Promise<SectionOption[]> {
    const perEdition = await Promise.all(
      deps.editions.all.map(async (e) => {
        const tree = await reading.sectionTree(e.language);
        return [...tree.byId.values()].map((s) => ({ id: s.id, name: tree.ancestry(s.id).map((a) => a.name).join(' › '), edition: e.name })).sort((a, b) => a.name.localeCompare(b.name, e.locale));
      }),
    );
    return perEdition.flat();
  }

  async function authorOptions() {
    return (await lists.allAuthors()).map((a) => ({ id: a.id, slug: a.slug, name: a.name, role: a.role, bio: a.bio, xHandle: a.x_handle }));
  }

  async function rowsFor(q: Parameters<typeof lists.list>[0]): Promise<{ rows: ListRow[]; total: number }> {
    const [result, trees] = await Promise.all([lists.list(q), Promise.all(deps.editions.all.map((e) => reading.sectionTree(e.language)))]);
    const names = await lists.authorNames(result.rows.map((r) => r.id));
    const sectionName = (id: number) => trees.map((t) => t.byId.get(id)?.name).find((n) => n !== undefined) ?? '';
    return {
      total: result.total,
      rows: result.rows.map((r) => ({ ...r, sectionName: sectionName(r.sectionId), authors: names.get(r.id) ?? '' })),
    };
  }

  const visibility = (u: StaffUser) => (u.role === 'contributor' || u.role === 'moderator' ? { userId: u.id, authorId: u.authorId } : undefined);

  app.get('/admin', async (req, reply) => {
    const u = staff(req);
    const base = { limit: 20, offset: 0, visibleTo: visibility(u) };
    const [review, scheduled, drafts, published] = await Promise.all([
      rowsFor({ ...base, status: 'review' }),
      rowsFor({ ...base, status: 'scheduled' }),
      rowsFor({ ...base, status: 'draft', createdBy: u.id }),
      rowsFor({ ...base, status: 'published', limit: 10 }),
    ]);
    return sendAdminPage(reply, <DashboardPage ctx={adminContext(deps, req, reply)} review={review.rows} scheduled={scheduled.rows} drafts={drafts.rows} published={published.rows} />);
  });

  app.get<{ Querystring: { status?: string; sectionId?: string; authorId?: string; q?: string; page?: string } }>('/admin/articles', async (req, reply) => {
    const q = req.query;
    const int = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);
    const filters: ListFilters = {
      status: (ARTICLE_STATUSES as readonly string[]).includes(q.status ?? '') ? (q.status as ArticleStatus) : undefined,
      sectionId: int(q.sectionId),
      authorId: int(q.authorId),
      q: q.q?.slice(0, 200),
      page: Math.max(1, int(q.page) ?? 1),
    };
    const textMatches = filters.q?.trim() ? await deps.search.matchingIds(filters.q) : undefined;
    const { rows, total } = await rowsFor({ status: filters.status, sectionId: filters.sectionId, authorId: filters.authorId, text: filters.q, textMatches, visibleTo: visibility(staff(req)), limit: PAGE, offset: (filters.page - 1) * PAGE });
    const text = filters.q?.trim() ?? '';
    const wholeWordsOnly = text !== '' && [...text].length < SUBSTRING_MIN_LENGTH;
    return sendAdminPage(reply, <ArticleListPage ctx={adminContext(deps, req, reply)} rows={rows} filters={filters} sections={await sectionOptions()} authors={await authorOptions()} totalPages={Math.max(1, Math.ceil(total / PAGE))} wholeWordsOnly={wholeWordsOnly} />);
  });

  /** Recent images, plus the story's current lead if it is older. */
  async function imageOptions(current: number | null | undefined) {
    const recent = await deps.media.search('', 100);
    const chosen = current && !recent.some((r) => r.id === current) ? await deps.media.get(current) : undefined;
    return [...(chosen ? [chosen] : []), ...recent].map((img) => ({ id: img.id, label: `#${img.id} ${img.alt || '(no alt text)'}${img.credit ? ` (${img.credit})` : ''}`.slice(0, 140) }));
  }

  async function editPage(req: FastifyRequest, reply: FastifyReply, m: EditModel, status = 200, errors?: string[], notice?: string) {
    return sendAdminPage(reply, <ArticleEditPage ctx={adminContext(deps, req, reply)} m={m} sections={await sectionOptions()} authors={await authorOptions()} images={await imageOptions(m.input.leadMediaId)} errors={errors} notice={notice} />, status);
  }

  async function modelFor(u: StaffUser, a: NewsroomArticle, input?: ArticleInput, leadVideo?: LeadVideoInput | null): Promise<EditModel> {
    const tree = await reading.sectionTree(a.article.language);
    return {
      id: a.article.id,
      version: a.article.version,
      status: a.article.status,
      input: input ?? newsroom.toInput(a),
      scheduledAt: a.scheduledAt,
      embargoUntil: a.embargoUntil,
      publishedAt: a.article.publishedAt,
      url: reading.articleUrl(tree, a.article),
      abilities: articleAbilities(u, newsroom.facts(a)),
      notes: await newsroom.notes(a.article.id),
      previewUrl: a.article.status === 'published' ? null : await previews.url(a.article.id),
      translations: await translationPanel(u, a),
      liveBlog: await deps.liveBlog.panel(u, a.article.id),
      leadVideo: leadVideo !== undefined ? leadVideo : ((await deps.videos?.formValues(a.article.id)) ?? null),
    };
  }

  async function translationPanel(u: StaffUser, a: NewsroomArticle): Promise<TranslationPanelModel> {
    const members = await deps.translations.of(a.article.id);
    const have = new Set([a.article.language, ...members.map((t) => t.language)]);
    return {
      articleId: a.article.id,
      language: a.article.language,
      members,
      missing: deps.editions.all.filter((e) => !have.has(e.language)),
      editionName: (language) => deps.editions.of(language).name,
      canEdit: articleAbilities(u, newsroom.facts(a)).edit,
    };
  }

  /** "42", "/admin/articles/42" or a story's address on the site (any edition) -> its id. */
  async function storyRef(raw: string): Promise<number | undefined> {
    const text = raw.trim();
    const id = /^(?:\/admin\/articles\/)?(\d{1,9})$/.exec(text)?.[1];
    if (id) return Number(id);
    let path: string;
    try {
      path = new URL(text, 'http://x').pathname;
    } catch {
      return undefined;
    }
    const { edition, rest } = deps.editions.fromPath(path.replace(/^\/lite(?=\/)/, ''));
    const found = await reading.resolve(edition.language, rest.split('/').filter(Boolean));
    return found.kind === 'article' ? found.article.id : found.kind === 'redirect' ? found.articleId : undefined;
  }

  app.post<{ Params: { id: string } }>('/admin/articles/:id/translations', async (req, reply) => {
    const a = await loadFor(req);
    const other = await storyRef(field(req.body, 'other'));
    try {
      if (other === undefined) throw new ValidationError([`translation: "${field(req.body, 'other').slice(0, 100)}" is not a story number or the address of a published story`]);
      await deps.translations.link(staff(req), a.article.id, other);
    } catch (err) {
      if (err instanceof ValidationError) return editPage(req, reply, await modelFor(staff(req), a), 400, err.issues);
      throw err;
    }
    return editPage(req, reply, await modelFor(staff(req), a), 200, undefined, 'Linked.');
  });

  app.post<{ Params: { id: string } }>('/admin/articles/:id/translations/unlink', async (req, reply) => {
    const a = await loadFor(req);
    await deps.translations.unlink(staff(req), a.article.id);
    return editPage(req, reply, await modelFor(staff(req), a), 200, undefined, 'Unlinked.');
  });

  app.post<{ Params: { id: string } }>('/admin/articles/:id/translations/start', async (req, reply) => {
    const a = await loadFor(req);
    const language = field(req.body, 'language');
    try {
      if (!deps.editions.has(language) || !isLanguage(language)) throw new ValidationError([`language: "${language.slice(0, 20)}" is not an edition of this site`]);
      const id = await deps.translations.startTranslation(staff(req), a.article.id, language);
      return reply.redirect(`/admin/articles/${id}?saved=1`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return editPage(req, reply, await modelFor(staff(req), a), 400, err.issues);
      throw err;
    }
  });

  const blank = (u: StaffUser): EditModel => ({
    id: null,
    version: 0,
    status: 'draft',
    input: { headline: '', sectionId: 0, body: { type: 'doc', content: [] }, authorIds: u.authorId ? [u.authorId] : [], tags: [] },
    scheduledAt: null,
    embargoUntil: null,
    publishedAt: null,
    url: null,
    abilities: { edit: true, submit: false, publish: false, delete: false },
    notes: [],
    previewUrl: null,
  });

  app.get('/admin/articles/new', (req, reply) => {
    if (!policies.createArticle(staff(req))) throw new ForbiddenError('createArticle');
    return editPage(req, reply, blank(staff(req)));
  });

  app.post('/admin/articles', async (req, reply) => {
    const u = staff(req);
    let form: ReturnType<typeof readArticleForm> | undefined;
    try {
      form = readArticleForm(req.body, options.timeZone);
      const created = await newsroom.create(u, form.input, form.cmd.leadVideo);
      return reply.redirect(`/admin/articles/${created.article.id}?saved=1`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return editPage(req, reply, { ...blank(u), input: form?.input ?? blank(u).input, leadVideo: form?.cmd.leadVideo }, 400, err.issues);
      throw err;
    }
  });

  async function loadFor(req: FastifyRequest<{ Params: { id: string } }>): Promise<NewsroomArticle> {
    const id = Number(req.params.id);
    const a = Number.isInteger(id) && id > 0 ? await newsroom.load(id) : undefined;
    if (!a) throw new NotFoundError('no such story');
    if (!policies.viewArticle(staff(req), newsroom.facts(a))) throw new ForbiddenError('viewArticle');
    return a;
  }

  app.get<{ Params: { id: string }; Querystring: { saved?: string } }>('/admin/articles/:id', async (req, reply) => {
    const a = await loadFor(req);
    return editPage(req, reply, await modelFor(staff(req), a), 200, undefined, req.query.saved ? 'Saved.' : undefined);
  });

  const NOTICES: Record<string, string> = { save: 'Saved.', submit: 'Submitted for review.', return: 'Returned to draft.', publish: 'Published.', schedule: 'Scheduled.', unschedule: 'Unscheduled: back to draft.', unpublish: 'Unpublished: the story is no longer on the site.' };

  app.post<{ Params: { id: string } }>('/admin/articles/:id', async (req, reply) => {
    const u = staff(req);
    const a = await loadFor(req);
    let form: ReturnType<typeof readArticleForm> | undefined;
    try {
      form = readArticleForm(req.body, options.timeZone);
      const saved = await newsroom.save(u, a.article.id, { input: form.input, ...form.cmd });
      const notice = saved.article.status === 'scheduled' && form.cmd.action === 'publish' ? 'The story is under embargo: it will publish when the embargo lifts.' : NOTICES[form.cmd.action ?? 'save'];
      const videoWarning = await deps.videos?.warning(form.cmd.leadVideo);
      return editPage(req, reply, await modelFor(u, saved), 200, undefined, videoWarning ? `${notice ?? 'Saved.'} ${videoWarning}` : notice);
    } catch (err) {
      const keep = form?.input;
      const keepVideo = form?.cmd.leadVideo;
      if (err instanceof ValidationError) return editPage(req, reply, await modelFor(u, a, keep, keepVideo), 400, err.issues);
      if (err instanceof WorkflowError) return editPage(req, reply, await modelFor(u, a, keep, keepVideo), 409, [err.message]);
      if (err instanceof ConflictError) {
        return editPage(req, reply, await modelFor(u, a, keep, keepVideo), 409, [`${err.message}. Your version is below and has not been saved: copy your changes, reload the story, and apply them again.`]);
      }
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/admin/articles/:id/autosave', async (req, reply) => {
    const a = await loadFor(req);
    try {
      const form = readArticleForm(req.body, options.timeZone);
      const saved = await newsroom.save(staff(req), a.article.id, { input: form.input, ...form.cmd, action: 'save', autosave: true, correction: undefined, markUpdated: false });
      return reply.header('cache-control', 'no-store').send({ version: saved.article.version, savedAt: saved.article.updatedAt });
    } catch (err) {
      if (err instanceof ConflictError) return reply.code(409).send({ error: err.message });
      if (err instanceof ValidationError) return reply.code(400).send({ error: err.issues.join('; ') });
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/admin/articles/:id/notes', async (req, reply) => {
    const a = await loadFor(req);
    await newsroom.addNote(staff(req), a.article.id, field(req.body, 'body'));
    return reply.redirect(`/admin/articles/${a.article.id}#notes-title`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/articles/:id/revisions', async (req, reply) => {
    const a = await loadFor(req);
    const revisions = await newsroom.revisions(a.article.id);
    return sendAdminPage(reply, <RevisionsPage ctx={adminContext(deps, req, reply)} articleId={a.article.id} headline={a.article.headline} revisions={revisions} version={a.article.version} canRestore={policies.editArticle(staff(req), newsroom.facts(a))} />);
  });

  app.get<{ Params: { id: string; rev: string } }>('/admin/articles/:id/revisions/:rev', async (req, reply) => {
    const a = await loadFor(req);
    const revision = (await newsroom.revisions(a.article.id)).find((r) => r.id === Number(req.params.rev));
    if (!revision) throw new NotFoundError('no such revision');
    const text = (input: ArticleInput) => {
      try {
        return documentToPlainText(parseDocument(input.body));
      } catch {
        return '';
      }
    };
    const current = newsroom.toInput(a);
    const fieldsDiff = [
      { name: 'Headline', changes: diffWords(revision.snapshot.headline, current.headline) },
      { name: 'Standfirst', changes: diffWords(revision.snapshot.standfirst ?? '', current.standfirst ?? '') },
      { name: 'Body', changes: diffWords(text(revision.snapshot), text(current)) },
    ];
    return sendAdminPage(reply, <DiffPage ctx={adminContext(deps, req, reply)} articleId={a.article.id} revision={revision} fields={fieldsDiff} />);
  });

  app.post<{ Params: { id: string; rev: string } }>('/admin/articles/:id/revisions/:rev/restore', async (req, reply) => {
    const a = await loadFor(req);
    try {
      await newsroom.restore(staff(req), a.article.id, Number(req.params.rev), Number(field(req.body, 'version')));
      return reply.redirect(`/admin/articles/${a.article.id}?saved=1`, 303);
    } catch (err) {
      if (err instanceof ConflictError) return reply.redirect(`/admin/articles/${a.article.id}/revisions`, 303);
      throw err;
    }
  });
}
