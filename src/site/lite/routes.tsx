/** The lite edition's routes: the same page models as the full site, rendered as text. */
import type { FastifyInstance } from 'fastify';
import type { Language } from '../../core/articles.js';
import type { ReadingService } from '../../services/reading.js';
import { renderDocument } from '../render.js';
import type { SiteHelpers } from '../routes.js';
import { LiteArticlePage, LiteHomePage, LiteSectionPage } from '../views/LitePages.js';

export interface LiteRouteDeps {
  reading: ReadingService;
  site: SiteHelpers;
}

const pageQuery = { type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: 10_000 } } } as const;

export function registerLiteRoutes(app: FastifyInstance, deps: LiteRouteDeps): void {
  const { reading, site } = deps;
  const language: Language = 'en';
  const cardTags = (ids: readonly number[]) => ids.map((id) => `article:${id}`);

  app.get('/lite', (req, reply) =>
    site.send(req, reply, `${language}:lite:/`, async () => {
      const m = await reading.homePage(language);
      const ids = [m.lead, ...m.top].filter((c) => c !== undefined).map((c) => c.id).concat(m.sections.flatMap((s) => s.cards.map((c) => c.id)));
      return { status: 200, html: renderDocument(<LiteHomePage ctx={await site.context('/lite')} m={m} />), tags: ['list', 'home', ...cardTags(ids)], lastModified: m.lastModified };
    }),
  );

  app.get<{ Params: { '*': string }; Querystring: { page?: number } }>('/lite/*', { schema: { querystring: pageQuery } }, (req, reply) => {
    const segments = req.params['*'].split('/').filter(Boolean);
    const path = `/${segments.join('/')}`;
    const page = req.query.page ?? 1;
    return site.send(req, reply, `${language}:lite:${path}?${page}`, async () => {
      if (segments.length === 0 || segments.length > 12 || segments.some((s) => s.length > 120)) return site.notFound(`/lite${path}`);
      const found = await reading.resolve(language, segments);
      const ctx = await site.context(`/lite${path}`);
      switch (found.kind) {
        case 'section': {
          const m = await reading.sectionPage(found.section, page);
          if (page > 1 && page > m.totalPages) return site.notFound(`/lite${path}`);
          return { status: 200, html: renderDocument(<LiteSectionPage ctx={ctx} m={m} />), tags: ['list', `section:${found.section.id}`, ...cardTags(m.cards.map((c) => c.id))] };
        }
        case 'article': {
          const m = await reading.articlePage(found.article);
          const shown = [m.article.id, ...m.related.keys(), ...m.moreFromSection.map((c) => c.id)];
          return { status: 200, html: renderDocument(<LiteArticlePage ctx={ctx} m={m} />), tags: [`section-list:${m.article.sectionId}`, ...cardTags(shown)], lastModified: m.lastModified };
        }
        case 'redirect':
          return { status: 301, html: '', location: `/lite${found.location}`, tags: [`article:${found.articleId}`] };
        case 'none':
          return site.notFound(`/lite${path}`);
      }
    });
  });
}
