import type { ArticlePage as Model } from '../../services/reading.js';
import { defaultWidth, formatDateTime, labelKey, listFormatter, mediaUrl } from '../format.js';
import { Breadcrumbs } from './components/Breadcrumbs.js';
import { Card } from './components/Card.js';
import { Picture } from './components/Picture.js';
import { RichText } from './components/RichText.js';
import { ShareLinks } from './components/ShareLinks.js';
import { TranslationLinks } from './components/Translations.js';
import type { PageContext, Seo } from './context.js';
import { absolute } from './context.js';
import type { CommentThread } from '../../services/comments.js';
import { CommentsSection, countText } from './comments/CommentsSection.js';
import { Layout } from './Layout.js';
import { LeadVideo } from './components/LeadVideo.js';
import { leadVideoScripts, withLeadVideo } from './lead-video-seo.js';
import type { ArticleLiveBlog } from './components/LiveBlog.js';
import { LiveBlog, withLiveBlogJsonLd } from './components/LiveBlog.js';

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
    inLanguage: ctx.language,
    articleSection: m.breadcrumbs.map((b) => b.name),
    keywords: m.tags.map((t) => t.name),
    author: m.authors.map((p) => ({ '@type': 'Person', name: p.name, url: absolute(ctx, ctx.url(`/author/${p.slug}`)) })),
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
    alternates: m.translations.map((tr) => ({ language: tr.language, href: tr.url })),
  };
}

/** "By A, B and C" ("Por A, B y C"), each name a link to the author's page. */
function Byline({ ctx, m }: { ctx: PageContext; m: Model }) {
  if (m.authors.length === 0) return null;
  // The list is joined as the edition's language joins one; each name part becomes its link.
  const parts = listFormatter(ctx.dates).formatToParts(m.authors.map((p) => p.name));
  let next = 0;
  const names = parts.map((part) => {
    if (part.type !== 'element') return part.value;
    const p = m.authors[next++];
    return p ? (
      <a href={ctx.url(`/author/${p.slug}`)} rel="author">
        {p.name}
      </a>
    ) : (
      part.value
    );
  });
  return <p class="byline">{ctx.t.rich('article.byline', { authors: () => <>{names}</> })}</p>;
}

/** "Published <time>19 February 2026, 10:30 GMT</time>", the date in the edition's locale. */
function DateLine({ ctx, message, iso }: { ctx: PageContext; message: 'article.published' | 'article.updated'; iso: string }) {
  return <>{ctx.t.rich(message, { date: formatDateTime(iso, ctx.dates), time: (chunks) => <time datetime={iso}>{chunks}</time> })}</>;
}

export function ArticlePage({ ctx, m, preview = false, comments, liveBlog }: { ctx: PageContext; m: Model; preview?: boolean; comments?: { thread: CommentThread; guests: boolean }; liveBlog?: ArticleLiveBlog | undefined }) {
  const { t } = ctx;
  const a = m.article;
  // The maintained count, fresh with the thread when the page renders.
  const count = comments?.thread.count ?? a.commentCount;
  return (
    <Layout ctx={ctx} seo={preview ? { ...withLeadVideo(ctx, m, articleSeo(ctx, m)), noindex: true } : withLiveBlogJsonLd(ctx, withLeadVideo(ctx, m, articleSeo(ctx, m)), liveBlog, a.publishedAt)} scripts={[...(comments && ctx.assets.comments ? [ctx.assets.comments] : []), ...leadVideoScripts(ctx, m), ...(liveBlog?.scripts ?? [])]}>
      {preview && (
        <p class="preview-banner" role="status">
          {t('article.preview')}
        </p>
      )}
      <article class={`article article-${a.label}`} aria-labelledby="headline">
        <header class="article-header">
          <Breadcrumbs t={t} trail={m.breadcrumbs} currentIsLast={false} />
          <TranslationLinks translations={m.translations} />
          <p class="article-label">
            <span class={`label label-${a.label}`}>{t(labelKey(a.label))}</span>
          </p>
          <h1 id="headline">{a.headline}</h1>
          {a.standfirst && <p class="standfirst">{a.standfirst}</p>}
          <div class="article-meta">
            <Byline ctx={ctx} m={m} />
            <p class="dates">
              {a.publishedAt && (
                <span>
                  <DateLine ctx={ctx} message="article.published" iso={a.publishedAt} />
                </span>
              )}
              {m.updatedAt && (
                <span class="updated">
                  <DateLine ctx={ctx} message="article.updated" iso={m.updatedAt} />
                </span>
              )}
            </p>
            <p class="comment-link">
              <a href="#comments" data-comment-count>
                {countText(t, count)}
              </a>
            </p>
          </div>
        </header>
        {m.leadVideo && <LeadVideo video={m.leadVideo} t={t} />}
        {!m.leadVideo && m.lead && (
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
        {liveBlog && <LiveBlog ctx={ctx} live={liveBlog} />}
        <div class="article-body">
          <RichText blocks={a.body.content} ctx={{ related: m.related, media: m.inlineMedia, t }} />
        </div>
        {m.corrections.length > 0 && (
          <aside class="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">{t('article.corrections')}</h2>
            <ul>
              {m.corrections.map((c) => (
                <li key={c.id}>
                  <strong>{c.kind === 'correction' ? t('article.correction') : t('article.update')}</strong>{' '}
                  <time datetime={c.createdAt}>{formatDateTime(c.createdAt, ctx.dates)}</time>: {c.note}
                </li>
              ))}
            </ul>
          </aside>
        )}
        <footer class="article-footer">
          {m.tags.length > 0 && (
            <nav class="tags" aria-label={t('article.topics')}>
              <h2 class="visually-hidden">{t('article.topics')}</h2>
              <ul>
                {m.tags.map((tag) => (
                  <li key={tag.id}>
                    <a href={ctx.url(`/tag/${tag.slug}`)}>{tag.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <ShareLinks t={t} url={absolute(ctx, m.url)} title={a.headline} />
          <p class="lite-link">{t.rich('article.liteLink', { link: (chunks) => <a href={`/lite${m.url}`}>{chunks}</a> })}</p>
        </footer>
      </article>
      {comments ? (
        <CommentsSection ctx={ctx} thread={comments.thread} articleUrl={m.url} guests={comments.guests} />
      ) : (
        <section id="comments" class="comments" aria-labelledby="comments-title">
          <h2 id="comments-title">{t('comments.title')}</h2>
          <p class="comments-count">{countText(t, count)}</p>
          <p class="comments-note">{t('article.commentsLater')}</p>
        </section>
      )}
      {m.moreFromSection.length > 0 && (
        <section class="more" aria-labelledby="more-title">
          <h2 id="more-title">{t('article.moreFrom', { section: m.section.name })}</h2>
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
