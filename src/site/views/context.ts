/** What every page needs besides its own content: site identity, navigation, assets. */
import type { Language } from '../../core/articles.js';
import type { Edition } from '../../core/editions.js';
import type { SocialProfile } from '../../core/site-settings.js';
import type { Translate } from '../i18n/translate.js';
import type { Link } from '../../services/reading.js';
import type { DateStyle } from '../format.js';

/** A same-origin file with its Subresource Integrity hash. */
export interface Asset {
  url: string;
  integrity: string;
}

export interface PageContext {
  siteName: string;
  tagline: string;
  /** e.g. https://news.example.org (no trailing slash) */
  origin: string;
  language: Language;
  /** The edition being read: its URL prefix, locale and name. */
  edition: Edition;
  /** The other editions, for the edition switcher (their home pages). */
  otherEditions: Edition[];
  /** The edition's words (message files): views hold no text of their own. */
  t: Translate;
  /** A site path inside this edition: url('/tag/x') is '/es/tag/x' in the Spanish edition. */
  url(path: string): string;
  dates: DateStyle;
  navigation: Link[];
  socialProfiles: SocialProfile[];
  /** comments: the comments island, when it has been built (npm run build). */
  assets: { css: Asset; script: Asset; icon: string; comments?: Asset | undefined; /** hls.js for lead videos (client/video). */ video?: Asset | undefined };
  /** What the edition's channel has on air now, from the schedule (header). */
  onAir?: { channel: string; programme: string; endsAt: string } | undefined;
  /** The path of the page being rendered, for aria-current in the navigation. */
  path: string;
}

/** A feed offered for autodiscovery (`<link rel="alternate">` in the head). */
export interface FeedLink {
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  title: string;
  /** Path or absolute URL; made absolute against the origin. */
  href: string;
}

export interface Seo {
  title: string;
  description: string;
  /** Path or absolute URL; made absolute against the origin. */
  canonical: string;
  type: 'website' | 'article' | 'profile';
  image?: { url: string; width: number; height: number; alt: string };
  publishedTime?: string;
  modifiedTime?: string;
  section?: string;
  tags?: string[];
  jsonLd?: object[];
  noindex?: boolean;
  /** The same page in other editions (a story's translation, the other home): hreflang links. */
  alternates?: Alternate[];
  /** A story's lead video for Open Graph (og:video); path or absolute URL. */
  video?: { url: string; type: string; width?: number | undefined; height?: number | undefined };
  /** Feeds of this page (home, section, tag, author); others offer the site feed (Layout). */
  feeds?: FeedLink[];
}

/** This page in another language (a translation), for `<link rel="alternate" hreflang>`. */
export interface Alternate {
  language: Language;
  /** Path or absolute URL. */
  href: string;
}

export const absolute = (ctx: PageContext, pathOrUrl: string): string => (/^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${ctx.origin}${pathOrUrl}`);

/** JSON for a <script> element: `<` escaped so no string in it can close the element. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
