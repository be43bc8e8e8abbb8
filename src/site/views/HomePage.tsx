import { editionPath } from '../../core/editions.js';
import type { HomePage as Model } from '../../services/reading.js';
import { feedLinks } from '../feeds/links.js';
import { defaultWidth, mediaUrl } from '../format.js';
import { Card } from './components/Card.js';
import type { PageContext } from './context.js';
import { Layout } from './Layout.js';

export function HomePage({ ctx, m }: { ctx: PageContext; m: Model }) {
  const leadImage = m.lead?.image;
  return (
    <Layout
      ctx={ctx}
      seo={{
        title: ctx.siteName,
        description: ctx.tagline,
        canonical: ctx.url('/'),
        type: 'website',
        alternates: ctx.otherEditions.map((e) => ({ language: e.language, href: editionPath(e, '/') })),
        image: leadImage ? { url: mediaUrl(leadImage, defaultWidth(leadImage), 'jpeg'), width: defaultWidth(leadImage), height: Math.round((leadImage.height * defaultWidth(leadImage)) / leadImage.width), alt: leadImage.alt } : undefined,
        jsonLd: [{ '@context': 'https://schema.org', '@type': 'WebSite', name: ctx.siteName, url: `${ctx.origin}${ctx.url('/')}`, inLanguage: ctx.language }],
        feeds: feedLinks({ kind: 'home', prefix: ctx.edition.prefix }, ctx.siteName),
      }}
    >
      <h1 class="visually-hidden">{ctx.t('home.heading', { site: ctx.siteName })}</h1>
      {m.lead ? (
        <section class="top-stories" aria-labelledby="top-title">
          <h2 id="top-title" class="visually-hidden">
            {ctx.t('home.topStories')}
          </h2>
          <div class="lead-story">
            <Card ctx={ctx} card={m.lead} size="lead" level={3} priority />
          </div>
          <div class="top-list">
            {m.top.map((c) => (
              <Card key={c.id} ctx={ctx} card={c} size={c.image ? 'standard' : 'compact'} />
            ))}
          </div>
        </section>
      ) : (
        <p class="empty">{ctx.t('home.empty')}</p>
      )}
      {m.sections.map(({ section, cards }) => (
        <section key={section.url} class="section-block" aria-labelledby={`s-${section.url.slice(1)}`}>
          <h2 id={`s-${section.url.slice(1)}`}>
            <a href={section.url}>{section.name}</a>
          </h2>
          <div class="card-grid">
            {cards.map((c) => (
              <Card key={c.id} ctx={ctx} card={c} />
            ))}
          </div>
        </section>
      ))}
    </Layout>
  );
}
