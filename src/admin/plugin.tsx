/**
 * The newsroom under /admin. Every request loads its session; every route but the sign-in
 * family requires one; every state-changing request must carry its CSRF token. Policies are
 * checked inside the routes, by the services, for every action.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { ForbiddenError } from '../core/policies.js';
import { NotFoundError } from '../services/publishing.js';
import type { Db } from '../storage/db.js';
import { isDatabaseUnavailable } from '../storage/db.js';
import type { AdminDeps } from './context.js';
import { adminContext, sendAdminPage } from './context.js';
import { registerApiRoutes } from './routes/api.js';
import { registerArticleRoutes } from './routes/articles.js';
import type { CatalogAdmin } from '../services/catalog-admin.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerLiveAdminRoutes } from './routes/live.js';
import { registerLiveBlogAdminRoutes } from './routes/live-blog.js';
import type { LiveService } from '../services/live.js';
import { registerMediaRoutes } from './routes/media.js';
import { registerModerationRoutes } from './routes/moderation.js';
import { registerUserRoutes } from './routes/users.js';
import { csrfValid, loadSession } from './security.js';
import { AdminLayout } from './views/AdminLayout.js';

const PUBLIC_PATHS = new Set(['/admin/login', '/admin/setup', '/admin/accept', '/admin/forgot', '/admin/reset']);

export async function registerAdmin(app: FastifyInstance, deps: AdminDeps, db: Db, catalog: CatalogAdmin, live: LiveService): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });

  // An encapsulated context: these hooks and the error handler apply to newsroom routes only.
  await app.register(async (admin) => {
    admin.decorateRequest('staff', undefined);
    admin.addHook('onRequest', async (req, reply) => {
      await loadSession(req, deps.accounts);
      const path = req.url.split('?')[0] ?? '';
      if (!req.staff && !PUBLIC_PATHS.has(path) && path !== '/admin/logout') {
        if (req.method === 'GET' && !path.startsWith('/admin/api/')) return reply.redirect(`/admin/login?next=${encodeURIComponent(req.url)}`, 303);
        return reply.code(401).header('cache-control', 'no-store').send({ error: 'sign in first' });
      }
    });
    // After the body is parsed (the token may be a form field), before any handler runs.
    admin.addHook('preHandler', async (req, reply) => {
      if (req.method === 'GET' || req.method === 'HEAD') return;
      if (!csrfValid(req)) {
        return reply.code(403).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('This form has expired or did not come from this site (CSRF check failed). Go back, reload the page and try again.');
      }
    });
    admin.setErrorHandler(async (error: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
      const unavailable = isDatabaseUnavailable(error);
      const status = unavailable ? 503 : error instanceof ForbiddenError ? 403 : error instanceof NotFoundError ? 404 : error.validation ? 400 : (error.statusCode ?? 500);
      if (unavailable) {
        // The newsroom page itself needs the database (session, menus): answer plainly.
        req.log.warn({ err: error }, 'database unavailable');
        return reply.code(503).header('retry-after', '5').header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('The database cannot be reached right now. Nothing was saved: keep this page open and submit again in a few seconds.');
      }
      if (status >= 500) req.log.error({ err: error }, 'newsroom request failed');
      const message =
        status === 403 ? 'Your role does not allow this.'
        : status === 404 ? 'There is nothing here.'
        : status === 413 ? 'The upload is larger than the limit: nothing was saved.'
        : status < 500 ? `The request was not understood: ${error.message}`
        : 'Something went wrong. Nothing was saved.';
      if ((req.url.startsWith('/admin/api/') || req.headers.accept === 'application/json') && status !== 500) return reply.code(status).send({ error: message });
      return sendAdminPage(
        reply,
        <AdminLayout ctx={adminContext(deps, req, reply)} title={message}>
          <h1>{status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Error'}</h1>
          <p>{message}</p>
          <p>
            <a href="/admin">Back to the dashboard</a>
          </p>
        </AdminLayout>,
        status,
      );
    });
    registerAuthRoutes(admin, deps);
    registerArticleRoutes(admin, deps);
    registerUserRoutes(admin, deps);
    registerCatalogRoutes(admin, deps, catalog);
    registerLiveAdminRoutes(admin, deps, live);
    registerLiveBlogAdminRoutes(admin, deps, deps.liveBlog);
    registerModerationRoutes(admin, deps);
    registerApiRoutes(admin, deps, db);
    await registerMediaRoutes(admin, deps, deps.media, { maxBytes: deps.mediaLimits.maxBytes });
  });
}
