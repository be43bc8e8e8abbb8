/**
 * robots.txt (RFC 9309): crawlers may read everything readers see; not the newsroom, reader
 * accounts, signed previews or the per-reader comment pages. Rules end in `/` or `$` so that
 * a section such as /accounting or /previews is never caught by a prefix.
 */
export const ROBOTS_DISALLOW = ['/admin$', '/admin/', '/account$', '/account/', '/preview/', '/articles/*/comments', '/comments/'] as const;

/** The sitemaps crawlers should read, as site paths. */
export const ROBOTS_SITEMAPS = ['/sitemap.xml', '/sitemaps/news.xml'] as const;

export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    ...ROBOTS_DISALLOW.map((path) => `Disallow: ${path}`),
    '',
    ...ROBOTS_SITEMAPS.map((path) => `Sitemap: ${origin}${path}`),
    '',
  ].join('\n');
}
