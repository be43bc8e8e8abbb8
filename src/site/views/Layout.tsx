import type { ComponentChildren } from 'preact';
import { SOCIAL_NETWORK_NAMES } from '../../core/site-settings.js';
import { defaultFeedLinks } from '../feeds/links.js';
import type { Asset, PageContext, Seo } from './context.js';
import { absolute, scriptJson } from './context.js';
import { SocialIcon } from './components/SocialIcon.js';

interface Props {
  ctx: PageContext;
  seo: Seo;
  children: ComponentChildren;
  /** Islands this page needs besides enhance.js (e.g. the comments island). */
  scripts?: Asset[];
}

function Head({ ctx, seo, scripts = [] }: { ctx: PageContext; seo: Seo; scripts?: Asset[] }) {
  const canonical = absolute(ctx, seo.canonical);
  const title = seo.title === ctx.siteName ? seo.title : `${seo.title} | ${ctx.siteName}`;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={seo.description} />
      <link rel="canonical" href={canonical} />
      {seo.noindex ? <meta name="robots" content="noindex" /> : <meta name="robots" content="max-image-preview:large" />}
      <meta name="color-scheme" content="light dark" />
      <link rel="stylesheet" href={ctx.assets.css.url} integrity={ctx.assets.css.integrity} />
      <link rel="icon" href={ctx.assets.icon} type="image/svg+xml" />
      {(seo.feeds ?? defaultFeedLinks(seo, ctx.siteName)).map((f) => (
        <link key={f.href} rel="alternate" type={f.type} title={f.title} href={absolute(ctx, f.href)} />
      ))}
      <meta property="og:site_name" content={ctx.siteName} />
      <meta property="og:type" content={seo.type} />
      <meta property="og:title" content={seo.title} />
      <meta property="og:description" content={seo.description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:locale" content={ctx.language === 'es' ? 'es_ES' : 'en_GB'} />
      {seo.image && <meta property="og:image" content={absolute(ctx, seo.image.url)} />}
      {seo.image && <meta property="og:image:width" content={String(seo.image.width)} />}
      {seo.image && <meta property="og:image:height" content={String(seo.image.height)} />}
      {seo.image && <meta property="og:image:alt" content={seo.image.alt} />}
      {seo.publishedTime && <meta property="article:published_time" content={seo.publishedTime} />}
      {seo.modifiedTime && <meta property="article:modified_time" content={seo.modifiedTime} />}
      {seo.section && <meta property="article:section" content={seo.section} />}
      {seo.tags?.map((t) => <meta key={t} property="article:tag" content={t} />)}
      <meta name="twitter:card" content={seo.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={seo.title} />
      <meta name="twitter:description" content={seo.description} />
      {seo.image && <meta name="twitter:image" content={absolute(ctx, seo.image.url)} />}
      {seo.image && <meta name="twitter:image:alt" content={seo.image.alt} />}
      {seo.jsonLd?.map((data, i) => <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />)}
      <script type="module" src={ctx.assets.script.url} integrity={ctx.assets.script.integrity} />
      {scripts.map((s) => (
        <script key={s.url} type="module" src={s.url} integrity={s.integrity} />
      ))}
    </head>
  );
}

function SocialLinks({ ctx, label }: { ctx: PageContext; label: string }) {
  if (ctx.socialProfiles.length === 0) return null;
  return (
    <ul class="social" aria-label={label}>
      {ctx.socialProfiles.map((p) => (
        <li key={p.network}>
          <a href={p.url} rel="me noopener" aria-label={`${ctx.siteName} on ${SOCIAL_NETWORK_NAMES[p.network]}`}>
            <SocialIcon network={p.network} />
          </a>
        </li>
      ))}
    </ul>
  );
}

function isCurrent(ctx: PageContext, url: string): boolean {
  return ctx.path === url || ctx.path.startsWith(`${url}/`);
}

/** The lite edition's copy of a page: sections and stories have one; other pages go to its home. */
function liteVersion(path: string): string {
  if (path === '/' || /^\/(tag|author|live|search|account|articles|comments|preview|lite)(\/|$)/.test(path)) return '/lite';
  return `/lite${path}`;
}

export function Layout({ ctx, seo, children, scripts }: Props) {
  return (
    <html lang={ctx.language}>
      <Head ctx={ctx} seo={seo} {...(scripts ? { scripts } : {})} />
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <div class="masthead">
            <a class="brand" href="/">
              <svg class="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
                <rect width="32" height="32" rx="6" fill="currentColor" />
                <path d="M9 23V9h3l8 9.5V9h3v14h-3l-8-9.5V23z" fill="var(--bg)" />
              </svg>
              <span>{ctx.siteName}</span>
            </a>
            <div class="live-menu">
              <a class="live-link" href="/live">
                <span class="live-dot" aria-hidden="true" />
                Live
              </a>
              <a class="audio-link" href="/live?audio=1">Audio only</a>
            </div>
            <SocialLinks ctx={ctx} label="Follow us" />
          </div>
          <nav class="site-nav" aria-label="Sections">
            <ul>
              <li>
                <a href="/" aria-current={ctx.path === '/' ? 'page' : undefined}>Home</a>
              </li>
              {ctx.navigation.map((item) => (
                <li key={item.url}>
                  <a href={item.url} aria-current={isCurrent(ctx, item.url) ? 'page' : undefined}>
                    {item.name}
                  </a>
                </li>
              ))}
              <li class="nav-search">
                <a href="/search" aria-current={ctx.path === '/search' ? 'page' : undefined}>
                  Search
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <nav aria-label="Footer">
            <ul>
              {ctx.navigation.map((item) => (
                <li key={item.url}>
                  <a href={item.url}>{item.name}</a>
                </li>
              ))}
              <li>
                <a href="/live">Live TV</a>
              </li>
              <li>
                <a href="/search">Search</a>
              </li>
              <li>
                <a href={liteVersion(ctx.path)}>Text-only site</a>
              </li>
              <li>
                <a href="/feeds/rss.xml">RSS</a>
              </li>
            </ul>
          </nav>
          <SocialLinks ctx={ctx} label="Our social profiles" />
          <p class="tagline">
            {ctx.siteName}: {ctx.tagline}
          </p>
        </footer>
      </body>
    </html>
  );
}
