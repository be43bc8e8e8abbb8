/**
 * Sitemap XML, written by the `sitemap` library (it escapes every URL and text and declares
 * the namespaces): the index, and urlsets with the image and Google News extensions.
 * Every file is measured: none leaves here over the byte limit.
 */
import { Readable } from 'node:stream';
import type { Transform } from 'node:stream';
import { ErrorLevel, SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import type { IndexItem, SitemapItemLoose, SitemapStreamOptions } from 'sitemap';
import type { SitemapUrl } from '../../services/sitemaps.js';
import { defaultWidth, mediaUrl } from '../format.js';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
export const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';

export type UrlsetKind = 'pages' | 'articles' | 'news';

const NAMESPACES: Record<UrlsetKind, NonNullable<SitemapStreamOptions['xmlns']>> = {
  pages: { news: false, image: false, video: false, xhtml: false },
  articles: { news: false, image: true, video: false, xhtml: false },
  news: { news: true, image: true, video: false, xhtml: false },
};

/**
 * How much of each image to write. A file over the byte limit is written again with less:
 * first without image captions and titles (optional, and ignored by Google since 2022), then
 * without images. URLs and lastmods are never dropped.
 */
const IMAGE_DETAIL = ['full', 'loc', 'none'] as const;
type ImageDetail = (typeof IMAGE_DETAIL)[number];

export interface UrlsetOptions {
  origin: string;
  /** news:name: the publication's name as Google News knows it. */
  siteName: string;
  maxBytes: number;
}

export class SitemapTooLargeError extends Error {
  override name = 'SitemapTooLargeError';
}

function toItem(u: SitemapUrl, o: UrlsetOptions, detail: ImageDetail): SitemapItemLoose {
  const image = u.image;
  return {
    url: o.origin + u.path,
    ...(u.lastmod ? { lastmod: u.lastmod } : {}),
    img: image && detail !== 'none'
      ? [{
          // The JPEG rendition social cards use: every crawler reads JPEG.
          url: o.origin + mediaUrl(image, defaultWidth(image), 'jpeg'),
          ...(detail === 'full' && image.caption ? { caption: image.caption } : {}),
          ...(detail === 'full' && image.alt ? { title: image.alt } : {}),
        }]
      : [],
    ...(u.news ? { news: { publication: { name: o.siteName, language: u.news.language }, publication_date: u.news.publishedAt, title: u.news.title } } : {}),
  };
}

/** Runs items through a sitemap stream and collects the XML; any validation error rejects. */
async function write(stream: Transform, items: readonly object[], errors: Error[]): Promise<Buffer> {
  const done = streamToPromise(stream);
  Readable.from(items).pipe(stream);
  const xml = await done;
  const [error] = errors;
  if (error) throw error;
  return xml;
}

/** A urlset of one or more URLs, within the byte limit (see IMAGE_DETAIL). */
export async function renderUrlset(kind: UrlsetKind, urls: readonly SitemapUrl[], o: UrlsetOptions): Promise<string> {
  let size = 0;
  for (const detail of IMAGE_DETAIL) {
    const errors: Error[] = [];
    const stream = new SitemapStream({ xmlns: NAMESPACES[kind], level: ErrorLevel.WARN, errorHandler: (e) => void errors.push(e) });
    const xml = await write(stream, urls.map((u) => toItem(u, o, detail)), errors);
    size = xml.length;
    if (size <= o.maxBytes) return xml.toString('utf8');
    if (!urls.some((u) => u.image)) break;
  }
  throw new SitemapTooLargeError(`a ${kind} sitemap of ${urls.length} URLs is ${size} bytes, over the limit of ${o.maxBytes}: lower the URLs per file`);
}

/**
 * The Google News sitemap when nothing was published in the window: an empty urlset, which
 * Google accepts as intentional. (The library writes no empty sitemap; this holds no data.)
 */
export const EMPTY_NEWS_URLSET = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}" xmlns:image="${IMAGE_NS}"></urlset>`;

/** The sitemap index: absolute file URLs with their lastmods. */
export async function renderIndex(files: readonly IndexItem[]): Promise<string> {
  const errors: Error[] = [];
  const stream = new SitemapIndexStream({ level: ErrorLevel.THROW });
  return (await write(stream, files, errors)).toString('utf8');
}
