/** Small JSON endpoints the editor island uses: story and media search for RELATED and images. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../storage/db.js';
import { containsText } from '../../storage/text-match.js';
import type { AdminDeps } from '../context.js';

export function registerApiRoutes(app: FastifyInstance, deps: AdminDeps, db: Db): void {
  const k = db.kysely;
  const searchSchema = { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 200 } } } } as const;

  app.get<{ Querystring: { q?: string } }>('/admin/api/articles/search', { schema: searchSchema }, async (req, reply) => {
    const rows = await deps.lists.headlineMatches(req.query.q ?? '', 20);
    // Each story's address is in its own edition's tree (/es/noticias/... for Spanish ones).
    const trees = new Map(await Promise.all(deps.editions.all.map(async (e) => [e.language, await deps.reading.sectionTree(e.language)] as const)));
    return reply.header('cache-control', 'no-store').send(
      rows.map((r) => {
        const tree = trees.get(deps.editions.of(r.language).language);
        return { id: r.id, headline: r.headline, status: r.status, language: r.language, url: tree ? deps.reading.articleUrl(tree, { sectionId: r.sectionId, slug: r.slug }) : '' };
      }),
    );
  });

  app.get<{ Params: { id: string } }>('/admin/api/articles/:id/summary', async (req, reply) => {
    const row = await k.selectFrom('articles').select(['id', 'headline', 'status']).where('id', '=', Number(req.params.id) || 0).executeTakeFirst();
    if (!row) return reply.code(404).send({ error: 'no such story' });
    return reply.header('cache-control', 'no-store').send(row);
  });

  const mediaColumns = ['id', 'key', 'alt', 'caption', 'credit', 'width', 'height'] as const;

  app.get<{ Querystring: { q?: string } }>('/admin/api/media/search', { schema: searchSchema }, async (req, reply) => {
    let query = k.selectFrom('media').select(mediaColumns).orderBy('id', 'desc').limit(30);
    if (req.query.q?.trim()) {
      const text = req.query.q.trim();
      query = query.where((eb) => eb.or([containsText('alt', text), containsText('caption', text), containsText('credit', text)]));
    }
    return reply.header('cache-control', 'no-store').send(await query.execute());
  });

  app.get<{ Params: { id: string } }>('/admin/api/media/:id', async (req, reply) => {
    const row = await k.selectFrom('media').select(mediaColumns).where('id', '=', Number(req.params.id) || 0).executeTakeFirst();
    if (!row) return reply.code(404).send({ error: 'no such image' });
    return reply.header('cache-control', 'no-store').send(row);
  });
}
