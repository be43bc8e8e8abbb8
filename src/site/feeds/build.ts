/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 from a feed's stories, written by the `feed` library.
 * Each format gets its own Feed object because they disagree on what a string means: an RSS
 * title is plain text, an Atom title is HTML (the library marks it type="html"), a JSON Feed
 * title plain text again. Around the library's gaps:
 * - the library writes `]]>` safely only once per CDATA section: HTML is given with `>`
 *   escaped, and a plain-text RSS title keeps only its first `]]>` raw;
 * - it leaves `<` raw in attribute values: Atom category labels get a look-alike instead;
 * - its RSS has no updated date, bylines only as `<author>` (an email address by the spec)
 *   and no Media RSS: items carry `dc:date`, `dc:creator` and `media:content`, with the
 *   namespaces declared on `<channel>` (a channel-level extension);
 * - its JSON Feed is version 1 with one author per item: it is upgraded to 1.1 here (every
 *   author, `language`, plain-text content when the site sends summaries only).
 */
import { Feed } from 'feed';
import type { FeedOptions, Item } from 'feed';
import type { FeedEntry, FeedList, FeedSubject } from '../../services/feeds.js';
import { defaultWidth, mediaUrl } from '../format.js';
import { FEED_FORMATS, feedPath, feedTitle } from './links.js';
import type { FeedFormat, FeedTarget } from './links.js';
import type { Translate } from '../i18n/translate.js';
import { storyHtml } from './story-html.js';

export interface FeedSiteOptions {
  origin: string;
  siteName: string;
  tagline: string;
  language: string;
  /** The edition's URL prefix ('' or '/es'). */
  prefix: string;
  /** The edition's words: lists are described as on their HTML pages. */
  t: Translate;
  /** Whole stories (true) or their standfirst only (false). */
  fullText: boolean;
}

const DC = 'http://purl.org/dc/elements/1.1/';
const MRSS = 'http://search.yahoo.com/mrss/';
const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** A story as every format needs it, URLs absolute. */
interface Story {
  guid: string;
  headline: string;
  standfirst: string;
  url: string;
  published: Date;
  updated: Date;
  /** The body as HTML, when the site sends whole stories. */
  html: string | undefined;
  authors: { name: string; url: string }[];
  /** The section, then the tags. `scheme` + `term` is the category's page. */
  categories: { name: string; term: string; scheme: string; url: string }[];
  image: { url: string; width: number; height: number; alt: string; credit: string } | undefined;
}

/** Elements repeated under one name (xml-js writes an array as one element per value). */
const repeated = (texts: readonly string[]): Record<string, unknown> => texts.map((t) => ({ _text: t })) as unknown as Record<string, unknown>;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Plain text for a CDATA section the library splits at its first `]]>` only. */
function plainCdata(text: string): string {
  const first = text.indexOf(']]>');
  return first < 0 ? text : text.slice(0, first + 3) + text.slice(first + 3).replaceAll(']]>', ']]&gt;');
}

/**
 * A tag URI (RFC 4151) from what never changes about a story: its id and the day it was
 * created. Not its URL: slugs and sections change, and a new GUID shows a story twice.
 */
export function storyGuid(origin: string, article: { id: number; createdAt: string }): string {
  return `tag:${new URL(origin).hostname},${new Date(article.createdAt).toISOString().slice(0, 10)}:article-${article.id}`;
}

