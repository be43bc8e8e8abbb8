/**
 * A live story's live blog (docs/live-blog.md), between the story's lead and its body: the
 * LIVE badge while coverage is on, the live TV player when the story asks for it, "Key
 * updates" (pinned), then the updates newest first, each with its time and an anchor
 * (#update-<id>), and "Load older updates" as a plain link (no JavaScript needed). The
 * liveblog island (client/liveblog) keeps it current over Server-Sent Events, inserting
 * updates rendered by `LiveUpdateItem`, the same component as here.
 */
import { LIVEBLOG_ISLAND_KEYS } from '../../../../client/liveblog/messages.js';
import type { LiveUpdate } from '../../../core/live-blog.js';
import { updatePlainText } from '../../../core/live-blog.js';
import type { LivePageModel } from '../../../services/live.js';
import type { LiveBlogModel } from '../../../services/live-blog.js';
import { formatDateTime } from '../../format.js';
import { MESSAGES } from '../../i18n/translate.js';
import type { MessageKey } from '../../i18n/translate.js';
import type { Asset, PageContext, Seo } from '../context.js';
import { absolute } from '../context.js';
import { LivePlayer } from './LivePlayer.js';
import { RichText } from './RichText.js';

/** What the article page gets: the model, the player (when shown) and the islands to load. */
export interface ArticleLiveBlog extends LiveBlogModel {
  player: { m: LivePageModel; messages: Record<string, string> } | undefined;
  /** The liveblog island, and the player island when the player is shown (when built). */
  scripts: Asset[];
}


const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** "19 Feb, 14:05 GMT": the update's time in the edition's locale and the site's zone. */
export function updateTime(iso: string, ctx: Pick<PageContext, 'dates'>): string {
  const { locale, timeZone } = ctx.dates;
  const key = `${locale}|${timeZone}`;
  let f = timeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
    timeFormats.set(key, f);
  }
  return f.format(new Date(iso));
}

const EMPTY = new Map();

/** One update: the same markup on the page, the older-updates page and the live stream. */
export function LiveUpdateItem({ ctx, u, level = 3 }: { ctx: PageContext; u: LiveUpdate; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t } = ctx;
  const edited = Date.parse(u.updatedAt) - Date.parse(u.createdAt) > 60_000;
  return (
    <li class={u.pinned ? 'liveblog-update liveblog-update-pinned' : 'liveblog-update'} id={`update-${u.id}`} data-update-id={String(u.id)} data-pinned={u.pinned ? '1' : '0'} data-created={u.createdAt}>
      <article class="liveblog-entry" aria-labelledby={u.headline ? `update-${u.id}-title` : undefined}>
        <p class="liveblog-meta">
          <a class="liveblog-time" href={`#update-${u.id}`}>
            <time datetime={u.createdAt}>{updateTime(u.createdAt, ctx)}</time>
          </a>
          {u.pinned && <span class="liveblog-key">{t('liveblog.keyUpdate')}</span>}
          {edited && <span class="liveblog-edited">{t('liveblog.edited')}</span>}
        </p>
        {u.headline && (
          <Heading class="liveblog-headline" id={`update-${u.id}-title`}>
            {u.headline}
          </Heading>
        )}
        <div class="liveblog-body">
          <RichText blocks={u.body.content} ctx={{ related: EMPTY, media: EMPTY, t }} />
        </div>
      </article>
    </li>
  );
}

export const olderUpdatesUrl = (articleId: number, before: number): string => `/articles/${articleId}/updates?before=${before}`;

/** The island's messages as ICU sources (it formats them itself), in the page's language. */
export function liveBlogIslandMessages(ctx: Pick<PageContext, 't'>): string {
  const own = MESSAGES[ctx.t.language];
  const keys: readonly MessageKey[] = LIVEBLOG_ISLAND_KEYS;
  return JSON.stringify({ locale: ctx.t.locale, messages: Object.fromEntries(keys.map((k) => [k, own[k] ?? MESSAGES.en[k] ?? ''])) });
}

