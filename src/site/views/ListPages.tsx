import type { MediaAsset } from '../../core/media.js';
import type { Author, Tag } from '../../core/people.js';
import type { ListPage, SectionPage as SectionModel } from '../../services/reading.js';
import { feedLinks } from '../feeds/links.js';
import { defaultWidth, mediaUrl } from '../format.js';
import { Breadcrumbs } from './components/Breadcrumbs.js';
import { Card } from './components/Card.js';
import { Pagination } from './components/Pagination.js';
import { Picture } from './components/Picture.js';
import type { PageContext, Seo } from './context.js';
import { Layout } from './Layout.js';

function StoryList({ ctx, list, base }: { ctx: PageContext; list: ListPage; base: string }) {
  return (
    <>
      {list.cards.length === 0 ? (
        <p class="empty">{ctx.t('list.empty')}</p>
      ) : (
        <div class="card-grid">
          {list.cards.map((c, i) => (
            <Card key={c.id} ctx={ctx} card={c} level={2} priority={i === 0 && list.page === 1} />
          ))}
        </div>
      )}
      <Pagination t={ctx.t} base={base} page={list.page} totalPages={list.totalPages} />
    </>
  );
}

/** "Libya", then "Libya (page 2)". */
const pageTitle = (ctx: PageContext, title: string, page: number) => (page > 1 ? ctx.t('list.titlePage', { title, page }) : title);
const canonicalFor = (base: string, page: number) => (page > 1 ? `${base}?page=${page}` : base);

export function SectionPage({ ctx, m }: { ctx: PageContext; m: SectionModel }) {
  const { t } = ctx;
  const seo: Seo = {
    title: pageTitle(ctx, m.section.name, m.page),
    description: m.section.description || t('list.sectionDescription', { section: m.section.name, site: ctx.siteName }),
    canonical: canonicalFor(m.url, m.page),
    type: 'website',
    jsonLd: [{
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: m.breadcrumbs.map((b, i) => ({ '@type': 'ListItem', position: i + 1, name: b.name, item: `${ctx.origin}${b.url}` })),
    }],
    feeds: feedLinks({ kind: 'section', url: m.url, name: m.section.name, prefix: ctx.edition.prefix }, ctx.siteName),
  };
  return (
    <Layout ctx={ctx} seo={seo}>
      <header class="list-header">
        {m.breadcrumbs.length > 1 && <Breadcrumbs t={t} trail={m.breadcrumbs} currentIsLast />}
        <h1>{m.section.name}</h1>
        {m.section.description && <p class="list-description">{m.section.description}</p>}
        {m.children.length > 0 && (
          <nav class="subsections" aria-label={t('list.inside', { section: m.section.name })}>
            <ul>
              {m.children.map((c) => (
                <li key={c.url}>
                  <a href={c.url}>{c.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <StoryList ctx={ctx} list={m} base={m.url} />
    </Layout>
  );
}

export function TagPage({ ctx, m }: { ctx: PageContext; m: ListPage & { tag: Tag } }) {
  const { t } = ctx;
  const base = ctx.url(`/tag/${m.tag.slug}`);
  const seo: Seo = {
    title: pageTitle(ctx, m.tag.name, m.page),
    description: t('list.tagDescription', { tag: m.tag.name, site: ctx.siteName }),
    canonical: canonicalFor(base, m.page),
    type: 'website',
    feeds: feedLinks({ kind: 'tag', slug: m.tag.slug, name: m.tag.name, prefix: ctx.edition.prefix }, ctx.siteName),
  };
  return (
    <Layout ctx={ctx} seo={seo}>
      <header class="list-header">
        <p class="list-kind">{t('list.topic')}</p>
        <h1>{m.tag.name}</h1>
        <p class="list-description">{t('list.storyCount', { count: m.total })}</p>
      </header>
      <StoryList ctx={ctx} list={m} base={base} />
    </Layout>
  );
}

export function AuthorPage({ ctx, m }: { ctx: PageContext; m: ListPage & { author: Author; photo?: MediaAsset | undefined } }) {
  const { t } = ctx;
  const base = ctx.url(`/author/${m.author.slug}`);
  const a = m.author;
  const links = a.links ?? [];
  const xUrl = a.xHandle ? `https://x.com/${a.xHandle.replace(/^@/, '')}` : undefined;
  const sameAs = [...(xUrl ? [xUrl] : []), ...links.map((l) => l.url)];
  const person = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: a.name,
    jobTitle: a.role || undefined,
    description: a.bio || undefined,
    url: `${ctx.origin}${base}`,
    image: m.photo ? `${ctx.origin}${mediaUrl(m.photo, defaultWidth(m.photo), 'jpeg')}` : undefined,
    sameAs: sameAs.length ? sameAs : undefined,
  };
  const seo: Seo = {
    title: pageTitle(ctx, a.name, m.page),
    description: a.bio || t('list.authorDescription', { author: a.name }),
    canonical: canonicalFor(base, m.page),
    type: 'profile',
    jsonLd: [person],
    feeds: feedLinks({ kind: 'author', slug: a.slug, name: a.name, prefix: ctx.edition.prefix }, ctx.siteName),
  };
  return (
    <Layout ctx={ctx} seo={seo}>
      <header class="list-header author-header">
        {m.photo && (
          <div class="author-photo">
            <Picture asset={m.photo} sizes="8rem" priority alt={m.photo.alt || t('list.authorPortrait', { name: a.name })} />
          </div>
        )}
        <p class="list-kind">{a.role || t('list.author')}</p>
        <h1>{a.name}</h1>
        {a.bio && <p class="list-description">{a.bio}</p>}
        {a.xHandle && (
          <p>
            <a href={`https://x.com/${encodeURIComponent(a.xHandle.replace(/^@/, ''))}`} rel="noopener">
              {t('list.onX', { handle: a.xHandle.startsWith('@') ? a.xHandle : `@${a.xHandle}` })}
            </a>
          </p>
        )}
        {links.length > 0 && (
          <ul class="author-links">
            {links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="me noopener">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </header>
      <StoryList ctx={ctx} list={m} base={base} />
    </Layout>
  );
}
