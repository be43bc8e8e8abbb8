/** sitemap.xml (an index of monthly sitemaps), the Google News sitemap and robots.txt. (Being built.) */
import type { FastifyInstance } from 'fastify';
import type { DiscoveryDeps } from '../discovery-deps.js';

export function registerSitemapRoutes(_app: FastifyInstance, _deps: DiscoveryDeps): void {}
