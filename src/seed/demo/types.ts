/**
 * The authoring format of the demo newsroom. It is deliberately simpler than the stored
 * rich-text document: the seeder converts it (see ../demo-to-doc.ts), so demo writers
 * think in paragraphs and headings, not in ProseMirror nodes.
 */

/** Section paths the demo uses. Every article names one of these. */
export type DemoSectionPath =
  | 'news'
  | 'news/latin-america'
  | 'news/latin-america/venezuela'
  | 'news/middle-east-africa'
  | 'news/middle-east-africa/libya'
  | 'news/europe'
  | 'news/asia-pacific'
  | 'business'
  | 'climate'
  | 'sport'
  | 'opinion'
  | 'analysis';

/** Section paths of the Spanish edition's demo (see ./articles-es.ts). */
export type DemoSectionPathEs =
  | 'noticias'
  | 'noticias/america-latina'
  | 'noticias/america-latina/venezuela'
  | 'noticias/oriente-medio-africa'
  | 'noticias/oriente-medio-africa/libia'
  | 'noticias/europa'
  | 'economia'
  | 'clima'
  | 'deportes'
  | 'opinion'
  | 'analisis';

/** Keys of the demo authors (see ./authors.ts). */
export type DemoAuthorKey =
  | 'lucia-ferreyra'
  | 'omar-benali'
  | 'hannah-okafor'
  | 'tomas-quispe'
  | 'mei-lin-zhou'
  | 'sofia-marchetti'
  | 'daniel-achterberg'
  | 'amara-diallo';

export type DemoLabel = 'news' | 'opinion' | 'analysis' | 'interview' | 'explainer' | 'feature';

/** What the generated lead illustration shows (drawn by ../demo-images.ts). */
export type DemoMotif = 'city' | 'sea' | 'hills' | 'desert' | 'chamber' | 'chart' | 'stadium' | 'forest';

/**
 * One body block. A plain string is a paragraph; inside a paragraph, `**bold**`,
 * `*italic*` and `[link text](https://example.org/...)` are recognised.
 */
export type DemoBlock =
  | string
  | { h: string } // subheading (h2)
  | { quote: string; by?: string } // blockquote with optional attribution
  | { pull: string; by?: string } // pull quote
  | { list: string[]; ordered?: boolean }
  | { related: string } // key of another demo article: rendered as "RELATED: <its headline>"
  | { figure: DemoImage }; // an inline illustration with caption and credit

export interface DemoImage {
  motif: DemoMotif;
  /** 0-359: the dominant hue of the illustration. */
  hue: number;
  /** Alternative text: describe what the illustration shows (motif and colours), honestly. */
  alt: string;
  caption: string;
  /** e.g. 'Illustration: Newsdesk Graphics' */
  credit: string;
}

export interface DemoArticle {
  /** Unique, stable, kebab-case; other articles refer to it in `{ related: key }`. */
  key: string;
  headline: string;
  /** Optional shorter/alternative headline for search engines and social cards. */
  seoHeadline?: string;
  /** One sentence (max ~220 characters) shown above the body and in lists. */
  standfirst: string;
  label: DemoLabel;
  section: DemoSectionPath;
  authors: DemoAuthorKey[];
  /** Plain tag names, e.g. 'Elections', 'Oil', 'United Nations'. */
  tags: string[];
  /** Published this many hours before the demo is seeded (0.5 to 400). */
  publishedHoursAgo: number;
  /** If set (smaller than publishedHoursAgo), the story was updated this many hours ago. */
  updatedHoursAgo?: number;
  /** A correction or update note shown on the story, if any. */
  correction?: string;
  lead: DemoImage;
  body: DemoBlock[];
}

/** A story of the Spanish edition's demo: the same format, in the Spanish section tree. */
export interface DemoArticleEs extends Omit<DemoArticle, 'section'> {
  section: DemoSectionPathEs;
  /** key of the English demo article this one translates, if any */
  translationOf?: string;
}
