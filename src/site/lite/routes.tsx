/** The lite edition's routes: the same page models as the full site, rendered as text. */
import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../core/editions.js';
import { editionPath } from '../../core/editions.js';
import type { RenderedPage } from '../../http/page-cache.js';
import type { ReadingService } from '../../services/reading.js';
import { renderDocument } from '../render.js';
import type { SiteHelpers } from '../routes.js';
import { LiteArticlePage, LiteHomePage, LiteSectionPage } from '../views/LitePages.js';
import { articleTag, cardTags } from '../cache-tags.js';

export interface LiteRouteDeps {
  reading: ReadingService;
  site: SiteHelpers;
}

const pageQuery = { type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: 10_000 } } } as const;

export function registerLiteRoutes(app: FastifyInstance, deps: LiteRouteDeps): void {
  const { reading, site } = deps;

  // The lite copy of a page is `/lite` + its full path: /lite/es/noticias is /es/noticias.
  async function liteHome(edition: Edition): Promise<RenderedPage> {
    const path = `/lite${editionPath(edition, '/')}`.replace(/\/$/, '');
    const m = await reading.homePage(edition.language);
    const ids = [m.lead, ...m.top].filter((c) => c !== undefined).map((c) => c.id).concat(m.sections.flatMap((s) => s.cards.map((c) => c.id)));
    return { status: 200, html: renderDocument(<LiteHomePage ctx={await site.context(path, edition)} m={m} />), tags: ['list', 'home', ...cardTags(ids)], lastModified: m.lastModified };
  }

  app.get('/lite', (req, reply) => site.send(req, reply, `${site.editions.default.language}:lite:/`, () => liteHome(site.editions.default)));

  app.get<{ Params: { '*': string }; Querystring: { page?: number } }>('/lite/*', { schema: { querystring: pageQuery } }, (req, reply) => {
    const segments = req.params['*'].split('/').filter(Boolean);
    const { edition, rest } = site.editions.fromPath(`/${segments.join('/')}`);
    const path = `/lite${editionPath(edition, rest)}`;
    const page = req.query.page ?? 1;
    return site.send(req, reply, `${edition.language}:lite:${rest}?${page}`, async () => {
      const inner = rest.split('/').filter(Boolean);
      if (inner.length === 0) return liteHome(edition);
      if (inner.length > 12 || inner.some((s) => s.length > 120)) return site.notFound(path, edition);
      const found = await reading.resolve(edition.language, inner);
      const ctx = await site.context(path, edition);
      switch (found.kind) {
        case 'section': {
          const m = await reading.sectionPage(found.section, page);
          if (page > 1 && page > m.totalPages) return site.notFound(path, edition);
          return { status: 200, html: renderDocument(<LiteSectionPage ctx={ctx} m={m} />), tags: ['list', `section:${found.section.id}`, ...cardTags(m.cards.map((c) => c.id))] };
        }
        case 'article': {
          const m = await reading.articlePage(found.article);
          const shown = [m.article.id, ...m.related.keys(), ...m.moreFromSection.map((c) => c.id)];
          return { status: 200, html: renderDocument(<LiteArticlePage ctx={ctx} m={m} />), tags: [`section-list:${m.article.sectionId}`, ...cardTags(shown)], lastModified: m.lastModified };
        }
        case 'redirect':
          return { status: 301, html: '', location: `/lite${found.location}`, tags: [articleTag(found.articleId)] };
        case 'none':
          return site.notFound(path, edition);
      }
    });
  });
}
