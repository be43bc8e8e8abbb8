/** /live in each edition: the channel's player (audio only with ?audio=1). */
import type { FastifyInstance } from 'fastify';
import { editionPath } from '../../core/editions.js';
import { renderDocument } from '../render.js';
import type { SiteHelpers } from '../routes.js';
import { LivePage } from '../views/StatusPages.js';

export interface LiveRouteDeps {
  site: SiteHelpers;
}

const liveQuery = { type: 'object', properties: { audio: { type: 'string', enum: ['0', '1'] } } } as const;

export function registerLiveRoutes(app: FastifyInstance, deps: LiveRouteDeps): void {
  const { site } = deps;
  for (const edition of site.editions.all) {
    const path = editionPath(edition, '/live');
    app.get<{ Querystring: { audio?: string } }>(path, { schema: { querystring: liveQuery } }, (req, reply) => {
      const audio = req.query.audio === '1';
      return site.send(req, reply, `${edition.language}:${path}?${audio ? 'audio' : 'video'}`, async () => ({
        status: 200,
        html: renderDocument(<LivePage ctx={await site.context(path, edition)} audio={audio} />),
        tags: ['live'],
      }));
    });
  }
}
