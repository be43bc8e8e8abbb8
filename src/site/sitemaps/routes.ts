/**
 * /sitemap.xml (an index of every sitemap file), /sitemaps/*.xml (list pages, the Google News
 * window, stories by month) and /robots.txt. All are served from the page cache with the
 * `list` and `sitemap` tags, so publishing, updating or unpublishing a story refreshes them at once.
 */
import type { FastifyInstance } from 'fastify';
import type { RenderedPage } from '../../http/page-cache.js';
import { SitemapService, newestDate } from '../../services/sitemaps.js';
import type { SitemapFile, SitemapLimits } from '../../services/sitemaps.js';
import type { DiscoveryDeps } from '../discovery-deps.js';
import { robotsTxt } from './robots.js';
import { sendCached } from './send.js';
import type { SendOptions } from './send.js';
import { EMPTY_NEWS_URLSET, renderIndex, renderUrlset } from './xml.js';

export interface SitemapRouteDeps extends DiscoveryDeps {
  /** The clock that decides what is public (tests set it; the app's clock otherwise). */
  now?: () => Date;
  /** Lower limits (tests); the protocol's maximums by default. */
  limits?: Partial<SitemapLimits>;
}

type FileRef = Pick<SitemapFile, 'kind' | 'month' | 'part'>;

/** `pages.xml`, `news-2.xml`, `articles-2026-02.xml`, `articles-2026-02-2.xml`. */
export function sitemapFileName(f: FileRef): string {
  const base = f.kind === 'articles' ? `articles-${f.month ?? ''}` : f.kind;
  return f.part > 1 ? `${base}-${f.part}.xml` : `${base}.xml`;
}

/** The inverse of sitemapFileName; one name per file (`-1` is not an alias of part 1). */
export function parseSitemapFileName(name: string): FileRef | undefined {
  const m = /^(?:(pages|news)|articles-(\d{4}-(?:0[1-9]|1[0-2])))(?:-([2-9]|[1-9]\d{1,5}))?\.xml$/.exec(name);
  if (!m) return undefined;
  const part = m[3] === undefined ? 1 : Number(m[3]);
  return m[1] === 'pages' || m[1] === 'news' ? { kind: m[1], part } : { kind: 'articles', month: m[2], part };
}

/** Like the HTML pages' defaults: browsers a minute, shared caches five. */
const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400';
// Sitemaps are for crawlers, not search results.
const XML: SendOptions = { contentType: 'application/xml; charset=utf-8', cacheControl: CACHE_CONTROL, headers: { 'x-robots-tag': 'noindex' } };
// `list`: a story published, moved or withdrawn; `sitemap`: a public story edited in place
// (its lastmod), which clears no list page.
const SITEMAP_TAGS = ['list', 'sitemap'];
const TEXT: SendOptions = { contentType: 'text/plain; charset=utf-8', cacheControl: CACHE_CONTROL };

export function registerSitemapRoutes(app: FastifyInstance, deps: SitemapRouteDeps): void {
  const { cache, options } = deps;
  const sitemaps = new SitemapService({ db: deps.db, reading: deps.reading, ...(deps.now ? { now: deps.now } : {}), ...(deps.limits ? { limits: deps.limits } : {}) });
  const urlsetOptions = { origin: options.origin, siteName: options.siteName, maxBytes: sitemaps.limits.bytesPerFile };
  const notFound: RenderedPage = { status: 404, html: 'No such sitemap.\n', tags: ['list'], cacheable: false };

  // One index for the whole site, listing every edition's files (/sitemaps/..., /es/sitemaps/...).
  app.get('/sitemap.xml', (req, reply) =>
    sendCached(cache, req, reply, 'sitemap:/sitemap.xml', XML, async () => {
      const perEdition = await Promise.all(deps.editions.all.map(async (e) => ({ e, files: await sitemaps.files(e.language) })));
      const items = perEdition.flatMap(({ e, files }) => files.map((f) => ({ url: `${options.origin}${e.prefix}/sitemaps/${sitemapFileName(f)}`, ...(f.lastmod ? { lastmod: f.lastmod } : {}) })));
      return { status: 200, html: await renderIndex(items), tags: SITEMAP_TAGS, lastModified: newestDate(perEdition.flatMap(({ files }) => files.map((f) => f.lastmod))) };
    }),
  );

  for (const { language, prefix } of deps.editions.all) {
    app.get<{ Params: { file: string } }>(`${prefix}/sitemaps/:file`, (req, reply) => {
      const file = parseSitemapFileName(req.params.file);
      if (!file) return reply.code(404).header('cache-control', 'public, max-age=30, s-maxage=60').type('text/plain; charset=utf-8').send(notFound.html);
      return sendCached(cache, req, reply, `sitemap:${prefix}/sitemaps/${sitemapFileName(file)}`, XML, async () => {
        const urls = await sitemaps.urls(language, file);
        if (!urls) return notFound;
        if (urls.length === 0) return { status: 200, html: EMPTY_NEWS_URLSET, tags: SITEMAP_TAGS };
        return { status: 200, html: await renderUrlset(file.kind, urls, urlsetOptions), tags: SITEMAP_TAGS, lastModified: newestDate(urls.map((u) => u.lastmod)) };
      });
    });
  }

  app.get('/robots.txt', (req, reply) => sendCached(cache, req, reply, 'robots.txt', TEXT, () => Promise.resolve({ status: 200, html: robotsTxt(options.origin, deps.editions.all.map((e) => e.prefix)), tags: ['robots'] })));
}
