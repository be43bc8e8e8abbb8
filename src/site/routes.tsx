/**
 * The reader site's routes. Each resolves to a page model (services/reading), renders it
 * once into the page cache, and serves it with validators, compression and CDN headers.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../core/articles.js';
import { articleTag, cardTags, storyPageTag } from './cache-tags.js';
import type { Edition, Editions } from '../core/editions.js';
import { editionPath } from '../core/editions.js';
import { VARIANT_FORMATS, isVariantWidth } from '../core/media.js';
import type { VariantFormat } from '../core/media.js';
import type { SocialProfile } from '../core/site-settings.js';
import type { AssetManifest } from '../http/assets.js';
import type { PageCache, RenderedPage } from '../http/page-cache.js';
import type { FastLane } from '../http/fast-lane.js';
import { sendRendered } from '../http/send-rendered.js';
import { VARIANT_TYPES } from '../media/variants.js';
import type { VariantService } from '../media/variants.js';
import type { Previews } from '../services/previews.js';
import type { CommentsService } from '../services/comments.js';
import type { ReadingService } from '../services/reading.js';
import type { LiveBlogPages } from './liveblog/page.js';
import { isDatabaseUnavailable } from '../storage/db.js';
import { translator } from './i18n/translate.js';
import { renderDocument } from './render.js';
import { leadVideoHeaders } from './lead-video-policy.js';
import { ArticlePage } from './views/ArticlePage.js';
import type { PageContext } from './views/context.js';
import { HomePage } from './views/HomePage.js';
import { AuthorPage, SectionPage, TagPage } from './views/ListPages.js';
import { ErrorPage, NotFoundPage } from './views/StatusPages.js';

export interface SiteOptions {
  siteName: string;
  tagline: string;
  origin: string;
  timeZone: string;
  socialProfiles: SocialProfile[];
  cacheControl: { maxAge: number; sMaxAge: number; staleWhileRevalidate: number };
}

export interface SiteDeps {
  reading: ReadingService;
  comments: CommentsService;
  cache: PageCache;
  assets: AssetManifest;
  variants: VariantService;
  previews: Previews;
  editions: Editions;
  /** What is on air, for the header (services/live.ts). */
  live?: { onAir(language: Language): Promise<{ channel: string; programme: string; endsAt: string } | undefined> };
  /** Learns which URLs are cached pages, to answer them before Fastify (http/fast-lane.ts). */
  fastLane?: FastLane;
  /** Live stories: an article page's live blog, player and policy (site/liveblog/page.ts). */
  liveBlog: LiveBlogPages;
  options: SiteOptions;
}

const pageQuery = {
  type: 'object',
  properties: { page: { type: 'integer', minimum: 1, maximum: 10_000 } },
} as const;

interface PageQuery {
  page?: number;
}

/** The page for a database outage: static, in both languages, refreshing itself. */
const UNAVAILABLE_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10"><title>Briefly unavailable</title></head>' +
  '<body><main><h1>Briefly unavailable</h1><p>We cannot reach our database right now. Nothing you sent was saved. This page tries again by itself in a few seconds.</p>' +
  '<p lang="es">No podemos acceder a nuestra base de datos en este momento. No se guardó nada de lo que envió. Esta página volverá a intentarlo en unos segundos.</p></main></body></html>';

/** What other reader-side route files share with these: the page context of a path. */
export interface SiteHelpers {
  editions: Editions;
  /** The context of a page: `path` is the whole path, edition prefix included. */
  context(path: string, edition: Edition): Promise<PageContext>;
  /** Serves a page through the page cache (validators, compression, CDN headers). */
  send(req: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<RenderedPage>): Promise<FastifyReply>;
  notFound(path: string, edition: Edition): Promise<RenderedPage>;
}

