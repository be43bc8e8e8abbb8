/**
 * Hostile text in every field a journalist or import can set must come out inert: escaped
 * in HTML, in attributes and inside JSON-LD, and unsafe links dropped.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../core/articles.js';
import type { MediaAsset } from '../../core/media.js';
import type { ArticlePage as Model } from '../../services/reading.js';
import { renderDocument } from '../render.js';
import { ArticlePage } from './ArticlePage.js';
import type { PageContext } from './context.js';
import { Editions, editionPath } from '../../core/editions.js';
import { translator } from '../i18n/translate.js';

const XSS = '<script>alert("x")</script>';
const editions = new Editions(['en', 'es']);
const english = editions.default;
const ctx: PageContext = {
  siteName: 'Site "quoted" <b>',
  tagline: 'Tag',
  origin: 'https://news.example.test',
  language: 'en',
  edition: english,
  otherEditions: editions.all.filter((e) => e !== english),
  t: translator('en', 'en-GB'),
  url: (p) => editionPath(english, p),
  dates: { locale: 'en-GB', timeZone: 'UTC' },
  navigation: [{ name: `News ${XSS}`, url: '/news' }],
  socialProfiles: [{ network: 'x', url: 'https://x.com/"><script>alert(1)</script>' }],
  assets: { css: { url: '/assets/site.css', integrity: 'sha384-x' }, script: { url: '/assets/enhance.js', integrity: 'sha384-y' }, icon: '/assets/favicon.svg' },
  path: '/news/x',
};
const lead: MediaAsset = { id: 1, key: 'a'.repeat(32), mime: 'image/jpeg', width: 1600, height: 900, alt: `" onerror="alert(1)`, caption: XSS, credit: `Photo: ${XSS}`, focalX: 0.5, focalY: 0.5 };
const article: Article = {
  id: 1,
  slug: 'x',
  language: 'en',
  sectionId: 1,
  label: 'news',
  headline: `Headline ${XSS} </script><script>alert(2)</script>`,
  seoHeadline: null,
  standfirst: `Stand "first" ${XSS}`,
  seoDescription: null,
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: XSS }] },
      // Not reachable through validation; the renderer must still refuse it.
      { type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(3)' } }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'data', marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(4)</script>' } }] }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `<img src=x onerror=alert(5)>` }] },
      { type: 'blockquote', attrs: { attribution: XSS }, content: [{ type: 'paragraph', content: [{ type: 'text', text: "'quoted'" }] }] },
      { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: XSS } },
      // Not reachable through validation; the renderer must drop it.
      { type: 'embed', attrs: { url: 'javascript:alert(6)' } },
    ],
  },
  leadMediaId: 1,
  socialMediaId: null,
  status: 'published',
  publishedAt: '2026-02-19T10:00:00.000Z',
  displayUpdatedAt: null,
  createdAt: '2026-02-19T10:00:00.000Z',
  updatedAt: '2026-02-19T10:00:00.000Z',
  commentsOpen: true,
  commentsPremoderated: false,
  commentCount: 0,
  version: 1,
  hasLiveBlog: false,
  leadVideoId: null,
};
const model: Model = {
  article,
  url: '/news/x',
  breadcrumbs: [{ name: XSS, url: '/news' }],
  section: { id: 1, parentId: null, slug: 'news', name: XSS, description: '', position: 0, language: 'en' },
  labelName: 'News',
  authors: [{ id: 1, slug: 'a', name: XSS, role: '', bio: '', xHandle: null }],
  tags: [{ id: 1, slug: 't', name: XSS }],
  lead,
  socialImage: lead,
  updatedAt: null,
  corrections: [{ id: 1, articleId: 1, kind: 'correction', note: XSS, createdAt: '2026-02-19T11:00:00.000Z' }],
  related: new Map(),
  inlineMedia: new Map([[1, lead]]),
  moreFromSection: [],
  translations: [],
  translationIds: [],
  lastModified: '2026-02-19T10:00:00.000Z',
};

describe('article page escaping', () => {
  const html = renderDocument(<ArticlePage ctx={ctx} m={model} />);

  it('never emits a script element from content', () => {
    // The only <script> elements are our module and the JSON-LD data blocks.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.every((s) => s.includes('type="module"') || s.includes('type="application/ld+json"'))).toBe(true);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
  });

  it('keeps attribute values inside their quotes', () => {
    expect(html).not.toMatch(/alt="" onerror=/);
    expect(html).toContain('alt="&quot; onerror=&quot;alert(1)"');
    expect(html).not.toContain('href="https://x.com/"><script>');
  });

  it('drops javascript: and data: links but keeps their text', () => {
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).toContain('<p>click</p>');
    expect(html).toContain('<p>data</p>');
  });

  it('renders embeds click-to-load: no frame or outside request until the reader asks', () => {
    expect(html).not.toContain('<iframe');
    expect(html).toContain('data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener nofollow">Watch on YouTube</a>');
    expect(html).not.toContain('alert(6)');
  });

  it('cannot break out of JSON-LD', () => {
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(block).not.toContain('<');
      expect(() => JSON.parse(block) as unknown).not.toThrow();
    }
    expect(JSON.parse(blocks[0] ?? '{}')).toMatchObject({ headline: article.headline });
  });
});
