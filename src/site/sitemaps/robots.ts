/**
 * robots.txt (RFC 9309): crawlers may read everything readers see; not the newsroom, reader
 * accounts, signed previews or the per-reader comment pages. Rules end in `/` or `$` so that
 * a section such as /accounting or /previews is never caught by a prefix.
 */
export const ROBOTS_DISALLOW = ['/admin$', '/admin/', '/preview/', '/articles/*/comments', '/comments/'] as const;

/** The account pages, which every edition has under its prefix (/account, /es/account). */
const accountRules = (prefix: string) => [`${prefix}/account$`, `${prefix}/account/`];

/** The sitemaps crawlers should read, as site paths. */
export const ROBOTS_SITEMAPS = ['/sitemap.xml', '/sitemaps/news.xml'] as const;

/** `editionPrefixes`: the URL prefix of every edition ('' for the default, '/es'). */
export function robotsTxt(origin: string, editionPrefixes: readonly string[]): string {
  return [
    'User-agent: *',
    ...[...ROBOTS_DISALLOW, ...editionPrefixes.flatMap(accountRules)].map((path) => `Disallow: ${path}`),
    '',
    ...ROBOTS_SITEMAPS.map((path) => `Sitemap: ${origin}${path}`),
    '',
  ].join('\n');
}
