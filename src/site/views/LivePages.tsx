/**
 * Live TV for readers: the live page (the player island's DOM, on now and up next, a
 * BroadcastEvent for search engines), the week's schedule and programme pages.
 *
 * Times are written in the channel's zone inside `<time datetime>` with `data-localize`;
 * public/enhance.js rewrites them in the reader's own zone. The player is an island
 * (client/player, docs/live-player.md): without JavaScript the page still says what is on
 * and links to the stream.
 */
import type { Channel } from '../../core/channels.js';
import { editionPath } from '../../core/editions.js';
import type { MediaAsset } from '../../core/media.js';
import { videoFormat } from '../../core/playlists.js';
import type { AiringView, LivePageModel, ProgrammePageModel, SchedulePageModel } from '../../services/live.js';
import { defaultWidth, mediaUrl } from '../format.js';
import type { MessageKey as LiveKey } from '../i18n/translate.js';
import type { MessageValues } from '../i18n/translate.js';
import { Card } from './components/Card.js';
import { Picture } from './components/Picture.js';
import { LivePlayer } from './components/LivePlayer.js';
import type { StartMode } from './components/LivePlayer.js';
import type { Alternate, Asset, PageContext } from './context.js';
import { absolute } from './context.js';
import { Layout } from './Layout.js';
import { dateTimeFormat } from '../../core/intl.js';

/** How the player should start: ?audio=1 audio, ?audio=0 video, otherwise its own choice. */
export type { StartMode } from './components/LivePlayer.js';

