/**
 * Live TV for readers, in every edition: /live (the edition's primary channel, or another
 * with ?channel=; ?audio=1 starts in audio only, ?audio=0 in video), /schedule (the week in
 * the channel's zone), /schedule/<channel>/<programme>, and /schedule.xml (XMLTV, every
 * channel).
 *
 * Pages go through the page cache tagged `live` and `schedule`, so a newsroom change clears
 * them at once. What changes with time alone (a programme starting or ending, a new day)
 * is part of the cache key, so the page cache never shows yesterday's "on now"; for the same
 * reason these pages are not handed to the fast lane (which knows a URL by one key) and
 * browsers and CDNs keep them a minute at most. The live pages' Content-Security-Policy
 * also admits the edition's stream origins (media-src with blob: for hls.js, connect-src),
 * as docs/live-player.md asks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PLAYER_MESSAGES_EN, PLAYER_MESSAGES_ES } from '../../../client/player/messages.js';
import type { Language } from '../../core/articles.js';
import { editionPath } from '../../core/editions.js';
import type { AssetManifest } from '../../http/assets.js';
import type { PageCache, RenderedPage } from '../../http/page-cache.js';
import { sendRendered } from '../../http/send-rendered.js';
import { securityHeaders } from '../../http/server.js';
import type { LiveService } from '../../services/live.js';
import { renderDocument } from '../render.js';
import type { SiteHelpers } from '../routes.js';
import { sendCached } from '../sitemaps/send.js';
import type { StartMode } from '../views/LivePages.js';
import { LivePage, ProgrammePage, SchedulePage } from '../views/LivePages.js';
import { renderXmltv } from './xmltv.js';
import { cardTags } from '../cache-tags.js';

export interface LiveRouteDeps {
  site: SiteHelpers;
  live: LiveService;
  cache: PageCache;
  assets: AssetManifest;
  options: { origin: string; siteName: string };
}

const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 } as const;
const liveQuery = { type: 'object', properties: { audio: { type: 'string', enum: ['0', '1'] }, channel: slug } } as const;
const scheduleQuery = { type: 'object', properties: { channel: slug } } as const;

interface LiveQuery {
  audio?: '0' | '1';
  channel?: string;
}

/** The player's words for the page's language (client/player/messages.ts). */
const PLAYER_MESSAGES: Record<Language, Record<string, string>> = { en: PLAYER_MESSAGES_EN, es: PLAYER_MESSAGES_ES };

const XML_CACHE_CONTROL = 'public, max-age=300, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400';
/** "On now" changes at every programme boundary: nobody keeps these pages long. */
const PAGE_CACHE_CONTROL = 'public, max-age=30, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400';
const SHORT_CACHE_CONTROL = 'public, max-age=30, s-maxage=60';

export function registerLiveRoutes(app: FastifyInstance, deps: LiveRouteDeps): void {
  const { site, live } = deps;
  // Built by npm run build (dist/public, client/player); a checkout without a build still serves the page.
  const player = deps.assets.has('player.js') ? { url: deps.assets.url('player.js'), integrity: deps.assets.integrity('player.js') } : undefined;

  const basePolicy = securityHeaders('text/html')['content-security-policy'] ?? "default-src 'self'";

  /** A page through the page cache (validators, compression), without the fast lane. */
  async function send(req: FastifyRequest, reply: FastifyReply, key: string, language: Language, render: () => Promise<RenderedPage>) {
    const { page, hit } = await deps.cache.getOrRender(key, render);
    if (page.status !== 200) {
      return reply.code(page.status).header('content-type', 'text/html; charset=utf-8').header('cache-control', SHORT_CACHE_CONTROL).header('vary', 'Accept-Encoding').header('x-cache', hit ? 'HIT' : 'MISS').send(page.body);
    }
    const streams = (await live.streamOrigins(language)).join(' ');
    const policy = `${basePolicy}; media-src 'self' blob:${streams ? ` ${streams}` : ''}; connect-src 'self'${streams ? ` ${streams}` : ''}`;
    return sendRendered(req, reply, page, hit, { 'content-type': 'text/html; charset=utf-8', 'cache-control': PAGE_CACHE_CONTROL, 'content-security-policy': policy });
  }

  for (const edition of site.editions.all) {
    const { language } = edition;
    const livePath = editionPath(edition, '/live');
    const schedulePath = editionPath(edition, '/schedule');

    app.get<{ Querystring: LiveQuery }>(livePath, { schema: { querystring: liveQuery } }, async (req, reply) => {
      const start: StartMode = req.query.audio === '1' ? 'audio' : req.query.audio === '0' ? 'video' : '';
      const channel = req.query.channel;
      const key = `${language}:${livePath}?start=${start}&channel=${channel ?? ''}@${await live.timeKey(language, channel)}`;
      return send(req, reply, key, language, async () => {
        const m = await live.livePage(language, channel);
        if (channel !== undefined && !m) return site.notFound(livePath, edition);
        const ctx = await site.context(livePath, edition);
        return { status: 200, html: renderDocument(<LivePage ctx={ctx} m={m} start={start} messages={PLAYER_MESSAGES[language]} player={player} />), tags: ['live'] };
      });
    });

    app.get<{ Querystring: { channel?: string } }>(schedulePath, { schema: { querystring: scheduleQuery } }, async (req, reply) => {
      const channel = req.query.channel;
      const key = `${language}:${schedulePath}?channel=${channel ?? ''}@${await live.timeKey(language, channel)}|${await live.scheduleDate(language, channel)}`;
      return send(req, reply, key, language, async () => {
        const m = await live.schedulePage(language, channel);
        if (channel !== undefined && !m) return site.notFound(schedulePath, edition);
        return { status: 200, html: renderDocument(<SchedulePage ctx={await site.context(schedulePath, edition)} m={m} />), tags: ['schedule'] };
      });
    });

    app.get<{ Params: { channel: string; programme: string } }>(`${schedulePath}/:channel/:programme`, async (req, reply) => {
      const { channel, programme } = req.params;
      const path = `${schedulePath}/${channel}/${programme}`;
      const valid = /^[a-z0-9-]{1,80}$/.test(channel) && /^[a-z0-9-]{1,80}$/.test(programme);
      const key = `${language}:${path}@${valid ? await live.timeKey(language, channel) : ''}`;
      return send(req, reply, key, language, async () => {
        const m = valid ? await live.programmePage(language, channel, programme) : undefined;
        if (!m) return site.notFound(path, edition);
        return { status: 200, html: renderDocument(<ProgrammePage ctx={await site.context(path, edition)} m={m} />), tags: ['schedule', ...cardTags(m.stories.map((c) => c.id))] };
      });
    });
  }

  // One guide for every channel of every edition.
  app.get('/schedule.xml', async (req, reply) => {
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const keys = await Promise.all(site.editions.all.map((e) => live.scheduleDate(e.language)));
    return sendCached(deps.cache, req, reply, `xmltv:/schedule.xml@${hour}|${keys.join('|')}`, { contentType: 'application/xml; charset=utf-8', cacheControl: XML_CACHE_CONTROL }, async () => ({
      status: 200,
      html: renderXmltv(await live.xmltv(deps.options.origin), deps.options),
      tags: ['schedule'],
    }));
  });
}
