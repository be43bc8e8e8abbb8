import type { ArticlePage as Model } from '../../services/reading.js';
import { defaultWidth, formatDateTime, mediaUrl } from '../format.js';
import { Breadcrumbs } from './components/Breadcrumbs.js';
import { Card } from './components/Card.js';
import { Picture } from './components/Picture.js';
import { RichText } from './components/RichText.js';
import { ShareLinks } from './components/ShareLinks.js';
import type { PageContext, Seo } from './context.js';
import { absolute } from './context.js';
import type { CommentThread } from '../../services/comments.js';
import { CommentsSection, countText } from './comments/CommentsSection.js';
import { Layout } from './Layout.js';

function articleSeo(ctx: PageContext, m: Model): Seo {
  const a = m.article;
  const url = absolute(ctx, m.url);
  const card = m.socialImage;
  const image = card ? { url: mediaUrl(card, defaultWidth(card), 'jpeg'), width: defaultWidth(card), height: Math.round((card.height * defaultWidth(card)) / card.width), alt: card.alt } : undefined;
  const modified = m.updatedAt ?? a.publishedAt ?? a.updatedAt;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': a.label === 'opinion' ? 'OpinionNewsArticle' : a.label === 'analysis' ? 'AnalysisNewsArticle' : 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: a.seoHeadline ?? a.headline,
    description: a.seoDescription ?? a.standfirst,
    image: image ? [absolute(ctx, image.url)] : undefined,
    datePublished: a.publishedAt,
    dateModified: modified,
    inLanguage: a.language,
    articleSection: m.breadcrumbs.map((b) => b.name),
    keywords: m.tags.map((t) => t.name),
    author: m.authors.map((p) => ({ '@type': 'Person', name: p.name, url: absolute(ctx, `/author/${p.slug}`) })),
    publisher: { '@type': 'NewsMediaOrganization', name: ctx.siteName, url: ctx.origin, logo: { '@type': 'ImageObject', url: absolute(ctx, ctx.assets.icon) } },
    correction: m.corrections.filter((c) => c.kind === 'correction').map((c) => ({ '@type': 'CorrectionComment', text: c.note, datePublished: c.createdAt })),
  };
  const breadcrumbLd = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: m.breadcrumbs.map((b, i) => ({ '@type': 'ListItem', position: i + 1, name: b.name, item: absolute(ctx, b.url) })),
  };
  return {
    title: a.seoHeadline ?? a.headline,
    description: a.seoDescription ?? a.standfirst,
    canonical: m.url,
    type: 'article',
    image,
    publishedTime: a.publishedAt ?? undefined,
    modifiedTime: modified,
    section: m.section.name,
    tags: m.tags.map((t) => t.name),
    jsonLd: [jsonLd, breadcrumbLd],
  };
}

function Byline({ m }: { m: Model }) {
  if (m.authors.length === 0) return null;
  return (
    <p class="byline">
      By{' '}
      {m.authors.map((p, i) => (
        <>
          {i > 0 && (i === m.authors.length - 1 ? ' and ' : ', ')}
          <a href={`/author/${p.slug}`} rel="author">
            {p.name}
          </a>
        </>
      ))}
    </p>
  );
}

export function ArticlePage({ ctx, m, preview = false, comments }: { ctx: PageContext; m: Model; preview?: boolean; comments?: { thread: CommentThread; guests: boolean } }) {
  const a = m.article;
  // The maintained count, fresh with the thread when the page renders.
  const count = comments?.thread.count ?? a.commentCount;
  return (
    <Layout ctx={ctx} seo={preview ? { ...articleSeo(ctx, m), noindex: true } : articleSeo(ctx, m)} scripts={comments && ctx.assets.comments ? [ctx.assets.comments] : []}>
      {preview && (
        <p class="preview-banner" role="status">
          Preview: this story is not published yet. This is how it will look.
        </p>
      )}
      <article class={`article article-${a.label}`} aria-labelledby="headline">
        <header class="article-header">
          <Breadcrumbs trail={m.breadcrumbs} currentIsLast={false} />
          <p class="article-label">
            <span class={`label label-${a.label}`}>{m.labelName}</span>
          </p>
          <h1 id="headline">{a.headline}</h1>
          {a.standfirst && <p class="standfirst">{a.standfirst}</p>}
          <div class="article-meta">
            <Byline m={m} />
            <p class="dates">
              {a.publishedAt && (
                <span>
                  Published <time datetime={a.publishedAt}>{formatDateTime(a.publishedAt, ctx.dates)}</time>
                </span>
              )}
              {m.updatedAt && (
                <span class="updated">
                  Updated <time datetime={m.updatedAt}>{formatDateTime(m.updatedAt, ctx.dates)}</time>
                </span>
              )}
            </p>
            <p class="comment-link">
              <a href="#comments" data-comment-count>
                {countText(count)}
              </a>
            </p>
          </div>
        </header>
        {m.lead && (
          <figure class="lead-media">
            <Picture asset={m.lead} sizes="(min-width: 64em) 60rem, 100vw" priority />
            {(m.lead.caption || m.lead.credit) && (
              <figcaption>
                {m.lead.caption}
                {m.lead.credit && <span class="credit"> {m.lead.credit}</span>}
              </figcaption>
            )}
          </figure>
        )}
        <div class="article-body">
          <RichText blocks={a.body.content} ctx={{ related: m.related, media: m.inlineMedia }} />
        </div>
        {m.corrections.length > 0 && (
          <aside class="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">Corrections and updates</h2>
            <ul>
              {m.corrections.map((c) => (
                <li key={c.id}>
                  <strong>{c.kind === 'correction' ? 'Correction' : 'Update'}</strong>{' '}
                  <time datetime={c.createdAt}>{formatDateTime(c.createdAt, ctx.dates)}</time>: {c.note}
                </li>
              ))}
            </ul>
          </aside>
        )}
        <footer class="article-footer">
          {m.tags.length > 0 && (
            <nav class="tags" aria-label="Topics">
              <h2 class="visually-hidden">Topics</h2>
              <ul>
                {m.tags.map((t) => (
                  <li key={t.id}>
                    <a href={`/tag/${t.slug}`}>{t.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <ShareLinks url={absolute(ctx, m.url)} title={a.headline} />
          <p class="lite-link">
            <a href={`/lite${m.url}`}>Text-only version</a> (for slow or expensive connections)
          </p>
        </footer>
      </article>
      {comments ? (
        <CommentsSection ctx={ctx} thread={comments.thread} articleUrl={m.url} guests={comments.guests} />
      ) : (
        <section id="comments" class="comments" aria-labelledby="comments-title">
          <h2 id="comments-title">Comment</h2>
          <p class="comments-count">{countText(count)}</p>
          <p class="comments-note">Reader comments appear here once the story is published.</p>
        </section>
      )}
      {m.moreFromSection.length > 0 && (
        <section class="more" aria-labelledby="more-title">
          <h2 id="more-title">More from {m.section.name}</h2>
          <div class="card-grid">
            {m.moreFromSection.map((c) => (
              <Card key={c.id} ctx={ctx} card={c} />
            ))}
          </div>
        </section>
      )}
    </Layout>
  );
}