export function LiveBlog({ ctx, live }: { ctx: PageContext; live: ArticleLiveBlog }) {
  const { t } = ctx;
  const { coverage } = live;
  // Key updates are shown once, at the top; the stream below holds the rest.
  const stream = live.updates.filter((u) => !u.pinned);
  return (
    <section
      id="live-updates"
      class={coverage.live ? 'liveblog liveblog-on' : 'liveblog'}
      aria-labelledby="liveblog-title"
      data-liveblog={String(live.articleId)}
      data-latest={live.latestId === undefined ? '' : String(live.latestId)}
      data-live={coverage.live ? '1' : '0'}
      data-count={String(live.count)}
      data-messages={liveBlogIslandMessages(ctx)}
    >
      <header class="liveblog-header">
        <h2 id="liveblog-title" class="liveblog-title">
          {coverage.live && (
            <span class="liveblog-badge" data-liveblog-badge="">
              <span class="live-dot" aria-hidden="true" />
              {t('liveblog.live')}
            </span>
          )}{' '}
          {t('liveblog.title')}
        </h2>
        <p class="liveblog-count">{t('liveblog.count', { count: live.count })}</p>
        {!coverage.live && coverage.endedAt && <p class="liveblog-ended">{t.rich('liveblog.ended', { date: formatDateTime(coverage.endedAt, ctx.dates), time: (chunks) => <time datetime={coverage.endedAt ?? undefined}>{chunks}</time> })}</p>}
      </header>
      {live.player && (
        <div class="liveblog-player" aria-label={t('liveblog.watch')} role="region">
          <LivePlayer ctx={ctx} m={live.player.m} start="" messages={live.player.messages} />
        </div>
      )}
      <section class="liveblog-pinned" aria-labelledby="liveblog-pinned-title" hidden={live.pinned.length === 0} data-liveblog-pinned-section="">
        <h3 id="liveblog-pinned-title" class="liveblog-pinned-title">
          {t('liveblog.keyUpdates')}
        </h3>
        <ol class="liveblog-list" data-liveblog-pinned="">
          {live.pinned.map((u) => (
            <LiveUpdateItem key={u.id} ctx={ctx} u={u} />
          ))}
        </ol>
      </section>
      <div class="liveblog-notice" data-liveblog-notice="" />
      {live.count === 0 && <p class="liveblog-empty">{t('liveblog.empty')}</p>}
      <ol class="liveblog-list liveblog-stream" data-liveblog-updates="">
        {stream.map((u) => (
          <LiveUpdateItem key={u.id} ctx={ctx} u={u} />
        ))}
      </ol>
      {live.olderThan !== undefined && (
        <p class="liveblog-more">
          <a href={olderUpdatesUrl(live.articleId, live.olderThan)} data-liveblog-older="">
            {t('liveblog.older')}
          </a>
        </p>
      )}
    </section>
  );
}

/** An update's JSON-LD headline: its own, else the start of its text. */
function updateHeadline(u: LiveUpdate): string {
  if (u.headline) return u.headline;
  const text = updatePlainText(u).replace(/\s+/g, ' ').trim();
  return text.length > 110 ? `${text.slice(0, 109)}…` : text;
}

/**
 * The story's structured data as a LiveBlogPosting (schema.org): coverage times and the
 * latest updates as BlogPosting, each with its own URL (#update-<id>).
 */
export function withLiveBlogJsonLd(ctx: PageContext, seo: Seo, live: ArticleLiveBlog | undefined, fallbackStart: string | null): Seo {
  if (!live || !seo.jsonLd || seo.jsonLd.length === 0) return seo;
  const [main, ...rest] = seo.jsonLd;
  const url = absolute(ctx, seo.canonical);
  const oldest = live.updates[live.updates.length - 1]?.createdAt;
  const posting = {
    ...main,
    '@type': 'LiveBlogPosting',
    coverageStartTime: live.coverage.startedAt ?? fallbackStart ?? oldest,
    coverageEndTime: live.coverage.live ? undefined : (live.coverage.endedAt ?? undefined),
    liveBlogUpdate: live.updates.map((u) => ({
      '@type': 'BlogPosting',
      headline: updateHeadline(u),
      articleBody: updatePlainText(u),
      datePublished: u.createdAt,
      dateModified: u.updatedAt,
      url: `${url}#update-${u.id}`,
    })),
  };
  return { ...seo, jsonLd: [posting, ...rest] };
}
