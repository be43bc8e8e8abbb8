/**
 * /search for readers. Answers are the same for everyone, so browsers and CDNs may keep
 * them briefly, but they are not put in the page cache: queries are unbounded.
 */
import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../core/editions.js';
import { editionPath } from '../../core/editions.js';
import type { ReadingService } from '../../services/reading.js';
import type { SearchService } from '../../services/search.js';
import { sendHtml } from '../../http/compress.js';
import { renderDocument } from '../render.js';
import type { SiteHelpers } from '../routes.js';
import type { SearchForm, SearchPageModel } from '../views/SearchPage.js';
import { SearchPage, isArticleLabel } from '../views/SearchPage.js';

export interface SearchRouteDeps {
  search: SearchService;
  reading: ReadingService;
  site: SiteHelpers;
}

const date = { type: 'string', pattern: '^([0-9]{4}-[0-9]{2}-[0-9]{2})?$' } as const;
const searchQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200 },
    section: { type: 'string', maxLength: 300 },
    label: { type: 'string', maxLength: 20 },
    author: { type: 'string', maxLength: 120 },
    from: date,
    to: date,
    page: { type: 'integer', minimum: 1, maximum: 1000 },
  },
} as const;

type Query = Partial<SearchForm> & { page?: number };

export function registerSearchRoutes(app: FastifyInstance, deps: SearchRouteDeps): void {
  for (const edition of deps.site.editions.all) registerEditionSearch(app, deps, edition);
}

/** Each edition searches its own stories, stemmed in its language: /search, /es/search. */
function registerEditionSearch(app: FastifyInstance, deps: SearchRouteDeps, edition: Edition): void {
  const { language } = edition;
  const path = editionPath(edition, '/search');
  app.get<{ Querystring: Query }>(path, { schema: { querystring: searchQuery } }, async (req, reply) => {
    const q = req.query;
    const form: SearchForm = { q: (q.q ?? '').trim(), section: q.section ?? '', label: q.label ?? '', author: q.author ?? '', from: q.from ?? '', to: q.to ?? '' };
    const [tree, authors] = await Promise.all([deps.reading.sectionTree(language), deps.reading.authorsByName()]);
    const section = form.section ? tree.findByPath(form.section.split('/').filter(Boolean)) : undefined;
    const author = form.author ? authors.find((a) => a.slug === form.author) : undefined;
    const results = form.q
      ? await deps.search.search({
          q: form.q,
          language,
          ...(section ? { sectionIds: tree.descendantIds(section.id) } : {}),
          label: isArticleLabel(form.label) ? form.label : undefined,
          authorId: author?.id,
          from: form.from || undefined,
          to: form.to || undefined,
          page: q.page ?? 1,
        })
      : undefined;
    const links = new Map(
      (results?.hits ?? []).map((h) => {
        const s = tree.byId.get(h.sectionId);
        return [h.id, { url: deps.reading.articleUrl(tree, { sectionId: h.sectionId, slug: h.slug }), section: { name: s?.name ?? '', url: tree.path(h.sectionId) } }];
      }),
    );
    const sections = [...tree.byId.values()]
      .map((s) => ({ path: tree.path(s.id).slice(1), name: s.name, depth: tree.ancestry(s.id).length - 1 }))
      .sort((a, b) => a.path.localeCompare(b.path));
    const m: SearchPageModel = { form, results, links, sections, authors };
    const html = renderDocument(<SearchPage ctx={await deps.site.context(path, edition)} m={m} />);
    return sendHtml(reply.header('cache-control', 'public, max-age=60, s-maxage=60'), html);
  });
}
