/**
 * The newsroom's live coverage commands (docs/live-blog.md), under /admin/articles/:id/live:
 * start / end coverage, the player switch, and posting, editing, pinning and deleting
 * updates. Plain form posts (CSRF checked by the admin plugin), answered with a redirect to
 * the story's "Live updates" panel; a post that does not validate comes back on a page of
 * its own with the problems and the text kept. Policies are checked by services/live-blog.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../../core/policies.js';
import type { StaffUser } from '../../core/staff.js';
import type { LiveUpdate } from '../../core/live-blog.js';
import type { LiveBlogService } from '../../services/live-blog.js';
import { NotFoundError, ValidationError } from '../../services/publishing.js';
import type { AdminDeps } from '../context.js';
import { adminContext, field, sendAdminPage } from '../context.js';
import { LiveUpdateFormPage } from '../views/LiveBlogPanel.js';

type ArticleParams = { Params: { id: string } };
type UpdateParams = { Params: { id: string; updateId: string } };

const idOf = (raw: string): number => {
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n <= 0) throw new NotFoundError('no such story');
  return n;
};

export function registerLiveBlogAdminRoutes(app: FastifyInstance, deps: AdminDeps, liveBlog: LiveBlogService): void {
  const staff = (req: FastifyRequest): StaffUser => {
    if (!req.staff) throw new Error('route reached without a session');
    return req.staff.user;
  };
  const back = (reply: FastifyReply, articleId: number, anchor = 'live-updates') => reply.redirect(`/admin/articles/${articleId}#${anchor}`, 303);

  async function headlineOf(articleId: number): Promise<string> {
    const a = await deps.newsroom.load(articleId);
    if (!a) throw new NotFoundError('no such story');
    return a.article.headline;
  }

  async function formPage(req: FastifyRequest, reply: FastifyReply, articleId: number, update: LiveUpdate | undefined, input: { headline: string; text: string; pinned?: boolean }, errors: string[]) {
    return sendAdminPage(reply, <LiveUpdateFormPage ctx={adminContext(deps, req, reply)} articleId={articleId} headline={await headlineOf(articleId)} update={update} input={input} errors={errors} />, 400);
  }

  app.post<ArticleParams>('/admin/articles/:id/live/start', async (req, reply) => {
    const articleId = idOf(req.params.id);
    await liveBlog.startCoverage(staff(req), articleId);
    return back(reply, articleId);
  });

  app.post<ArticleParams>('/admin/articles/:id/live/end', async (req, reply) => {
    const articleId = idOf(req.params.id);
    await liveBlog.endCoverage(staff(req), articleId);
    return back(reply, articleId);
  });

  app.post<ArticleParams>('/admin/articles/:id/live/player', async (req, reply) => {
    const articleId = idOf(req.params.id);
    await liveBlog.setPlayer(staff(req), articleId, field(req.body, 'on') === '1');
    return back(reply, articleId);
  });

  app.post<ArticleParams>('/admin/articles/:id/live/updates', async (req, reply) => {
    const articleId = idOf(req.params.id);
    const input = { headline: field(req.body, 'headline'), text: field(req.body, 'body'), pinned: field(req.body, 'pinned') === '1' };
    try {
      const posted = await liveBlog.post(staff(req), articleId, input);
      return back(reply, articleId, `live-update-${posted.id}`);
    } catch (err) {
      if (err instanceof ValidationError) return formPage(req, reply, articleId, undefined, input, err.issues);
      throw err;
    }
  });

  app.get<UpdateParams>('/admin/articles/:id/live/updates/:updateId/edit', async (req, reply) => {
    const articleId = idOf(req.params.id);
    if (!(await liveBlog.panel(staff(req), articleId)).canPost) throw new ForbiddenError('postLiveUpdate');
    const update = await liveBlog.update(articleId, idOf(req.params.updateId));
    return sendAdminPage(reply, <LiveUpdateFormPage ctx={adminContext(deps, req, reply)} articleId={articleId} headline={await headlineOf(articleId)} update={update} />);
  });

  app.post<UpdateParams>('/admin/articles/:id/live/updates/:updateId', async (req, reply) => {
    const articleId = idOf(req.params.id);
    const updateId = idOf(req.params.updateId);
    const input = { headline: field(req.body, 'headline'), text: field(req.body, 'body') };
    try {
      await liveBlog.edit(staff(req), articleId, updateId, input);
      return back(reply, articleId, `live-update-${updateId}`);
    } catch (err) {
      if (err instanceof ValidationError) return formPage(req, reply, articleId, await liveBlog.update(articleId, updateId), input, err.issues);
      throw err;
    }
  });

  app.post<UpdateParams>('/admin/articles/:id/live/updates/:updateId/pin', async (req, reply) => {
    const articleId = idOf(req.params.id);
    const updateId = idOf(req.params.updateId);
    await liveBlog.setPinned(staff(req), articleId, updateId, field(req.body, 'pinned') === '1');
    return back(reply, articleId, `live-update-${updateId}`);
  });

  app.post<UpdateParams>('/admin/articles/:id/live/updates/:updateId/delete', async (req, reply) => {
    const articleId = idOf(req.params.id);
    await liveBlog.remove(staff(req), articleId, idOf(req.params.updateId));
    return back(reply, articleId);
  });
}