export function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps): SiteHelpers {
  const { reading, cache, assets, options, editions } = deps;
  const pageCacheControl = `public, max-age=${options.cacheControl.maxAge}, s-maxage=${options.cacheControl.sMaxAge}, stale-while-revalidate=${options.cacheControl.staleWhileRevalidate}, stale-if-error=86400`;
  const shortCacheControl = 'public, max-age=30, s-maxage=60';

  // Built by npm run build (dist/public); a checkout without a build still serves pages.
  const commentsIsland = assets.has('comments.js') ? { url: assets.url('comments.js'), integrity: assets.integrity('comments.js') } : undefined;
  const videoIsland = assets.has('video.js') ? { url: assets.url('video.js'), integrity: assets.integrity('video.js') } : undefined;

  async function context(path: string, edition: Edition): Promise<PageContext> {
    const t = translator(edition.language, edition.locale);
    return {
      siteName: options.siteName,
      // The configured tagline is in the default edition's language; others have their own.
      tagline: edition === editions.default ? options.tagline : t('site.tagline'),
      origin: options.origin,
      language: edition.language,
      edition,
      otherEditions: editions.all.filter((e) => e !== edition),
      t,
      url: (p) => editionPath(edition, p),
      dates: { locale: edition.locale, timeZone: options.timeZone },
      navigation: await reading.navigation(edition.language),
      onAir: await deps.live?.onAir(edition.language),
      socialProfiles: options.socialProfiles,
      assets: {
        css: { url: assets.url('site.css'), integrity: assets.integrity('site.css') },
        script: { url: assets.url('enhance.js'), integrity: assets.integrity('enhance.js') },
        icon: assets.url('favicon.svg'),
        comments: commentsIsland,
        video: videoIsland,
      },
      path,
    };
  }

  async function notFound(path: string, edition: Edition): Promise<RenderedPage> {
    const home = await reading.homePage(edition.language);
    const latest = [home.lead, ...home.top].filter((c) => c !== undefined).slice(0, 4);
    // Unknown URLs are unbounded: never let them push real pages out of the cache.
    return { status: 404, html: renderDocument(<NotFoundPage ctx={await context(path, edition)} latest={latest} />), tags: ['list'], cacheable: false };
  }

  async function send(req: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<RenderedPage>) {
    const { page, hit } = await cache.getOrRender(key, render);
    if (page.status === 200) return sendRendered(req, reply, page, hit, { 'content-type': 'text/html; charset=utf-8', 'cache-control': pageCacheControl, ...page.headers }, deps.fastLane ? { fastLane: deps.fastLane, key } : undefined);
    reply.code(page.status).header('content-type', 'text/html; charset=utf-8').header('cache-control', shortCacheControl).header('vary', 'Accept-Encoding').header('x-cache', hit ? 'HIT' : 'MISS');
    if (page.location) return reply.redirect(page.location, 301);
    return reply.send(page.body);
  }

  for (const edition of editions.all) registerEditionRoutes(edition);

  // A signed preview shows a draft exactly as it will look, to whoever holds the link.
  app.get<{ Params: { id: string }; Querystring: { expires?: string; sig?: string } }>('/preview/:id', async (req, reply) => {
    const id = Number(req.params.id);
    const ok = Number.isInteger(id) && (await deps.previews.verify(id, Number(req.query.expires), req.query.sig ?? ''));
    const article = ok ? await reading.anyArticle(id) : undefined;
    if (!article) {
      const page = await notFound(`/preview/${req.params.id}`, editions.default);
      return reply.code(404).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page.html);
    }
    const m = await reading.articlePage(article);
    const html = renderDocument(<ArticlePage ctx={await context(m.url, editions.of(article.language))} m={m} preview />);
    const videoPolicy = leadVideoHeaders(m.leadVideo)?.['content-security-policy'];
    if (videoPolicy) reply.header('content-security-policy', videoPolicy);
    return reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { key: string; variant: string } }>('/media/:key/:variant', async (req, reply) => {
    const match = /^(\d+)\.(avif|webp|jpeg)$/.exec(req.params.variant);
    const width = Number(match?.[1]);
    const format = match?.[2] as VariantFormat | undefined;
    if (!match || !format || !isVariantWidth(width) || !VARIANT_FORMATS.includes(format)) {
      return reply.code(404).type('text/plain; charset=utf-8').send('No such image rendition');
    }
    const bytes = await deps.variants.get(req.params.key, width, format);
    if (!bytes) return reply.code(404).type('text/plain; charset=utf-8').send('No such image');
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(VARIANT_TYPES[format]).send(bytes);
  });

  /** One edition's pages: its home, tags, authors, and the section/story path space. */
  function registerEditionRoutes(edition: Edition) {
    const { language, prefix } = edition;
    const home = editionPath(edition, '/');
    app.get(home, (req, reply) =>
      send(req, reply, `${language}:${home}`, async () => {
        const m = await reading.homePage(language);
        const ids = [m.lead, ...m.top].filter((c) => c !== undefined).map((c) => c.id).concat(m.sections.flatMap((s) => s.cards.map((c) => c.id)));
        return { status: 200, html: renderDocument(<HomePage ctx={await context(home, edition)} m={m} />), tags: ['list', 'home', ...cardTags(ids)], lastModified: m.lastModified };
      }),
    );

    app.get<{ Params: { slug: string }; Querystring: PageQuery }>(`${prefix}/tag/:slug`, { schema: { querystring: pageQuery } }, (req, reply) => {
      const page = req.query.page ?? 1;
      const path = `${prefix}/tag/${req.params.slug}`;
      return send(req, reply, `${language}:${path}?${page}`, async () => {
        const m = await reading.tagPage(language, req.params.slug, page);
        if (!m || (page > 1 && page > m.totalPages)) return notFound(path, edition);
        return { status: 200, html: renderDocument(<TagPage ctx={await context(path, edition)} m={m} />), tags: ['list', `tag:${m.tag.id}`, ...cardTags(m.cards.map((c) => c.id))] };
      });
    });

    app.get<{ Params: { slug: string }; Querystring: PageQuery }>(`${prefix}/author/:slug`, { schema: { querystring: pageQuery } }, (req, reply) => {
      const page = req.query.page ?? 1;
      const path = `${prefix}/author/${req.params.slug}`;
      return send(req, reply, `${language}:${path}?${page}`, async () => {
        const m = await reading.authorPage(language, req.params.slug, page);
        if (!m || (page > 1 && page > m.totalPages)) return notFound(path, edition);
        return { status: 200, html: renderDocument(<AuthorPage ctx={await context(path, edition)} m={m} />), tags: ['list', `author:${m.author.id}`, ...cardTags(m.cards.map((c) => c.id))] };
      });
    });


    // Sections and articles share the path space: /news/middle-east-africa/libya is a section,
    // /news/middle-east-africa/libya/<slug> an article. Anything else is a 404 page.
    app.get<{ Params: { '*': string }; Querystring: PageQuery }>(`${prefix}/*`, { schema: { querystring: pageQuery } }, (req, reply) => {
      const raw = req.params['*'];
      const segments = raw.split('/').filter(Boolean);
      const path = editionPath(edition, '/' + segments.join('/'));
      const page = req.query.page ?? 1;
      if (raw.endsWith('/') && segments.length > 0) return reply.redirect(path, 301);
      // `/es/` is the edition's home, `/es`.
      if (segments.length === 0 && prefix) return reply.redirect(home, 301);
      return send(req, reply, `${language}:${path}?${page}`, async () => {
        if (segments.length > 12 || segments.some((s) => s.length > 120)) return notFound(path, edition);
        const found = await reading.resolve(language, segments);
        switch (found.kind) {
          case 'section': {
            const m = await reading.sectionPage(found.section, page);
            if (page > 1 && page > m.totalPages) return notFound(path, edition);
            return { status: 200, html: renderDocument(<SectionPage ctx={await context(path, edition)} m={m} />), tags: ['list', `section:${found.section.id}`, ...cardTags(m.cards.map((c) => c.id))] };
          }
          case 'article': {
            // Articles have no pages: `?page=N` must not store a copy per N in the cache.
            if (req.query.page !== undefined) return { status: 301, html: '', location: path, tags: [], cacheable: false };
            const [m, thread, commentSettings, liveBlog] = await Promise.all([reading.articlePage(found.article), deps.comments.thread(found.article.id, {}, found.article), deps.comments.settings(), deps.liveBlog.load(found.article)]);
            // A translation going live adds a link to this page: its tag is this page's too.
            const shown = [m.article.id, ...m.related.keys(), ...m.moreFromSection.map((c) => c.id), ...m.translationIds];
            return deps.liveBlog.decorate(liveBlog, language, {
              status: 200,
              html: renderDocument(<ArticlePage ctx={await context(path, edition)} m={m} comments={{ thread, guests: commentSettings.guestComments }} liveBlog={liveBlog} />),
              tags: [`section-list:${m.article.sectionId}`, storyPageTag(m.article.id), ...cardTags(shown)],
              headers: leadVideoHeaders(m.leadVideo),
              lastModified: m.lastModified,
            });
          }
          case 'redirect':
            return { status: 301, html: '', location: found.location, tags: [articleTag(found.articleId)] };
          case 'none':
            return notFound(path, edition);
        }
      });
    });
  }

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const page = await notFound(path, editions.fromPath(path).edition);
    return reply.code(404).header('cache-control', shortCacheControl).type('text/html; charset=utf-8').send(page.html);
  });

  app.setErrorHandler(async (error: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    // The database being down is our outage, not a bug: say so, and when to come back.
    const unavailable = isDatabaseUnavailable(error);
    const status = unavailable ? 503 : error.validation ? 400 : (error.statusCode ?? 500);
    if (unavailable) req.log.warn({ err: error }, 'database unavailable');
    else if (status >= 500) req.log.error({ err: error }, 'request failed');
    // Client errors say what was wrong with the request; server errors reveal nothing.
    const message = status === 404 ? undefined : status < 500 ? `The request was not understood: ${error.message}.` : undefined;
    // The comments island asks for JSON: answer in kind, with the same care about detail.
    if (unavailable) {
      reply.code(503).header('retry-after', '5').header('cache-control', 'no-store');
      if ((req.headers.accept ?? '').includes('application/json')) return reply.send({ error: 'The site is briefly unavailable. Nothing was saved; try again in a few seconds.' });
      // No page context: it would need the database that just failed.
      return reply.type('text/html; charset=utf-8').send(UNAVAILABLE_PAGE);
    }
    if ((req.headers.accept ?? '').includes('application/json')) {
      return reply.code(status).header('cache-control', 'no-store').send({ error: status === 404 ? 'Not found.' : (message ?? 'Something went wrong. Nothing was saved.') });
    }
    let html: string;
    try {
      const path = req.url.split('?')[0] ?? '/';
      html = renderDocument(<ErrorPage ctx={await context(path, editions.fromPath(path).edition)} status={status} message={message} />);
    } catch {
      html = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><h1>Something went wrong</h1></body></html>';
    }
    return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });
  return { editions, context, send, notFound };
}
