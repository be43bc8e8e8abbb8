/** RSS, Atom and JSON Feed for the home page, sections, tags and authors. (Being built.) */
import type { FastifyInstance } from 'fastify';
import type { DiscoveryDeps } from '../discovery-deps.js';

export function registerFeedRoutes(_app: FastifyInstance, _deps: DiscoveryDeps): void {}