const jpeg = (asset: MediaAsset): string => mediaUrl(asset, defaultWidth(asset), 'jpeg');

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(locale: string, timeZone: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withDay}`;
  let f = timeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, withDay ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    timeFormats.set(key, f);
  }
  return f;
}

/** A day heading: the calendar date itself (already local to the channel). */
const dayName = (date: string, locale: string): string => dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** The zone as readers know it: 'Caracas', 'New York'. */
const zoneName = (timeZone: string): string => (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');

/** A time in the channel's zone, which the browser rewrites in the reader's (enhance.js). */
function LocalTime({ ctx, iso, timeZone, withDay = false }: { ctx: PageContext; iso: string; timeZone: string; withDay?: boolean }) {
  return (
    <time datetime={iso} data-localize={withDay ? 'datetime' : 'time'}>
      {timeFormat(ctx.edition.locale, timeZone, withDay).format(new Date(iso))}
    </time>
  );
}

function Times({ ctx, airing, timeZone, withDay = false }: { ctx: PageContext; airing: Pick<AiringView, 'startsAt' | 'endsAt'>; timeZone: string; withDay?: boolean }) {
  return (
    <span class="airing-times">
      <LocalTime ctx={ctx} iso={airing.startsAt} timeZone={timeZone} withDay={withDay} />
      {'–'}
      <LocalTime ctx={ctx} iso={airing.endsAt} timeZone={timeZone} />
    </span>
  );
}

/** "Times are in Caracas." — enhance.js names the reader's zone once it has localised them. */
function ZoneNote({ ctx, channel }: { ctx: PageContext; channel: Channel }) {
  return <p class="live-zone">{ctx.t.rich('live.timesIn', { zone: zoneName(channel.timeZone), tz: (chunks) => <span data-localize-zone="">{chunks}</span> })}</p>;
}

/** The same page in the other editions (each edition has its own live page and schedule). */
const alternatesFor = (ctx: PageContext, path: string): Alternate[] => ctx.otherEditions.map((e) => ({ language: e.language, href: editionPath(e, path) }));

/** The channel's path with its ?channel= when it is not the edition's primary. */
const channelPath = (ctx: PageContext, path: string, channel: Channel, primary: boolean): string => (primary ? ctx.url(path) : `${ctx.url(path)}?channel=${encodeURIComponent(channel.slug)}`);

function OtherChannels({ ctx, others, path }: { ctx: PageContext; others: Channel[]; path: string }) {
  if (others.length === 0) return null;
  return (
    <nav class="live-channels" aria-label={ctx.t('live.otherChannels')}>
      <h2 class="live-channels-title">{ctx.t('live.otherChannels')}</h2>
      <ul>
        {others.map((c) => (
          <li key={c.id}>
            <a href={`${ctx.url(path)}?channel=${encodeURIComponent(c.slug)}`}>{c.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The BroadcastEvent of the programme on air (schema.org), on its BroadcastService. */
function broadcastEvent(ctx: PageContext, m: LivePageModel, now: AiringView): object {
  const channel = m.channel;
  const renditions = channel.playlistReport.find((c) => c.role === 'master')?.renditions ?? [];
  const image = m.artwork ?? m.poster;
  return {
    '@context': 'https://schema.org',
    '@type': 'BroadcastEvent',
    name: now.programme.title,
    description: now.programme.description || undefined,
    url: absolute(ctx, now.url),
    isLiveBroadcast: true,
    startDate: now.startsAt,
    endDate: now.endsAt,
    inLanguage: channel.language,
    videoFormat: videoFormat(renditions),
    image: image ? absolute(ctx, jpeg(image)) : undefined,
    publishedOn: {
      '@type': 'BroadcastService',
      name: channel.name,
      broadcastDisplayName: channel.name,
      broadcastTimezone: channel.timeZone,
      inLanguage: channel.language,
      url: absolute(ctx, ctx.url('/live')),
    },
  };
}

function AiringSummary({ ctx, airing, timeZone, headingId, heading }: { ctx: PageContext; airing: AiringView | undefined; timeZone: string; headingId: string; heading: LiveKey }) {
  return (
    <section class="live-airing" aria-labelledby={headingId}>
      <h2 id={headingId} class="live-airing-label">
        {ctx.t(heading)}
      </h2>
      {airing ? (
        <>
          <p class="live-airing-title">
            <a href={airing.url}>{airing.programme.title}</a>
            {airing.kind === 'special' && <span class="airing-special"> {ctx.t('live.special')}</span>}
          </p>
          <p class="live-airing-times">
            <Times ctx={ctx} airing={airing} timeZone={timeZone} />
          </p>
          {airing.programme.description && <p class="live-airing-description">{airing.programme.description}</p>}
        </>
      ) : (
        <p class="live-airing-none">{ctx.t(heading === 'live.onNow' ? 'live.nothingNow' : 'live.nothingNext')}</p>
      )}
    </section>
  );
}

/** The player island's DOM (docs/live-player.md): components/LivePlayer.tsx, shared with live stories. */
const Player = LivePlayer;

export interface LivePageProps {
  ctx: PageContext;
  /** Undefined: no channel is configured for this edition. */
  m: LivePageModel | undefined;
  start: StartMode;
  /** The player's words in the page's language (client/player/messages.ts). */
  messages: Record<string, string>;
  /** The player island, when it has been built. */
  player?: Asset | undefined;
}

export function LivePage({ ctx, m, start, messages, player }: LivePageProps) {
  const title = ctx.t(start === 'audio' ? 'live.titleAudio' : 'live.title');
  if (!m) {
    return (
      <Layout ctx={ctx} seo={{ title, description: ctx.t('live.offAirTitle'), canonical: ctx.url('/live'), type: 'website', alternates: alternatesFor(ctx, '/live') }}>
        <header class="list-header">
          <h1>{title}</h1>
        </header>
        <div class="off-air" role="status">
          <p class="off-air-title">{ctx.t('live.offAirTitle')}</p>
          <p>{ctx.t.rich('live.offAirText', { home: (chunks) => <a href={ctx.url('/')}>{chunks}</a> })}</p>
        </div>
      </Layout>
    );
  }
  const { channel } = m;
  const canonical = channelPath(ctx, '/live', channel, m.primary);
  const base = m.primary ? ctx.url('/live') : canonical;
  const join = base.includes('?') ? '&' : '?';
  return (
    <Layout
      ctx={ctx}
      seo={{
        title: `${title}: ${channel.name}`,
        description: channel.description || ctx.t('live.pageDescription', { channel: channel.name }),
        canonical,
        type: 'website',
        ...(m.poster ? { image: { url: jpeg(m.poster), width: defaultWidth(m.poster), height: Math.round((defaultWidth(m.poster) * m.poster.height) / m.poster.width), alt: m.poster.alt } } : {}),
        ...(m.now ? { jsonLd: [broadcastEvent(ctx, m, m.now)] } : {}),
        ...(m.primary ? { alternates: alternatesFor(ctx, '/live') } : {}),
      }}
      scripts={player ? [player] : []}
    >
      <div class="live-page">
        <header class="list-header live-header">
          <p class="live-kicker">
            <span class="live-dot" aria-hidden="true" />
            {title}
          </p>
          <h1>{channel.name}</h1>
          {channel.description && <p class="list-description">{channel.description}</p>}
        </header>
        <Player ctx={ctx} m={m} start={start} messages={messages} />
        <p class="live-modes">
          {start === 'audio' ? <a href={`${base}${join}audio=0`}>{ctx.t('live.watchVideo')}</a> : channel.audioUrl ? <a href={`${base}${join}audio=1`}>{ctx.t('live.listenAudio')}</a> : null}
          {channel.audioUrl && start !== 'audio' && <span class="live-mode-hint"> {ctx.t('live.audioHint')}</span>}
        </p>
        <div class="live-now-next">
          <AiringSummary ctx={ctx} airing={m.now} timeZone={channel.timeZone} headingId="on-now" heading="live.onNow" />
          <AiringSummary ctx={ctx} airing={m.next} timeZone={channel.timeZone} headingId="up-next" heading="live.upNext" />
        </div>
        <ZoneNote ctx={ctx} channel={channel} />
        <p class="live-schedule-link">
          <a href={channelPath(ctx, '/schedule', channel, m.primary)}>{ctx.t('live.fullSchedule')}</a>
        </p>
        <OtherChannels ctx={ctx} others={m.others} path="/live" />
      </div>
    </Layout>
  );
}

export function SchedulePage({ ctx, m }: { ctx: PageContext; m: SchedulePageModel | undefined }) {
  const title = ctx.t('live.scheduleTitle');
  if (!m) {
    return (
      <Layout ctx={ctx} seo={{ title, description: ctx.t('live.noSchedule'), canonical: ctx.url('/schedule'), type: 'website', alternates: alternatesFor(ctx, '/schedule') }}>
        <header class="list-header">
          <h1>{title}</h1>
        </header>
        <p class="empty">{ctx.t('live.noSchedule')}</p>
      </Layout>
    );
  }
  const { channel } = m;
  const tz = channel.timeZone;
  return (
    <Layout
      ctx={ctx}
      seo={{ title: `${title}: ${channel.name}`, description: ctx.t('live.scheduleDescription', { channel: channel.name }), canonical: channelPath(ctx, '/schedule', channel, m.primary), type: 'website', ...(m.primary ? { alternates: alternatesFor(ctx, '/schedule') } : {}) }}
    >
      <div class="schedule-page">
        <header class="list-header">
          <h1>{ctx.t('live.scheduleHeading', { channel: channel.name })}</h1>
          <p class="list-description">
            <a href={channelPath(ctx, '/live', channel, m.primary)}>{ctx.t('live.watchLive', { channel: channel.name })}</a>
          </p>
        </header>
        <ZoneNote ctx={ctx} channel={channel} />
        {m.days.map((day, i) => (
          <section key={day.date} class="schedule-day" aria-labelledby={`day-${day.date}`}>
            <h2 id={`day-${day.date}`}>
              {dayName(day.date, ctx.edition.locale)}
              {i === 0 && <span class="schedule-today"> · {ctx.t('live.today')}</span>}
            </h2>
            {day.airings.length === 0 ? (
              <p class="schedule-empty">{ctx.t('live.nothingScheduled')}</p>
            ) : (
              <ol class="schedule-list">
                {day.airings.map((a) => {
                  const isNow = m.now !== undefined && m.now.startsAt === a.startsAt && m.now.programme.id === a.programme.id;
                  return (
                    <li key={`${a.startsAt}-${a.programme.id}`} class={isNow ? 'schedule-item schedule-now' : 'schedule-item'} data-day={day.date}>
                      <Times ctx={ctx} airing={a} timeZone={tz} />
                      <a class="schedule-title" href={a.url}>
                        {a.programme.title}
                      </a>
                      {a.kind === 'special' && <span class="airing-special">{ctx.t('live.special')}</span>}
                      {isNow && <strong class="schedule-now-badge">{ctx.t('live.now')}</strong>}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        ))}
        <OtherChannels ctx={ctx} others={m.others} path="/schedule" />
      </div>
    </Layout>
  );
}

export function ProgrammePage({ ctx, m }: { ctx: PageContext; m: ProgrammePageModel }) {
  const { channel, programme } = m;
  const values: MessageValues = { programme: programme.title, channel: channel.name };
  return (
    <Layout
      ctx={ctx}
      seo={{
        title: programme.title,
        description: programme.description.slice(0, 300) || ctx.t('live.programmeDescription', values),
        canonical: ctx.path,
        type: 'website',
        ...(m.artwork ? { image: { url: jpeg(m.artwork), width: defaultWidth(m.artwork), height: Math.round((defaultWidth(m.artwork) * m.artwork.height) / m.artwork.width), alt: m.artwork.alt } } : {}),
      }}
    >
      <article class="programme-page">
        <header class="list-header">
          <p class="live-kicker">{ctx.t('live.onChannel', { channel: channel.name })}</p>
          <h1>{programme.title}</h1>
        </header>
        {m.artwork && (
          <figure class="programme-artwork">
            <Picture asset={m.artwork} sizes="(min-width: 48em) 40rem, 100vw" priority />
          </figure>
        )}
        {programme.description
          .split(/\n{2,}/)
          .filter((p) => p.trim())
          .map((p, i) => (
            <p key={i} class="programme-description">
              {p}
            </p>
          ))}
        <p>
          <a href={ctx.url('/live')}>{ctx.t('live.watchLive', { channel: channel.name })}</a>
        </p>
        <section aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{ctx.t('live.upcoming')}</h2>
          {m.upcoming.length === 0 ? (
            <p>{ctx.t('live.noUpcoming')}</p>
          ) : (
            <ul class="programme-airings">
              {m.upcoming.map((a) => (
                <li key={a.startsAt}>
                  <Times ctx={ctx} airing={a} timeZone={channel.timeZone} withDay />
                  {a.kind === 'special' && <span class="airing-special"> {ctx.t('live.special')}</span>}
                </li>
              ))}
            </ul>
          )}
          <ZoneNote ctx={ctx} channel={channel} />
        </section>
        {m.stories.length > 0 && (
          <section aria-labelledby="stories-title">
            <h2 id="stories-title">{ctx.t('live.stories')}</h2>
            <div class="card-grid">
              {m.stories.map((c) => (
                <Card key={c.id} ctx={ctx} card={c} />
              ))}
            </div>
          </section>
        )}
      </article>
    </Layout>
  );
}
