/**
 * Where each feed lives and what it is called: shared by the feed routes (self links, titles)
 * and the pages' heads (autodiscovery). Feeds have a prefix of their own because section
 * paths and article slugs share the rest of the path space.
 */
import type { FeedLink, Seo } from '../views/context.js';

export const FEED_FORMATS = {
  rss: { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
} as const;

export type FeedFormat = keyof typeof FEED_FORMATS;

const FORMAT_NAMES = Object.keys(FEED_FORMATS) as FeedFormat[];

/** The format a feed's file name asks for: rss.xml, atom.xml or feed.json. */
export function formatOfFile(file: string): FeedFormat | undefined {
  return FORMAT_NAMES.find((f) => FEED_FORMATS[f].file === file);
}

/**
 * A list with feeds: the home page, a section (by its page URL), a tag or an author, in an
 * edition (`prefix`: '' or '/es'; a section's URL already starts with it).
 */
export type FeedTarget = (
  | { kind: 'home' }
  | { kind: 'section'; url: string; name: string }
  | { kind: 'tag'; slug: string; name: string }
  | { kind: 'author'; slug: string; name: string }
) & { prefix?: string };

/** The folder of a list's feeds: /feeds, /feeds/section/news/libya, /es/feeds/tag/petroleo... */
export function feedBase(target: FeedTarget): string {
  const prefix = target.prefix ?? '';
  switch (target.kind) {
    case 'home':
      return `${prefix}/feeds`;
    case 'section':
      return `${prefix}/feeds/section${target.url.startsWith(`${prefix}/`) ? target.url.slice(prefix.length) : target.url}`;
    case 'tag':
      return `${prefix}/feeds/tag/${encodeURIComponent(target.slug)}`;
    case 'author':
      return `${prefix}/feeds/author/${encodeURIComponent(target.slug)}`;
  }
}

export const feedPath = (target: FeedTarget, format: FeedFormat): string => `${feedBase(target)}/${FEED_FORMATS[format].file}`;

/** "Newsdesk Network" for the site, "Libya – Newsdesk Network" for a list in it. */
export const feedTitle = (target: FeedTarget, siteName: string): string => (target.kind === 'home' ? siteName : `${target.name} – ${siteName}`);

/** The RSS, Atom and JSON feeds of a list, for a page's head. */
export function feedLinks(target: FeedTarget, siteName: string): FeedLink[] {
  const title = feedTitle(target, siteName);
  return FORMAT_NAMES.map((format) => ({ type: FEED_FORMATS[format].type, title: `${title} (${FEED_FORMATS[format].label})`, href: feedPath(target, format) }));
}

/**
 * The feeds a page offers when it names none: the site's, and on a story page first those of
 * its section. A story's URL is its section's path plus its slug (docs/architecture.md), so
 * the section's feeds follow from the canonical path.
 */
export function defaultFeedLinks(seo: Pick<Seo, 'type' | 'canonical' | 'section'>, siteName: string, prefix = ''): FeedLink[] {
  const site = feedLinks({ kind: 'home', prefix }, siteName);
  if (seo.type !== 'article' || !seo.section || !seo.canonical.startsWith('/')) return site;
  const sectionUrl = seo.canonical.slice(0, seo.canonical.lastIndexOf('/'));
  return sectionUrl && sectionUrl !== prefix ? [...feedLinks({ kind: 'section', url: sectionUrl, name: seo.section, prefix }, siteName), ...site] : site;
}
