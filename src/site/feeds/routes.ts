/**
 * RSS, Atom and JSON Feed for the home page, every section (with its subsections), tag and
 * author:
 *   /feeds/rss.xml  /feeds/atom.xml  /feeds/feed.json                      the whole site
 *   /feeds/section/news/middle-east-africa/libya/rss.xml (atom.xml, feed.json)
 *   /feeds/tag/<slug>/rss.xml ...   /feeds/author/<slug>/rss.xml ...
 * Feeds are cached like list pages: tagged `list` (every publish, update and unpublish clears
 * them) and `article:<id>` for each story they carry.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../core/editions.js';
import { translator } from '../i18n/translate.js';
import { FeedService } from '../../services/feeds.js';
import type { FeedList, FeedScope } from '../../services/feeds.js';
import type { DiscoveryDeps } from '../discovery-deps.js';
import { FEED_CONTENT_TYPES, renderFeed } from './build.js';
import { formatOfFile } from './links.js';
import { feedSender } from './send.js';
import { cardTags } from '../cache-tags.js';

/** CDN and browser caching, as for list pages (config CACHE_*; these are its defaults). */
export interface FeedCacheControl {
  maxAge: number;
  sMaxAge: number;
  staleWhileRevalidate: number;
}

export type FeedRouteDeps = DiscoveryDeps & { options: DiscoveryDeps['options'] & { cacheControl?: FeedCacheControl } };

const DEFAULT_CACHE_CONTROL: FeedCacheControl = { maxAge: 60, sMaxAge: 300, staleWhileRevalidate: 600 };

function subjectTag(list: FeedList): string[] {
  switch (list.subject.kind) {
    case 'home':
      return ['home'];
    case 'section':
      return [`section:${list.subject.section.id}`];
    case 'tag':
      return [`tag:${list.subject.tag.id}`];
    case 'author':
      return [`author:${list.subject.author.id}`];
  }
}

export function registerFeedRoutes(app: FastifyInstance, deps: FeedRouteDeps): void {
  const { options } = deps;
  const feeds = new FeedService({ db: deps.db, reading: deps.reading, ...(deps.now ? { now: deps.now } : {}) });
  const cc = options.cacheControl ?? DEFAULT_CACHE_CONTROL;
  const send = feedSender(deps.cache, `public, max-age=${cc.maxAge}, s-maxage=${cc.sMaxAge}, stale-while-revalidate=${cc.staleWhileRevalidate}, stale-if-error=86400`);
  for (const edition of deps.editions.all) registerEditionFeeds(edition);

  /** One edition's feeds, under its prefix: /feeds/rss.xml, /es/feeds/rss.xml... */
  function registerEditionFeeds(edition: Edition) {
    const { language, prefix } = edition;
    const t = translator(language, edition.locale);
    const tagline = edition === deps.editions.default ? options.tagline : t('site.tagline');
    const site = { origin: options.origin, siteName: options.siteName, tagline, language, prefix, t, fullText: options.feedFullText };

    function notFound(reply: FastifyReply): FastifyReply {
      reply.callNotFound();
      return reply;
    }

    /** `path` is the feed's own path: the cache key, whatever query string came with it. */
    function serve(req: FastifyRequest, reply: FastifyReply, path: string, scope: FeedScope, file: string) {
      const format = formatOfFile(file);
      if (!format) return notFound(reply);
      return send(req, reply, `${language}:${path}`, FEED_CONTENT_TYPES[format], async () => {
        const list = await feeds.list(language, scope);
        // Unknown sections, tags and authors are unbounded: never stored.
        if (!list) return { status: 404, html: '', tags: [], cacheable: false };
        return {
          status: 200,
          html: renderFeed(list, format, site),
          tags: ['list', 'feed', ...subjectTag(list), ...cardTags(list.entries.map((e) => e.article.id))],
        };
      });
    }

    app.get<{ Params: { file: string } }>(`${prefix}/feeds/:file`, (req, reply) => serve(req, reply, `${prefix}/feeds/${req.params.file}`, { kind: 'home' }, req.params.file));

    app.get<{ Params: { '*': string } }>(`${prefix}/feeds/section/*`, (req, reply) => {
      const segments = req.params['*'].split('/');
      const file = segments.pop() ?? '';
      if (segments.length === 0 || segments.length > 12 || segments.some((s) => s.length === 0 || s.length > 120)) return notFound(reply);
      return serve(req, reply, `${prefix}/feeds/section/${segments.join('/')}/${file}`, { kind: 'section', segments }, file);
    });

    app.get<{ Params: { slug: string; file: string } }>(`${prefix}/feeds/tag/:slug/:file`, (req, reply) =>
      serve(req, reply, `${prefix}/feeds/tag/${req.params.slug}/${req.params.file}`, { kind: 'tag', slug: req.params.slug }, req.params.file),
    );

    app.get<{ Params: { slug: string; file: string } }>(`${prefix}/feeds/author/:slug/:file`, (req, reply) =>
      serve(req, reply, `${prefix}/feeds/author/${req.params.slug}/${req.params.file}`, { kind: 'author', slug: req.params.slug }, req.params.file),
    );
  }
}
