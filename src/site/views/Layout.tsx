import type { ComponentChildren } from 'preact';
import { SOCIAL_NETWORK_NAMES } from '../../core/site-settings.js';
import type { Edition } from '../../core/editions.js';
import { editionPath } from '../../core/editions.js';
import { defaultFeedLinks } from '../feeds/links.js';
import type { Asset, PageContext, Seo } from './context.js';
import { absolute, scriptJson } from './context.js';
import { SocialIcon } from './components/SocialIcon.js';
import { OgVideo } from './lead-video-seo.js';

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
  const alternates = hreflangLinks(ctx, seo);
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
      {(seo.feeds ?? defaultFeedLinks(seo, ctx.siteName, ctx.edition.prefix)).map((f) => (
        <link key={f.href} rel="alternate" type={f.type} title={f.title} href={absolute(ctx, f.href)} />
      ))}
      <meta property="og:site_name" content={ctx.siteName} />
      <meta property="og:type" content={seo.type} />
      <meta property="og:title" content={seo.title} />
      <meta property="og:description" content={seo.description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:locale" content={ctx.edition.ogLocale} />
      {alternates.map((a) => (
        <link key={a.hreflang} rel="alternate" hreflang={a.hreflang} href={absolute(ctx, a.href)} />
      ))}
      {seo.image && <meta property="og:image" content={absolute(ctx, seo.image.url)} />}
      {seo.image && <meta property="og:image:width" content={String(seo.image.width)} />}
      {seo.image && <meta property="og:image:height" content={String(seo.image.height)} />}
      {seo.image && <meta property="og:image:alt" content={seo.image.alt} />}
      {seo.video && <OgVideo ctx={ctx} video={seo.video} />}
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

/**
 * hreflang for a page that exists in other editions: itself, each translation, and
 * x-default (the default edition's copy, else this one). Pages without translations get none.
 */
function hreflangLinks(ctx: PageContext, seo: Seo): { hreflang: string; href: string }[] {
  const others = seo.alternates ?? [];
  if (others.length === 0) return [];
  const all = [{ language: ctx.language, href: seo.canonical }, ...others.filter((a) => a.language !== ctx.language)];
  const defaultLanguage = ctx.edition.prefix === '' ? ctx.language : ctx.otherEditions.find((e) => e.prefix === '')?.language;
  const fallback = all.find((a) => a.language === defaultLanguage) ?? all[0];
  return [...all.map((a) => ({ hreflang: a.language, href: a.href })), ...(fallback ? [{ hreflang: 'x-default', href: fallback.href }] : [])];
}

/** Where the switcher sends a reader of this page: its translation, else that edition's home. */
function editionLink(ctx: PageContext, seo: Seo, edition: Edition): string {
  return seo.alternates?.find((a) => a.language === edition.language)?.href ?? editionPath(edition, '/');
}

function SocialLinks({ ctx, label }: { ctx: PageContext; label: string }) {
  if (ctx.socialProfiles.length === 0) return null;
  return (
    <ul class="social" aria-label={label}>
      {ctx.socialProfiles.map((p) => (
        <li key={p.network}>
          <a href={p.url} rel="me noopener" aria-label={ctx.t('site.onNetwork', { site: ctx.siteName, network: SOCIAL_NETWORK_NAMES[p.network] })}>
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
function liteVersion(ctx: PageContext): string {
  const inner = ctx.edition.prefix && ctx.path.startsWith(ctx.edition.prefix) ? ctx.path.slice(ctx.edition.prefix.length) || '/' : ctx.path;
  if (inner === '/' || /^\/(tag|author|live|schedule|programmes|search|account|articles|comments|preview|lite)(\/|$)/.test(inner)) return `/lite${ctx.edition.prefix}`;
  return `/lite${ctx.path}`;
}

export function Layout({ ctx, seo, children, scripts }: Props) {
  const { t } = ctx;
  const home = ctx.url('/');
  return (
    <html lang={ctx.language}>
      <Head ctx={ctx} seo={seo} {...(scripts ? { scripts } : {})} />
      <body>
        <a class="skip-link" href="#main">
          {t('site.skip')}
        </a>
        <header class="site-header">
          <div class="masthead">
            <a class="brand" href={home}>
              <svg class="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
                <rect width="32" height="32" rx="6" fill="currentColor" />
                <path d="M9 23V9h3l8 9.5V9h3v14h-3l-8-9.5V23z" fill="var(--bg)" />
              </svg>
              <span>{ctx.siteName}</span>
            </a>
            <div class="live-menu">
              <a class="live-link" href={ctx.url('/live')}>
                <span class="live-dot" aria-hidden="true" />
                {t('site.live')}
              </a>
              <a class="audio-link" href={`${ctx.url('/live')}?audio=1`}>
                {t('site.audioOnly')}
              </a>
              {ctx.onAir && (
                <p class="on-air">
                  <span class="on-air-badge">{t('site.onAir')}</span> {ctx.onAir.programme}
                </p>
              )}
            </div>
            {ctx.otherEditions.length > 0 && (
              <ul class="editions" aria-label={t('site.editions')}>
                {ctx.otherEditions.map((e) => (
                  <li key={e.language}>
                    <a href={editionLink(ctx, seo, e)} hreflang={e.language} lang={e.language}>
                      {e.name}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <SocialLinks ctx={ctx} label={t('site.followUs')} />
          </div>
          <nav class="site-nav" aria-label={t('site.sectionsNav')}>
            <ul>
              <li>
                <a href={home} aria-current={ctx.path === home ? 'page' : undefined}>
                  {t('site.home')}
                </a>
              </li>
              {ctx.navigation.map((item) => (
                <li key={item.url}>
                  <a href={item.url} aria-current={isCurrent(ctx, item.url) ? 'page' : undefined}>
                    {item.name}
                  </a>
                </li>
              ))}
              <li class="nav-search">
                <a href={ctx.url('/search')} aria-current={ctx.path === ctx.url('/search') ? 'page' : undefined}>
                  {t('site.search')}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <nav aria-label={t('site.footerNav')}>
            <ul>
              {ctx.navigation.map((item) => (
                <li key={item.url}>
                  <a href={item.url}>{item.name}</a>
                </li>
              ))}
              <li>
                <a href={ctx.url('/live')}>{t('site.liveTv')}</a>
              </li>
              <li>
                <a href={ctx.url('/search')}>{t('site.search')}</a>
              </li>
              <li>
                <a href={liteVersion(ctx)}>{t('site.textOnly')}</a>
              </li>
              <li>
                <a href={`${ctx.edition.prefix}/feeds/rss.xml`}>{t('site.rss')}</a>
              </li>
            </ul>
          </nav>
          <SocialLinks ctx={ctx} label={t('site.socialProfiles')} />
          <p class="tagline">
            {ctx.siteName}: {ctx.tagline}
          </p>
        </footer>
      </body>
    </html>
  );
}