/** A tag named like the story's section ("Libya" in Libya) would show as a second "Libya". */
function uniqueByName<T extends { name: string }>(categories: T[]): T[] {
  const seen = new Set<string>();
  return categories.filter((c) => {
    const key = c.name.toLocaleLowerCase('en');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toStory(entry: FeedEntry, site: FeedSiteOptions): Story {
  const { origin } = site;
  const a = entry.article;
  const published = new Date(a.publishedAt ?? a.createdAt);
  const marked = a.displayUpdatedAt ? new Date(a.displayUpdatedAt) : published;
  const lead = entry.lead;
  const width = lead ? defaultWidth(lead) : 0;
  return {
    guid: storyGuid(origin, a),
    headline: a.headline,
    standfirst: a.standfirst,
    url: `${origin}${entry.url}`,
    published,
    updated: marked > published ? marked : published,
    html: site.fullText ? storyHtml(entry, origin) : undefined,
    authors: entry.authors.map((p) => ({ name: p.name, url: `${origin}/author/${encodeURIComponent(p.slug)}` })),
    categories: uniqueByName([
      { name: entry.section.name, term: entry.section.url.slice(1), scheme: `${origin}/`, url: `${origin}${entry.section.url}` },
      ...entry.tags.map((t) => ({ name: t.name, term: t.slug, scheme: `${origin}${site.prefix}/tag/`, url: `${origin}${site.prefix}/tag/${encodeURIComponent(t.slug)}` })),
    ]),
    image: lead
      ? { url: `${origin}${mediaUrl(lead, width, 'jpeg')}`, width, height: Math.round((lead.height * width) / lead.width), alt: lead.alt, credit: lead.credit }
      : undefined,
  };
}

function targetOf(subject: FeedSubject, prefix: string): FeedTarget {
  switch (subject.kind) {
    case 'home':
      return { kind: 'home', prefix };
    case 'section':
      return { kind: 'section', url: subject.url, name: subject.section.name, prefix };
    case 'tag':
      return { kind: 'tag', slug: subject.tag.slug, name: subject.tag.name, prefix };
    case 'author':
      return { kind: 'author', slug: subject.author.slug, name: subject.author.name, prefix };
  }
}

/** The same words the list's HTML page uses for its description. */
function describeList(subject: FeedSubject, site: FeedSiteOptions): { description: string; page: string } {
  switch (subject.kind) {
    case 'home':
      return { description: site.tagline, page: site.prefix || '/' };
    case 'section':
      return { description: subject.section.description || site.t('list.sectionDescription', { section: subject.section.name, site: site.siteName }), page: subject.url };
    case 'tag':
      return { description: site.t('list.tagDescription', { tag: subject.tag.name, site: site.siteName }), page: `${site.prefix}/tag/${encodeURIComponent(subject.tag.slug)}` };
    case 'author':
      return { description: subject.author.bio || site.t('list.authorDescription', { author: subject.author.name }), page: `${site.prefix}/author/${encodeURIComponent(subject.author.slug)}` };
  }
}

function feedOptions(list: FeedList, stories: readonly Story[], site: FeedSiteOptions, now: Date): FeedOptions {
  const target = targetOf(list.subject, site.prefix);
  const { description, page } = describeList(list.subject, site);
  const self = (format: FeedFormat) => `${site.origin}${feedPath(target, format)}`;
  const newest = stories.reduce<Date | undefined>((max, s) => (max === undefined || s.updated > max ? s.updated : max), undefined);
  return {
    id: self('atom'),
    title: feedTitle(target, site.siteName),
    description,
    link: `${site.origin}${page}`,
    language: site.language,
    updated: newest ?? now,
    feedLinks: { rss: self('rss'), atom: self('atom'), json: self('json') },
    // The feed's author stands in for stories without a byline (Atom requires one).
    author: { name: site.siteName, link: site.origin },
    favicon: `${site.origin}/favicon.ico`,
    copyright: `© ${site.siteName}`,
  };
}

function rss(options: FeedOptions, stories: readonly Story[]): string {
  const feed = new Feed(options);
  // xml-js writes `_attributes` as the element's attributes: the namespaces the items use
  // (the library declares dc itself, on <rss>, only when some item has content).
  const dcDeclared = stories.some((s) => s.html);
  feed.addExtension({ name: '_attributes', objects: { ...(dcDeclared ? {} : { 'xmlns:dc': DC }), 'xmlns:media': MRSS } });
  for (const s of stories) {
    const extensions: Item['extensions'] = [{ name: 'dc:date', objects: { _text: s.updated.toISOString() } }];
    if (s.authors.length) extensions.push({ name: 'dc:creator', objects: repeated(s.authors.map((p) => p.name)) });
    if (s.image) {
      extensions.push({
        name: 'media:content',
        objects: {
          _attributes: { url: s.image.url, type: 'image/jpeg', medium: 'image', width: s.image.width, height: s.image.height },
          ...(s.image.alt ? { 'media:description': { _attributes: { type: 'plain' }, _text: s.image.alt } } : {}),
          ...(s.image.credit ? { 'media:credit': { _text: s.image.credit } } : {}),
        },
      });
    }
    feed.addItem({
      title: plainCdata(s.headline),
      guid: s.guid,
      link: s.url,
      date: s.updated,
      published: s.published,
      description: s.standfirst ? escapeHtml(s.standfirst) : undefined,
      content: s.html,
      category: s.categories.map((c) => ({ name: c.name, domain: c.url })),
      // The rendition's size is not known without making it: the library writes length="0",
      // what the RSS Best Practices Profile asks for when the size cannot be determined.
      image: s.image ? { url: s.image.url, type: 'image/jpeg' } : undefined,
      extensions,
    });
  }
  return feed.rss2();
}

function atom(options: FeedOptions, stories: readonly Story[]): string {
  const feed = new Feed(options);
  for (const s of stories) {
    feed.addItem({
      title: escapeHtml(s.headline),
      id: s.guid,
      link: s.url,
      date: s.updated,
      published: s.published,
      description: s.standfirst ? escapeHtml(s.standfirst) : undefined,
      content: s.html,
      author: s.authors.map((p) => ({ name: p.name, link: p.url })),
      // Labels are attributes, where the library escapes `&` and `"` but not `<`.
      category: s.categories.map((c) => ({ name: c.name.replace(/</g, '\uFF1C'), term: c.term, scheme: c.scheme })),
      // A URL only: an enclosure with a length attribute would need the rendition's size.
      image: s.image?.url,
    });
  }
  return feed.atom1();
}

interface JsonFeedAuthor {
  name: string;
  url?: string;
}

export interface JsonFeedItem {
  id: string;
  url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
}

export interface JsonFeed {
  version: string;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  favicon?: string;
  author?: unknown;
  authors?: JsonFeedAuthor[];
  language?: string;
  items: JsonFeedItem[];
}

function json(options: FeedOptions, stories: readonly Story[], site: FeedSiteOptions): string {
  const feed = new Feed(options);
  for (const s of stories) {
    feed.addItem({
      title: s.headline,
      id: s.guid,
      link: s.url,
      date: s.updated,
      published: s.published,
      description: s.standfirst || undefined,
      content: s.html,
      image: s.image?.url,
      category: s.categories.map((c) => ({ name: c.name })),
    });
  }
  // Version 1's single `author` gives way to 1.1's `authors`; the items go last, for readers.
  const { author: _version1Author, items, ...head } = JSON.parse(feed.json1()) as JsonFeed;
  const doc: JsonFeed = { ...head, version: JSON_FEED_VERSION, language: site.language, favicon: options.favicon, authors: [{ name: site.siteName, url: site.origin }], items };
  items.forEach((item, i) => {
    const s = stories[i];
    if (!s) return;
    if (s.authors.length) item.authors = s.authors;
    if (s.standfirst) item.summary = s.standfirst;
    if (s.html === undefined) {
      // The library would send the standfirst as HTML; it is plain text.
      delete item.content_html;
      item.content_text = s.standfirst;
    }
  });
  return JSON.stringify(doc);
}

/** The feed document in the asked format. */
export function renderFeed(list: FeedList, format: FeedFormat, site: FeedSiteOptions, now: Date = new Date()): string {
  const stories = list.entries.map((e) => toStory(e, site));
  const options = feedOptions(list, stories, site, now);
  switch (format) {
    case 'rss':
      return rss(options, stories);
    case 'atom':
      return atom(options, stories);
    case 'json':
      return json(options, stories, site);
  }
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: `${FEED_FORMATS.rss.type}; charset=utf-8`,
  atom: `${FEED_FORMATS.atom.type}; charset=utf-8`,
  json: `${FEED_FORMATS.json.type}; charset=utf-8`,
};
