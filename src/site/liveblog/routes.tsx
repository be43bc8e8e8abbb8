/**
 * Reader routes of live stories (docs/live-blog.md):
 *
 * - `GET /articles/:id/updates/events`: Server-Sent Events. On connect: `hello` with the
 *   newest update's id and whether coverage is on (the island fetches what it missed);
 *   then `update` (posted, edited, pinned, unpinned: the update rendered as on the page),
 *   `deleted`, and `coverage` when the coverage starts or ends. A heartbeat comment every
 *   25 s; `retry: 3000`; open streams end when the server closes.
 * - `GET /articles/:id/updates?before=N`: one page of older updates ("Load older updates"
 *   without JavaScript); with `Accept: application/json`, the same as a fragment for the island.
 * - `GET /articles/:id/updates/since?after=N`: updates posted after N (the island's resync).
 *
 * Only publicly visible stories answer; the rest are 404 like their pages.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ContentEvents } from '../../core/events.js';
import type { LiveBlogService } from '../../services/live-blog.js';
import { NotFoundError } from '../../services/publishing.js';
import type { ReadingService } from '../../services/reading.js';
import { renderDocument, renderFragment } from '../render.js';
import type { SiteHelpers } from '../routes.js';
import { LiveUpdateItem, olderUpdatesUrl } from '../views/components/LiveBlog.js';
import type { PageContext } from '../views/context.js';
import { OlderUpdatesPage } from '../views/LiveBlogPages.js';
import { articleTag, storyPageTag } from '../cache-tags.js';

export interface LiveBlogRouteDeps {
  liveBlog: LiveBlogService;
  reading: ReadingService;
  events: ContentEvents;
  site: SiteHelpers;
}

const id9 = { type: 'string', pattern: '^[0-9]{1,9}$' } as const;
const idParams = { type: 'object', properties: { id: id9 }, required: ['id'] } as const;

const wantsJson = (req: FastifyRequest) => (req.headers.accept ?? '').includes('application/json');

export function registerLiveBlogRoutes(app: FastifyInstance, deps: LiveBlogRouteDeps): void {
  const { liveBlog, reading, site } = deps;
  // Open live streams never go idle: end them when the server shuts down.
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const stream of streams) stream.end();
    done();
  });

  async function story(articleId: number) {
    const found = await reading.publicArticle(articleId);
    if (!found) throw new NotFoundError('no such story');
    return found;
  }

  const contextOf = (found: Awaited<ReturnType<typeof story>>, path: string): Promise<PageContext> => site.context(path, site.editions.of(found.article.language));

  app.get<{ Params: { id: string } }>('/articles/:id/updates/events', { schema: { params: idParams } }, async (req, reply) => {
    const articleId = Number(req.params.id);
    const found = await story(articleId);
    const ctx = await contextOf(found, found.url);
    const model = await liveBlog.forArticle(articleId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    // Reconnect after 3 s if the connection drops; `hello` then tells the island where we are.
    res.write('retry: 3000\n\n');
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('hello', { latestId: model?.latestId ?? null, live: model?.coverage.live ?? false });
    const unsubscribe = deps.events.subscribe((e) => {
      if (e.type === 'article.changed' && e.articleId === articleId) {
        liveBlog.repo
          .coverage(articleId)
          .then((c) => c && send('coverage', { live: c.live }))
          .catch((err: unknown) => req.log.error({ err }, 'live blog coverage event failed'));
        return;
      }
      if (e.type !== 'liveblog.update' || e.articleId !== articleId) return;
      if (e.action === 'deleted') return send('deleted', { id: e.updateId });
      liveBlog
        .view(e.updateId)
        .then((u) => {
          if (u && u.articleId === articleId) send('update', { id: u.id, action: e.action, pinned: u.pinned, createdAt: u.createdAt, html: renderFragment(<LiveUpdateItem ctx={ctx} u={u} />) });
        })
        .catch((err: unknown) => req.log.error({ err }, 'live blog update event failed'));
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    streams.add(res);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  });

  app.get<{ Params: { id: string }; Querystring: { after: number } }>(
    '/articles/:id/updates/since',
    { schema: { params: idParams, querystring: { type: 'object', properties: { after: { type: 'integer', minimum: 0, maximum: 999_999_999 } }, required: ['after'] } } },
    async (req, reply) => {
      const articleId = Number(req.params.id);
      const found = await story(articleId);
      const updates = (await liveBlog.since(articleId, req.query.after)) ?? [];
      const ctx = await contextOf(found, found.url);
      return reply.header('cache-control', 'no-store').send({ updates: updates.map((u) => ({ id: u.id, pinned: u.pinned, createdAt: u.createdAt, html: renderFragment(<LiveUpdateItem ctx={ctx} u={u} />) })) });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { before: number } }>(
    '/articles/:id/updates',
    { schema: { params: idParams, querystring: { type: 'object', properties: { before: { type: 'integer', minimum: 1, maximum: 999_999_999 } }, required: ['before'] } } },
    async (req, reply) => {
      const articleId = Number(req.params.id);
      const before = req.query.before;
      const found = await story(articleId);
      const page = await liveBlog.olderThan(articleId, before);
      if (!page) throw new NotFoundError('no such update');
      const path = olderUpdatesUrl(articleId, before);
      const ctx = await contextOf(found, path);
      if (wantsJson(req)) {
        return reply.header('cache-control', 'no-store').send({
          html: page.updates.map((u) => renderFragment(<LiveUpdateItem ctx={ctx} u={u} />)).join(''),
          olderUrl: page.olderThan === undefined ? null : olderUpdatesUrl(articleId, page.olderThan),
        });
      }
      return site.send(req, reply, `updates:${path}`, () =>
        Promise.resolve({
          status: 200,
          html: renderDocument(<OlderUpdatesPage ctx={ctx} m={{ articleId, headline: found.article.headline, articleUrl: found.url, updates: page.updates, olderThan: page.olderThan, path }} />),
          tags: [articleTag(articleId), storyPageTag(articleId)],
        }),
      );
    },
  );
}
