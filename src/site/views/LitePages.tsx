/**
 * The lite edition (/lite/...): the same stories as text only, for slow or expensive
 * connections. No images, no web fonts, no stylesheet, no script: one HTML document per page,
 * well under 15 KB, with a canonical link to the full page.
 */
import type { ComponentChildren } from 'preact';
import type { ArticlePage as ArticleModel, Card, HomePage as HomeModel, SectionPage as SectionModel } from '../../services/reading.js';
import { formatDate, formatDateTime, formatList, labelKey } from '../format.js';
import { RichText } from './components/RichText.js';
import { TranslationLinks } from './components/Translations.js';
import type { PageContext } from './context.js';
import { absolute } from './context.js';

/** The lite copy of a page is '/lite' + its full path: /lite/es/noticias is /es/noticias. */
const lite = (path: string) => `/lite${path === '/' ? '' : path}`;

function LiteLayout({ ctx, title, description, fullPath, children }: { ctx: PageContext; title: string; description: string; fullPath: string; children: ComponentChildren }) {
  const { t } = ctx;
  const home = `/lite${ctx.edition.prefix}`;
  return (
    <html lang={ctx.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === ctx.siteName ? t('lite.homeTitle', { site: title }) : t('lite.title', { title, site: ctx.siteName })}</title>
        <meta name="description" content={description} />
        {/* The full page is the one to index and share. */}
        <link rel="canonical" href={absolute(ctx, fullPath)} />
        <meta name="color-scheme" content="light dark" />
      </head>
      <body>
        <header>
          <p>
            <a href={home}>
              <strong>{ctx.siteName}</strong>
            </a>{' '}
            {t('lite.textOnly')} · <a href={fullPath}>{t('lite.fullVersion')}</a>
          </p>
          <nav aria-label={t('site.sectionsNav')}>
            {ctx.navigation.map((n, i) => (
              <span key={n.url}>
                {i > 0 && ' · '}
                <a href={lite(n.url)}>{n.name}</a>
              </span>
            ))}
          </nav>
        </header>
        <main>{children}</main>
        <footer>
          <p>
            <a href={home}>{t('lite.home')}</a> · <a href={fullPath}>{t('lite.fullSite')}</a> · <a href={ctx.url('/search')}>{t('site.search')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

function CardList({ ctx, cards }: { ctx: PageContext; cards: Card[] }) {
  return (
    <ul>
      {cards.map((c) => (
        <li key={c.id}>
          <a href={lite(c.url)}>{c.headline}</a>{' '}
          <small>
            ({ctx.t(labelKey(c.label))}, {formatDate(c.publishedAt, ctx.dates)})
          </small>
        </li>
      ))}
    </ul>
  );
}

export function LiteHomePage({ ctx, m }: { ctx: PageContext; m: HomeModel }) {
  const top = [m.lead, ...m.top].filter((c): c is Card => c !== undefined);
  return (
    <LiteLayout ctx={ctx} title={ctx.siteName} description={ctx.tagline} fullPath={ctx.url('/')}>
      <h1>{ctx.t('home.topStories')}</h1>
      <CardList ctx={ctx} cards={top} />
      {m.sections.map((s) => (
        <section key={s.section.url}>
          <h2>
            <a href={lite(s.section.url)}>{s.section.name}</a>
          </h2>
          <CardList ctx={ctx} cards={s.cards} />
        </section>
      ))}
    </LiteLayout>
  );
}

export function LiteSectionPage({ ctx, m }: { ctx: PageContext; m: SectionModel }) {
  const { t } = ctx;
  const base = lite(m.url);
  return (
    <LiteLayout ctx={ctx} title={m.section.name} description={m.section.description || t('lite.sectionDescription', { section: m.section.name })} fullPath={m.page > 1 ? `${m.url}?page=${m.page}` : m.url}>
      <h1>{m.section.name}</h1>
      {m.children.length > 0 && (
        <p>
          {t('lite.inSection')}{' '}
          {m.children.map((c, i) => (
            <span key={c.url}>
              {i > 0 && ' · '}
              <a href={lite(c.url)}>{c.name}</a>
            </span>
          ))}
        </p>
      )}
      <CardList ctx={ctx} cards={m.cards} />
      {m.totalPages > 1 && (
        <p>
          {m.page > 1 && <a href={m.page === 2 ? base : `${base}?page=${m.page - 1}`}>{t('pagination.newer')}</a>} {t('pagination.position', { page: m.page, total: m.totalPages })}{' '}
          {m.page < m.totalPages && <a href={`${base}?page=${m.page + 1}`}>{t('pagination.older')}</a>}
        </p>
      )}
    </LiteLayout>
  );
}

export function LiteArticlePage({ ctx, m }: { ctx: PageContext; m: ArticleModel }) {
  const { t } = ctx;
  const a = m.article;
  return (
    <LiteLayout ctx={ctx} title={a.seoHeadline ?? a.headline} description={a.seoDescription ?? a.standfirst} fullPath={m.url}>
      <article>
        <p>
          {m.breadcrumbs.map((b, i) => (
            <span key={b.url}>
              {i > 0 && ' › '}
              <a href={lite(b.url)}>{b.name}</a>
            </span>
          ))}
          {' · '}
          {t(labelKey(a.label))}
        </p>
        <TranslationLinks translations={m.translations} lite />
        <h1>{a.headline}</h1>
        {a.standfirst && (
          <p>
            <strong>{a.standfirst}</strong>
          </p>
        )}
        <p>
          {m.authors.length > 0 && <>{t('lite.byline', { authors: formatList(m.authors.map((p) => p.name), ctx.dates) })} </>}
          {a.publishedAt && <time datetime={a.publishedAt}>{formatDateTime(a.publishedAt, ctx.dates)}</time>}
          {m.updatedAt && (
            <>
              {' '}
              {t.rich('lite.updated', { date: formatDateTime(m.updatedAt, ctx.dates), time: (chunks) => <time datetime={m.updatedAt ?? undefined}>{chunks}</time> })}
            </>
          )}
        </p>
        {m.leadVideo && <p class="lite-video">{t.rich('video.lite', { caption: m.leadVideo.caption || a.headline, link: (chunks) => <a href={m.url}>{chunks}</a> })}</p>}
        <RichText blocks={a.body.content} ctx={{ related: m.related, media: m.inlineMedia, lite: true, t }} />
        {m.corrections.map((c) => (
          <p key={c.id}>
            <strong>{c.kind === 'correction' ? t('article.correction') : t('article.update')}</strong> ({formatDateTime(c.createdAt, ctx.dates)}): {c.note}
          </p>
        ))}
        <p>
          <a href={`${m.url}#comments`}>{t('lite.comments', { count: a.commentCount })}</a>
        </p>
      </article>
      {m.moreFromSection.length > 0 && (
        <section>
          <h2>{t('article.moreFrom', { section: m.section.name })}</h2>
          <CardList ctx={ctx} cards={m.moreFromSection} />
        </section>
      )}
    </LiteLayout>
  );
}
