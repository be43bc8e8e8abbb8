/**
 * A story's body as HTML for a feed reader: rendered by the site's own RichText component
 * (same escaping, same link checks as the page), with every site-relative URL made absolute,
 * because a feed reader shows the HTML away from the site and most resolve nothing.
 */
import { options } from 'preact';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { LANGUAGES } from '../../core/articles.js';
import { Editions } from '../../core/editions.js';
import type { FeedEntry } from '../../services/feeds.js';
import { translator } from '../i18n/translate.js';
import { RichText } from '../views/components/RichText.js';

/** Every language's locale, for the words a story's body carries (Related:, Watch on …) in its own language. */
const ALL = new Editions(LANGUAGES);

const absoluteUrl = (url: string, origin: string): string => (url.startsWith('/') && !url.startsWith('//') ? `${origin}${url}` : url);

/** `"/media/k/320.jpeg 320w, /media/k/480.jpeg 480w"` with each URL made absolute. */
const absoluteSrcset = (srcset: string, origin: string): string =>
  srcset
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [absoluteUrl(url, origin), ...descriptor].join(' ');
    })
    .join(', ');

function absolutize(vnode: VNode, origin: string): void {
  if (typeof vnode.type !== 'string') return;
  const props = vnode.props as Record<string, unknown>;
  if (typeof props.href === 'string') props.href = absoluteUrl(props.href, origin);
  if (typeof props.src === 'string') props.src = absoluteUrl(props.src, origin);
  if (typeof props.srcset === 'string') props.srcset = absoluteSrcset(props.srcset, origin);
}

export function storyHtml(entry: FeedEntry, origin: string): string {
  // Preact calls options.vnode for every element as components create it. renderToString is
  // synchronous, so the hook is in place for exactly this render and nothing else.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back as it was; called on options below
  const previous = options.vnode;
  options.vnode = (vnode) => {
    absolutize(vnode, origin);
    previous?.call(options, vnode);
  };
  let html: string;
  try {
    const { language } = entry.article;
    const t = translator(language, ALL.of(language).locale);
    html = renderToString(<RichText blocks={entry.article.body.content} ctx={{ related: entry.related, media: entry.media, t }} />);
  } finally {
    options.vnode = previous;
  }
  // The HTML travels in CDATA sections, which "]]>" would end; Preact leaves ">" as is in text
  // and attributes, where "&gt;" means the same to an HTML parser.
  return html.replaceAll(']]>', ']]&gt;');
}
