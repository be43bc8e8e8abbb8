/**
 * "Load older updates" without JavaScript: one page of a live blog's earlier updates, with a
 * link to the next older page and back to the story (docs/live-blog.md).
 */
import type { LiveUpdate } from '../../core/live-blog.js';
import { LiveUpdateItem, olderUpdatesUrl } from './components/LiveBlog.js';
import type { PageContext } from './context.js';
import { Layout } from './Layout.js';

export interface OlderUpdatesModel {
  articleId: number;
  headline: string;
  articleUrl: string;
  updates: LiveUpdate[];
  olderThan: number | undefined;
  /** This page's own path (canonical). */
  path: string;
}

export function OlderUpdatesPage({ ctx, m }: { ctx: PageContext; m: OlderUpdatesModel }) {
  const { t } = ctx;
  const title = t('liveblog.olderTitle', { headline: m.headline });
  return (
    <Layout ctx={ctx} seo={{ title, description: title, canonical: m.path, type: 'website', noindex: true }}>
      <section class="liveblog liveblog-older-page" aria-labelledby="liveblog-title">
        <header class="liveblog-header">
          <p class="liveblog-back">
            <a href={m.articleUrl}>{t('liveblog.backToStory')}</a>
          </p>
          <h1 id="liveblog-title" class="liveblog-title">
            {title}
          </h1>
        </header>
        <ol class="liveblog-list liveblog-stream">
          {m.updates.map((u) => (
            <LiveUpdateItem key={u.id} ctx={ctx} u={u} level={2} />
          ))}
        </ol>
        <p class="liveblog-more">
          {m.olderThan !== undefined && <a href={olderUpdatesUrl(m.articleId, m.olderThan)}>{t('liveblog.older')}</a>}{' '}
          <a href={`${m.articleUrl}#live-updates`}>{t('liveblog.latest')}</a>
        </p>
      </section>
    </Layout>
  );
}
