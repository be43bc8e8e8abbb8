/**
 * The lite edition (/lite/...): the same stories as text only, for slow or expensive
 * connections. No images, no web fonts, no stylesheet, no script: one HTML document per page,
 * well under 15 KB, with a canonical link to the full page.
 */
import type { ComponentChildren } from 'preact';
import type { ArticlePage as ArticleModel, Card, HomePage as HomeModel, SectionPage as SectionModel } from '../../services/reading.js';
import { formatDate, formatDateTime } from '../format.js';
import { RichText } from './components/RichText.js';
import type { PageContext } from './context.js';
import { absolute } from './context.js';

const lite = (path: string) => `/lite${path === '/' ? '' : path}`;

function LiteLayout({ ctx, title, description, fullPath, children }: { ctx: PageContext; title: string; description: string; fullPath: string; children: ComponentChildren }) {
  return (
    <html lang={ctx.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === ctx.siteName ? `${title} (lite)` : `${title} | ${ctx.siteName} (lite)`}</title>
        <meta name="description" content={description} />
        {/* The full page is the one to index and share. */}
        <link rel="canonical" href={absolute(ctx, fullPath)} />
        <meta name="color-scheme" content="light dark" />
      </head>
      <body>
        <header>
          <p>
            <a href="/lite">
              <strong>{ctx.siteName}</strong>
            </a>{' '}
            (lite: text only) · <a href={fullPath}>Full version of this page</a>
          </p>
          <nav aria-label="Sections">
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
            <a href="/lite">Lite home</a> · <a href={fullPath}>Full site</a> · <a href="/search">Search</a>
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
          <a href={lite(c.url)}>{c.headline}</a> <small>({c.labelName}, {formatDate(c.publishedAt, ctx.dates)})</small>
        </li>
      ))}
    </ul>
  );
}

export function LiteHomePage({ ctx, m }: { ctx: PageContext; m: HomeModel }) {
  const top = [m.lead, ...m.top].filter((c): c is Card => c !== undefined);
  return (
    <LiteLayout ctx={ctx} title={ctx.siteName} description={ctx.tagline} fullPath="/">
      <h1>Top stories</h1>
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
  const base = lite(m.url);
  return (
    <LiteLayout ctx={ctx} title={m.section.name} description={m.section.description || `Stories from ${m.section.name}.`} fullPath={m.page > 1 ? `${m.url}?page=${m.page}` : m.url}>
      <h1>{m.section.name}</h1>
      {m.children.length > 0 && (
        <p>
          In this section:{' '}
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
          {m.page > 1 && <a href={m.page === 2 ? base : `${base}?page=${m.page - 1}`}>Newer stories</a>} Page {m.page} of {m.totalPages}{' '}
          {m.page < m.totalPages && <a href={`${base}?page=${m.page + 1}`}>Older stories</a>}
        </p>
      )}
    </LiteLayout>
  );
}

export function LiteArticlePage({ ctx, m }: { ctx: PageContext; m: ArticleModel }) {
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
          {m.labelName}
        </p>
        <h1>{a.headline}</h1>
        {a.standfirst && (
          <p>
            <strong>{a.standfirst}</strong>
          </p>
        )}
        <p>
          {m.authors.length > 0 && <>By {m.authors.map((p) => p.name).join(', ')}. </>}
          {a.publishedAt && <time datetime={a.publishedAt}>{formatDateTime(a.publishedAt, ctx.dates)}</time>}
          {m.updatedAt && (
            <>
              {' '}
              (updated <time datetime={m.updatedAt}>{formatDateTime(m.updatedAt, ctx.dates)}</time>)
            </>
          )}
        </p>
        <RichText blocks={a.body.content} ctx={{ related: m.related, media: m.inlineMedia, lite: true }} />
        {m.corrections.map((c) => (
          <p key={c.id}>
            <strong>{c.kind === 'correction' ? 'Correction' : 'Update'}</strong> ({formatDateTime(c.createdAt, ctx.dates)}): {c.note}
          </p>
        ))}
        <p>
          <a href={`${m.url}#comments`}>{a.commentCount === 1 ? '1 comment' : `${a.commentCount} comments`} on the full page</a>
        </p>
      </article>
      {m.moreFromSection.length > 0 && (
        <section>
          <h2>More from {m.section.name}</h2>
          <CardList ctx={ctx} cards={m.moreFromSection} />
        </section>
      )}
    </LiteLayout>
  );
}
