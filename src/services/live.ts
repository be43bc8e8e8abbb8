/**
 * Live TV: the newsroom's channels, programmes and schedule, and what readers see of them
 * (the live page's "on now" and "up next", the week, programme pages, XMLTV, the header's
 * on-air state).
 *
 * Every newsroom command checks `manageLive`, validates with zod and messages an editor can
 * act on (the form keeps what was typed), writes in one transaction, and publishes
 * `live.changed` after it commits, which clears the pages tagged `live` and `schedule` here
 * and on every other instance. Saving a channel also checks its stream URLs (HLS, with a
 * timeout): a URL that does not answer with a playlist is flagged, not refused, so an
 * off-air channel can still be configured.
 *
 * Reading is cached in memory: the schedule source of every channel until the next change,
 * the expanded airings per channel and local day, and the on-air state until the programme
 * on air ends.
 */
import { z } from 'zod';
import { LABEL_NAMES, LANGUAGES } from '../core/articles.js';
import type { Language } from '../core/articles.js';
import type { Channel, Programme } from '../core/channels.js';
import { primaryChannel, statusOf } from '../core/channels.js';
import type { Editions } from '../core/editions.js';
import type { ContentEvents } from '../core/events.js';
import type { MediaAsset } from '../core/media.js';
import type { PlaylistCheck } from '../core/playlists.js';
import { judgePlaylist, unanswered } from '../core/playlists.js';
import { ForbiddenError, policies } from '../core/policies.js';
import type { Airing, Special, WeeklySlot, Weekday } from '../core/schedule.js';
import {
  MAX_DURATION_MINUTES,
  addDays,
  daysFrom,
  expandSchedule,
  formatClock,
  groupByLocalDay,
  isLocalDate,
  isValidTimeZone,
  isWeekday,
  localToUtc,
  nowAndNext,
  parseClock,
  parseLocalDateTime,
  specialsOverlap,
  toLocal,
  weekdayMask,
  weeklyClash,
} from '../core/schedule.js';
import { isValidSlug, slugify } from '../core/slugs.js';
import type { StaffUser } from '../core/staff.js';
import type { Db } from '../storage/db.js';
import { ArticleRepository } from '../storage/repositories/articles.js';
import { MediaRepository } from '../storage/repositories/catalog.js';
import type { ChannelFields, ChannelSchedule, ProgrammeFields } from '../storage/repositories/live.js';
import { LiveRepository } from '../storage/repositories/live.js';
import { NotFoundError, ValidationError } from './publishing.js';
import type { Card, ReadingService } from './reading.js';

export interface LiveDeps {
  db: Db;
  events: ContentEvents;
  reading: ReadingService;
  editions: Editions;
  now?: () => Date;
  /** Reads stream URLs for the check; the global fetch by default. */
  fetch?: typeof globalThis.fetch;
  /** How long a stream URL may take to answer (default 5 s). */
  checkTimeoutMs?: number;
}

/** What the header shows while something is on air. */
export interface OnAir {
  channel: string;
  programme: string;
  /** ISO instant the programme on air ends. */
  endsAt: string;
}

/** An airing with its programme, as pages show it. */
export interface AiringView {
  programme: Programme;
  kind: Airing['kind'];
  startsAt: string;
  endsAt: string;
  /** The programme page. */
  url: string;
}

export interface LivePageModel {
  channel: Channel;
  poster: MediaAsset | undefined;
  now: AiringView | undefined;
  next: AiringView | undefined;
  /** The artwork of the programme on air. */
  artwork: MediaAsset | undefined;
  /** The edition's other channels (for links to them). */
  others: Channel[];
  /** Whether this is the edition's primary channel (the one /live shows without ?channel). */
  primary: boolean;
}

export interface ScheduleDayView {
  date: string;
  weekday: Weekday;
  airings: AiringView[];
}

export interface SchedulePageModel {
  channel: Channel;
  days: ScheduleDayView[];
  now: AiringView | undefined;
  others: Channel[];
  primary: boolean;
}

export interface ProgrammePageModel {
  channel: Channel;
  programme: Programme;
  artwork: MediaAsset | undefined;
  upcoming: AiringView[];
  stories: Card[];
}

export interface XmltvChannel {
  channel: Channel;
  /** Absolute URL of the channel's live page. */
  url: string;
  airings: AiringView[];
}

// ---- newsroom inputs ---------------------------------------------------------------------

export interface ChannelInput {
  name: string;
  /** Blank: made from the name. */
  slug: string;
  language: string;
  masterUrl: string;
  /** Blank: none. */
  audioUrl: string;
  posterMediaId: number | null;
  timeZone: string;
  description: string;
}

export interface ProgrammeInput {
  title: string;
  /** Blank: made from the title. */
  slug: string;
  description: string;
  artworkMediaId: number | null;
}

export interface SlotInput {
  programmeId: number;
  weekdays: number[];
  /** 'HH:MM', local to the channel. */
  start: string;
  durationMinutes: number;
  /** 'YYYY-MM-DD' or blank. */
  validFrom: string;
  validUntil: string;
}

export interface SpecialInput {
  programmeId: number;
  /** 'YYYY-MM-DDTHH:MM' in the channel's zone. */
  start: string;
  durationMinutes: number;
}

/** A channel with everything its newsroom page shows. */
export interface ChannelAdmin {
  channel: Channel;
  poster: MediaAsset | undefined;
  programmes: Programme[];
  slots: WeeklySlot[];
  /** Specials that have not ended yet, soonest first. */
  specials: Special[];
  onAir: AiringView | undefined;
}

export interface LinkedStory {
  id: number;
  headline: string;
  status: string;
  /** Its public URL, when it is public. */
  url: string | undefined;
}

export interface ProgrammeAdmin {
  channel: Channel;
  programme: Programme;
  artwork: MediaAsset | undefined;
  slots: WeeklySlot[];
  specials: Special[];
  stories: LinkedStory[];
}

const LABELS: Record<string, string> = {
  name: 'name',
  slug: 'slug',
  language: 'language',
  masterUrl: 'master URL',
  audioUrl: 'audio-only URL',
  posterMediaId: 'poster',
  timeZone: 'time zone',
  description: 'description',
  title: 'title',
  artworkMediaId: 'artwork',
  programmeId: 'programme',
  weekdays: 'weekdays',
  start: 'start',
  durationMinutes: 'duration',
  validFrom: 'from',
  validUntil: 'until',
};

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    return `${LABELS[key] ?? key}: ${i.message}`;
  });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

const streamUrl = z
  .string()
  .trim()
  .max(2000, { error: 'at most 2000 characters' })
  .refine((v) => v === '' || isHttpUrl(v), { error: (iss) => `"${String(iss.input).slice(0, 100)}" is not an http:// or https:// address` });

const mediaId = (what: string) => z.number({ error: `choose ${what} from the media library` }).int({ error: `choose ${what} from the media library` }).positive({ error: `choose ${what} from the media library` }).nullable();

const channelSchema = z.object({
  name: z.string().trim().min(1, { error: 'give the channel a name' }).max(120, { error: 'at most 120 characters' }),
  slug: z.string().trim().max(80, { error: 'at most 80 characters' }),
  language: z.enum(LANGUAGES, { error: `choose one of ${LANGUAGES.join(', ')}` }),
  masterUrl: streamUrl.refine((v) => v !== '', { error: 'give the HLS master playlist address (…/master.m3u8)' }),
  audioUrl: streamUrl,
  posterMediaId: mediaId('a poster'),
  timeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, { error: (iss) => `"${String(iss.input).slice(0, 64)}" is not an IANA time zone name: use one like Europe/Madrid or America/Caracas` }),
  description: z.string().trim().max(2000, { error: 'at most 2000 characters' }),
});

const programmeSchema = z.object({
  title: z.string().trim().min(1, { error: 'give the programme a title' }).max(200, { error: 'at most 200 characters' }),
  slug: z.string().trim().max(80, { error: 'at most 80 characters' }),
  description: z.string().trim().max(4000, { error: 'at most 4000 characters' }),
  artworkMediaId: mediaId('artwork'),
});

const duration = z
  .number({ error: 'give the duration in minutes' })
  .int({ error: 'give the duration in whole minutes' })
  .min(1, { error: 'at least 1 minute' })
  .max(MAX_DURATION_MINUTES, { error: `at most ${MAX_DURATION_MINUTES} minutes (24 hours)` });
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isLocalDate(v), { error: (iss) => `"${String(iss.input).slice(0, 20)}" is not a date (YYYY-MM-DD)` });
const programmeRef = z.number({ error: 'choose a programme' }).int({ error: 'choose a programme' }).positive({ error: 'choose a programme' });

const slotSchema = z
  .object({
    programmeId: programmeRef,
    weekdays: z.array(z.number().refine(isWeekday, { error: 'unknown weekday' })).min(1, { error: 'tick at least one day' }),
    start: z.string().trim().refine((v) => parseClock(v) !== undefined, { error: (iss) => `"${String(iss.input).slice(0, 10)}" is not a time of day (HH:MM, 24-hour)` }),
    durationMinutes: duration,
    validFrom: optionalDate,
    validUntil: optionalDate,
  })
  .refine((s) => !s.validFrom || !s.validUntil || s.validFrom <= s.validUntil, { error: 'the last day comes before the first', path: ['validUntil'] });

const specialSchema = z.object({
  programmeId: programmeRef,
  start: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'give a date and time (YYYY-MM-DDTHH:MM)' }),
  durationMinutes: duration,
});

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(issuesOf(r.error));
  return r.data;
}

const WEEKDAY_NAMES: Record<Weekday, string> = { 1: 'Mondays', 2: 'Tuesdays', 3: 'Wednesdays', 4: 'Thursdays', 5: 'Fridays', 6: 'Saturdays', 7: 'Sundays' };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** What a stream check reads of an answer at most: a master playlist is a few kilobytes. */
const MAX_PLAYLIST_BYTES = 256 * 1024;

// ---- the service -------------------------------------------------------------------------

export class LiveService {
  private readonly now: () => Date;
  private readonly fetch: typeof globalThis.fetch;
  private readonly timeoutMs: number;
  private snapshot: Promise<ChannelSchedule[]> | undefined;
  /** Airings per channel for the local days around one date: `${channelId}|${date}`. */
  private readonly airingCache = new Map<string, Airing[]>();
  private readonly onAirCache = new Map<Language, { value: OnAir | undefined; from: number; until: number }>();

  constructor(private readonly deps: LiveDeps) {
    this.now = deps.now ?? (() => new Date());
    this.fetch = deps.fetch ?? ((...args) => globalThis.fetch(...args));
    this.timeoutMs = deps.checkTimeoutMs ?? 5000;
    // Changes made here and on other instances (storage/event-relay) alike.
    deps.events.subscribe((event) => {
      if (event.type === 'live.changed') this.forget();
    });
  }

  private get repo(): LiveRepository {
    return new LiveRepository(this.deps.db.kysely);
  }

  private forget(): void {
    this.snapshot = undefined;
    this.airingCache.clear();
    this.onAirCache.clear();
  }

  private changed(channelId: number): void {
    this.forget();
    this.deps.events.publish({ type: 'live.changed', channelId });
  }

  private allow(actor: StaffUser): void {
    if (!policies.manageLive(actor)) throw new ForbiddenError('manageLive');
  }

  // ---- reading (cached) ------------------------------------------------------------------

  private schedules(): Promise<ChannelSchedule[]> {
    if (!this.snapshot) {
      const loading = this.repo.schedules();
      loading.catch(() => {
        if (this.snapshot === loading) this.snapshot = undefined;
      });
      this.snapshot = loading;
    }
    return this.snapshot;
  }

  /**
   * Airings of a channel from the local day before `at` to eight days after it: enough for
   * now/next, the week from today and the XMLTV window. Kept per channel and local day.
   */
  private airingsAround(s: ChannelSchedule, at: Date): Airing[] {
    const today = toLocal(at, s.channel.timeZone).date;
    const key = `${s.channel.id}|${today}`;
    let airings = this.airingCache.get(key);
    if (!airings) {
      const tz = s.channel.timeZone;
      airings = expandSchedule({ timeZone: tz, slots: s.slots, specials: s.specials }, new Date(localToUtc(addDays(today, -1), 0, tz)), new Date(localToUtc(addDays(today, 9), 0, tz)));
      if (this.airingCache.size > 200) this.airingCache.clear();
      this.airingCache.set(key, airings);
    }
    return airings;
  }

  private view(s: ChannelSchedule, a: Airing): AiringView | undefined {
    const programme = s.programmes.find((p) => p.id === a.programmeId);
    if (!programme) return undefined;
    return { programme, kind: a.kind, startsAt: a.startsAt, endsAt: a.endsAt, url: this.programmeUrl(s.channel, programme) };
  }

  /** The reader URL of a programme page, in its channel's edition. */
  programmeUrl(channel: Pick<Channel, 'language' | 'slug'>, programme: Pick<Programme, 'slug'>): string {
    return this.deps.reading.editionPath(channel.language, `/schedule/${channel.slug}/${programme.slug}`);
  }

  /** The channel a reader page shows: the one named by slug (in this edition), else the primary. */
  private async pick(language: Language, slug: string | undefined): Promise<{ s: ChannelSchedule; all: ChannelSchedule[]; primary: boolean } | undefined> {
    const all = (await this.schedules()).filter((s) => s.channel.language === language);
    const first = primaryChannel(all.map((s) => s.channel), language);
    const s = slug ? all.find((x) => x.channel.slug === slug) : all.find((x) => x.channel.id === first?.id);
    return s ? { s, all, primary: s.channel.id === first?.id } : undefined;
  }

  private async mediaById(ids: Array<number | null | undefined>): Promise<Map<number, MediaAsset>> {
    const wanted = ids.filter((id): id is number => typeof id === 'number');
    return new MediaRepository(this.deps.db.kysely).byIds(wanted);
  }

  /** The live page: the edition's primary channel (or the one named), now and next. Undefined: no channel. */
  async livePage(language: Language, channelSlug?: string): Promise<LivePageModel | undefined> {
    const picked = await this.pick(language, channelSlug);
    if (!picked) return undefined;
    const { s } = picked;
    const at = this.now();
    const { now, next } = nowAndNext(this.airingsAround(s, at), at);
    const nowView = now ? this.view(s, now) : undefined;
    const media = await this.mediaById([s.channel.posterMediaId, nowView?.programme.artworkMediaId]);
    return {
      channel: s.channel,
      poster: s.channel.posterMediaId === null ? undefined : media.get(s.channel.posterMediaId),
      now: nowView,
      next: next ? this.view(s, next) : undefined,
      artwork: nowView?.programme.artworkMediaId ? media.get(nowView.programme.artworkMediaId) : undefined,
      others: picked.all.filter((x) => x !== s).map((x) => x.channel),
      primary: picked.primary,
    };
  }

  /**
   * A key that changes whenever what the live page or the header shows changes with time
   * alone (a programme starting or ending): pages put it in their cache key.
   */
  async timeKey(language: Language, channelSlug?: string): Promise<string> {
    const picked = await this.pick(language, channelSlug);
    if (!picked) return 'none';
    const at = this.now();
    const { now, next } = nowAndNext(this.airingsAround(picked.s, at), at);
    return `${now?.startsAt ?? '-'}|${next?.startsAt ?? '-'}`;
  }

  /**
   * The origins the edition's players stream from (master and audio URLs of its channels),
   * for the live page's Content-Security-Policy (media-src, connect-src).
   */
  async streamOrigins(language: Language): Promise<string[]> {
    const origins = new Set<string>();
    for (const s of await this.schedules()) {
      if (s.channel.language !== language) continue;
      for (const url of [s.channel.masterUrl, s.channel.audioUrl]) {
        if (!url) continue;
        try {
          const origin = new URL(url).origin;
          if (origin !== 'null') origins.add(origin);
        } catch {
          // Stored URLs were validated on save; an unreadable one adds nothing.
        }
      }
    }
    return [...origins].sort();
  }

  /** The week (seven local days from today in the channel's zone), grouped by day. */
  async schedulePage(language: Language, channelSlug?: string): Promise<SchedulePageModel | undefined> {
    const picked = await this.pick(language, channelSlug);
    if (!picked) return undefined;
    const { s } = picked;
    const at = this.now();
    const window = daysFrom(at, s.channel.timeZone, 7);
    const airings = this.airingsAround(s, at).filter((a) => Date.parse(a.endsAt) > window.from.getTime() && Date.parse(a.startsAt) < window.to.getTime());
    const days = groupByLocalDay(airings, s.channel.timeZone, window.dates).map((d) => ({ date: d.date, weekday: d.weekday, airings: d.airings.flatMap((a) => this.view(s, a) ?? []) }));
    const { now } = nowAndNext(airings, at);
    return { channel: s.channel, days, now: now ? this.view(s, now) : undefined, others: picked.all.filter((x) => x !== s).map((x) => x.channel), primary: picked.primary };
  }

  /** The date key of the schedule page (the channel's today), for its cache key. */
  async scheduleDate(language: Language, channelSlug?: string): Promise<string> {
    const picked = await this.pick(language, channelSlug);
    return picked ? toLocal(this.now(), picked.s.channel.timeZone).date : 'none';
  }

  /** A programme page: its description, artwork, next airings and the public stories linked to it. */
  async programmePage(language: Language, channelSlug: string, programmeSlug: string): Promise<ProgrammePageModel | undefined> {
    const s = (await this.schedules()).find((x) => x.channel.slug === channelSlug && x.channel.language === language);
    const programme = s?.programmes.find((p) => p.slug === programmeSlug);
    if (!s || !programme) return undefined;
    const at = this.now();
    const upcoming = this.airingsAround(s, at)
      .filter((a) => a.programmeId === programme.id && Date.parse(a.endsAt) > at.getTime())
      .slice(0, 14)
      .flatMap((a) => this.view(s, a) ?? []);
    const [media, stories] = await Promise.all([this.mediaById([programme.artworkMediaId]), this.storyCards(programme.id, at)]);
    return { channel: s.channel, programme, artwork: programme.artworkMediaId === null ? undefined : media.get(programme.artworkMediaId), upcoming, stories };
  }

  /** Cards for a programme's public stories, newest link first. */
  private async storyCards(programmeId: number, at: Date): Promise<Card[]> {
    const ids = await this.repo.linkedArticleIds(programmeId);
    if (ids.length === 0) return [];
    const summaries = await new ArticleRepository(this.deps.db.kysely).publishedSummariesByIds(ids, at);
    const media = await this.mediaById(summaries.map((s) => s.leadMediaId));
    const cards = await Promise.all(
      summaries.map(async (s): Promise<Card> => {
        const tree = await this.deps.reading.sectionTree(s.language);
        const section = tree.byId.get(s.sectionId);
        return {
          id: s.id,
          url: this.deps.reading.articleUrl(tree, s),
          headline: s.headline,
          standfirst: s.standfirst,
          label: s.label,
          labelName: LABEL_NAMES[s.label],
          section: { name: section?.name ?? '', url: tree.path(s.sectionId) },
          publishedAt: s.publishedAt,
          commentCount: s.commentCount,
          image: s.leadMediaId === null ? undefined : media.get(s.leadMediaId),
        };
      }),
    );
    const order = new Map(ids.map((id, i) => [id, i]));
    return cards.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  /** Every channel's airings from a day ago to a week ahead, for XMLTV. */
  async xmltv(origin: string): Promise<XmltvChannel[]> {
    const at = this.now();
    const from = at.getTime() - DAY;
    const to = at.getTime() + 7 * DAY;
    return (await this.schedules()).map((s) => ({
      channel: s.channel,
      url: `${origin}${this.deps.reading.editionPath(s.channel.language, '/live')}`,
      airings: this.airingsAround(s, at)
        .filter((a) => Date.parse(a.endsAt) > from && Date.parse(a.startsAt) < to)
        .flatMap((a) => this.view(s, a) ?? []),
    }));
  }

  /**
   * What the edition's primary channel has on air now, for the header; undefined when no
   * channel is configured or nothing is scheduled. Cached until the programme ends (or the
   * next one starts), and cleared by any live change.
   */
  async onAir(language: Language): Promise<OnAir | undefined> {
    const at = this.now().getTime();
    const cached = this.onAirCache.get(language);
    if (cached && at >= cached.from && at < cached.until) return cached.value;
    const picked = await this.pick(language, undefined);
    let value: OnAir | undefined;
    let until = at + 5 * MINUTE;
    if (picked) {
      const airings = this.airingsAround(picked.s, new Date(at));
      const { now, next } = nowAndNext(airings, at);
      const view = now ? this.view(picked.s, now) : undefined;
      if (view) value = { channel: picked.s.channel.name, programme: view.programme.title, endsAt: view.endsAt };
      until = Math.min(until, Date.parse(now?.endsAt ?? next?.startsAt ?? new Date(until).toISOString()));
    }
    this.onAirCache.set(language, { value, from: at, until });
    return value;
  }

  // ---- the newsroom ----------------------------------------------------------------------

  async listChannels(actor: StaffUser): Promise<Array<{ channel: Channel; programmes: number; onAir: AiringView | undefined; primary: boolean }>> {
    this.allow(actor);
    const all = await this.repo.schedules();
    const at = this.now();
    return all.map((s) => {
      const { now } = nowAndNext(expandSchedule({ timeZone: s.channel.timeZone, slots: s.slots, specials: s.specials }, new Date(at.getTime() - DAY), new Date(at.getTime() + DAY)), at);
      return { channel: s.channel, programmes: s.programmes.length, onAir: now ? this.view(s, now) : undefined, primary: primaryChannel(all.map((x) => x.channel), s.channel.language)?.id === s.channel.id };
    });
  }

  private async loadChannel(id: number): Promise<Channel> {
    const channel = Number.isSafeInteger(id) ? await this.repo.channel(id) : undefined;
    if (!channel) throw new NotFoundError(`channel ${id} does not exist`);
    return channel;
  }

  private async loadProgramme(id: number): Promise<Programme> {
    const programme = Number.isSafeInteger(id) ? await this.repo.programme(id) : undefined;
    if (!programme) throw new NotFoundError(`programme ${id} does not exist`);
    return programme;
  }

  async channelAdmin(actor: StaffUser, id: number): Promise<ChannelAdmin> {
    this.allow(actor);
    const channel = await this.loadChannel(id);
    const repo = this.repo;
    const [programmes, slots, specials, media] = await Promise.all([repo.programmes(id), repo.slotsOf(id), repo.specialsOf(id), this.mediaById([channel.posterMediaId])]);
    const at = this.now();
    const s: ChannelSchedule = { channel, programmes, slots, specials };
    const { now } = nowAndNext(expandSchedule({ timeZone: channel.timeZone, slots, specials }, new Date(at.getTime() - DAY), new Date(at.getTime() + DAY)), at);
    return {
      channel,
      poster: channel.posterMediaId === null ? undefined : media.get(channel.posterMediaId),
      programmes,
      slots,
      specials: specials.filter((x) => Date.parse(x.startsAt) + x.durationMinutes * MINUTE > at.getTime()),
      onAir: now ? this.view(s, now) : undefined,
    };
  }

  async programmeAdmin(actor: StaffUser, id: number): Promise<ProgrammeAdmin> {
    this.allow(actor);
    const programme = await this.loadProgramme(id);
    const channel = await this.loadChannel(programme.channelId);
    const repo = this.repo;
    const [slots, specials, ids, media] = await Promise.all([repo.slotsOf(channel.id), repo.specialsOf(channel.id), repo.linkedArticleIds(id), this.mediaById([programme.artworkMediaId])]);
    const k = this.deps.db.kysely;
    const rows = ids.length ? await k.selectFrom('articles').select(['id', 'headline', 'status']).where('id', 'in', ids).execute() : [];
    const stories = await Promise.all(
      ids.flatMap((articleId) => {
        const row = rows.find((r) => r.id === articleId);
        if (!row) return [];
        return [this.deps.reading.publicArticle(articleId).then((p): LinkedStory => ({ id: row.id, headline: row.headline, status: row.status, url: p?.url }))];
      }),
    );
    const at = this.now().getTime();
    return {
      channel,
      programme,
      artwork: programme.artworkMediaId === null ? undefined : media.get(programme.artworkMediaId),
      slots: slots.filter((x) => x.programmeId === id),
      specials: specials.filter((x) => x.programmeId === id && Date.parse(x.startsAt) + x.durationMinutes * MINUTE > at),
      stories,
    };
  }

  private async validateChannel(input: ChannelInput, current: Channel | null): Promise<ChannelFields> {
    const v = parse(channelSchema, input);
    const issues: string[] = [];
    const slug = v.slug || slugify(v.name);
    if (!isValidSlug(slug)) issues.push(`slug: "${slug}" must be lower-case letters, digits and dashes (at most 80)`);
    else {
      const clash = await this.repo.channelBySlug(slug);
      if (clash && clash.id !== current?.id) issues.push(`slug: "${slug}" is already used by the channel "${clash.name}"`);
    }
    if (v.posterMediaId !== null && !(await this.mediaById([v.posterMediaId])).has(v.posterMediaId)) issues.push('poster: that image is no longer in the media library');
    if (issues.length) throw new ValidationError(issues);
    return { slug, name: v.name, language: v.language, masterUrl: v.masterUrl, audioUrl: v.audioUrl || null, posterMediaId: v.posterMediaId, timeZone: v.timeZone, description: v.description };
  }

  /** Reads the start of a URL's answer, within the time limit. */
  private async read(url: string): Promise<{ status: number; body: string }> {
    const res = await this.fetch(url, {
      signal: AbortSignal.timeout(this.timeoutMs),
      redirect: 'follow',
      headers: { accept: 'application/vnd.apple.mpegurl, application/x-mpegurl, */*;q=0.5', 'user-agent': 'Newsdesk stream check' },
    });
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    if (reader) {
      try {
        while (size < MAX_PLAYLIST_BYTES) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          size += value.byteLength;
        }
      } finally {
        await reader.cancel().catch(() => undefined);
      }
    }
    return { status: res.status, body: Buffer.concat(chunks).toString('utf8') };
  }

  private async checkOne(role: PlaylistCheck['role'], url: string): Promise<PlaylistCheck> {
    try {
      return judgePlaylist(role, url, await this.read(url));
    } catch (err) {
      return unanswered(role, url, this.reason(err));
    }
  }

  private reason(err: unknown): string {
    const e = err as { name?: string; code?: string; cause?: { code?: string; message?: string } } | undefined;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${Math.round(this.timeoutMs / 100) / 10} s`;
    const code = e?.cause?.code ?? e?.code;
    const known: Record<string, string> = { ECONNREFUSED: 'connection refused', ENOTFOUND: 'unknown host name', EAI_AGAIN: 'the host name could not be looked up', ECONNRESET: 'the connection was reset', CERT_HAS_EXPIRED: 'its TLS certificate has expired', ETIMEDOUT: 'the connection timed out', EHOSTUNREACH: 'the host is unreachable' };
    if (code && known[code]) return known[code];
    return code ?? e?.cause?.message ?? (err instanceof Error ? err.message : 'unknown error');
  }

  /** Checks a channel's stream URLs (in parallel). */
  async checkStreams(masterUrl: string, audioUrl: string | null): Promise<PlaylistCheck[]> {
    return Promise.all([this.checkOne('master', masterUrl), ...(audioUrl ? [this.checkOne('audio', audioUrl)] : [])]);
  }

  /** Creates a channel, last in its language; its stream URLs are checked and the result saved with it. */
  async createChannel(actor: StaffUser, input: ChannelInput): Promise<Channel> {
    this.allow(actor);
    const fields = await this.validateChannel(input, null);
    const report = await this.checkStreams(fields.masterUrl, fields.audioUrl);
    const now = this.now();
    const channel = await this.deps.db.kysely.transaction().execute(async (tx) => {
      const repo = new LiveRepository(tx);
      const created = await repo.insertChannel(fields, await repo.nextChannelPosition(fields.language), now);
      await repo.saveCheck(created.id, statusOf(report), report, now);
      return created;
    });
    this.changed(channel.id);
    return (await this.repo.channel(channel.id)) ?? channel;
  }

  async updateChannel(actor: StaffUser, id: number, input: ChannelInput): Promise<Channel> {
    this.allow(actor);
    const current = await this.loadChannel(id);
    const fields = await this.validateChannel(input, current);
    const report = await this.checkStreams(fields.masterUrl, fields.audioUrl);
    const now = this.now();
    await this.deps.db.kysely.transaction().execute(async (tx) => {
      const repo = new LiveRepository(tx);
      // A channel moving to another language goes last there.
      if (fields.language !== current.language) await repo.setChannelPosition(id, await repo.nextChannelPosition(fields.language), now);
      const updated = await repo.updateChannel(id, fields, now);
      if (!updated) throw new NotFoundError(`channel ${id} does not exist`);
      await repo.saveCheck(id, statusOf(report), report, now);
    });
    this.changed(id);
    return this.loadChannel(id);
  }

  /** Checks the stream URLs again and saves the result. */
  async recheckChannel(actor: StaffUser, id: number): Promise<Channel> {
    this.allow(actor);
    const channel = await this.loadChannel(id);
    const report = await this.checkStreams(channel.masterUrl, channel.audioUrl);
    await this.repo.saveCheck(id, statusOf(report), report, this.now());
    this.changed(id);
    return this.loadChannel(id);
  }

  /** Moves a channel before (up) or after (down) its neighbour in its language: the first is the edition's primary. */
  async moveChannel(actor: StaffUser, id: number, direction: 'up' | 'down'): Promise<void> {
    this.allow(actor);
    const channel = await this.loadChannel(id);
    await this.deps.db.kysely.transaction().execute(async (tx) => {
      const repo = new LiveRepository(tx);
      const siblings = (await repo.channels()).filter((c) => c.language === channel.language);
      const from = siblings.findIndex((c) => c.id === id);
      const to = direction === 'up' ? from - 1 : from + 1;
      const moving = siblings[from];
      const other = siblings[to];
      if (!moving || !other) throw new ValidationError([`"${channel.name}" is already ${direction === 'up' ? 'first' : 'last'} among the ${channel.language} channels`]);
      siblings[to] = moving;
      siblings[from] = other;
      const now = this.now();
      for (const [position, c] of siblings.entries()) if (c.position !== position) await repo.setChannelPosition(c.id, position, now);
    });
    this.changed(id);
  }

  /** Deletes a channel with its programmes, schedule and story links. */
  async deleteChannel(actor: StaffUser, id: number): Promise<void> {
    this.allow(actor);
    await this.loadChannel(id);
    await this.deps.db.kysely.transaction().execute((tx) => new LiveRepository(tx).deleteChannel(id));
    this.changed(id);
  }

  private async validateProgramme(channelId: number, input: ProgrammeInput, current: Programme | null): Promise<ProgrammeFields> {
    const v = parse(programmeSchema, input);
    const issues: string[] = [];
    const slug = v.slug || slugify(v.title);
    if (!isValidSlug(slug)) issues.push(`slug: "${slug}" must be lower-case letters, digits and dashes (at most 80)`);
    else {
      const clash = await this.repo.programmeBySlug(channelId, slug);
      if (clash && clash.id !== current?.id) issues.push(`slug: "${slug}" is already used by the programme "${clash.title}" on this channel`);
    }
    if (v.artworkMediaId !== null && !(await this.mediaById([v.artworkMediaId])).has(v.artworkMediaId)) issues.push('artwork: that image is no longer in the media library');
    if (issues.length) throw new ValidationError(issues);
    return { slug, title: v.title, description: v.description, artworkMediaId: v.artworkMediaId };
  }

  async createProgramme(actor: StaffUser, channelId: number, input: ProgrammeInput): Promise<Programme> {
    this.allow(actor);
    await this.loadChannel(channelId);
    const fields = await this.validateProgramme(channelId, input, null);
    const programme = await this.repo.insertProgramme(channelId, fields, this.now());
    this.changed(channelId);
    return programme;
  }

  async updateProgramme(actor: StaffUser, id: number, input: ProgrammeInput): Promise<Programme> {
    this.allow(actor);
    const current = await this.loadProgramme(id);
    const fields = await this.validateProgramme(current.channelId, input, current);
    const updated = await this.repo.updateProgramme(id, fields, this.now());
    if (!updated) throw new NotFoundError(`programme ${id} does not exist`);
    this.changed(current.channelId);
    return updated;
  }

  /** Deletes a programme with its slots, specials and story links. */
  async deleteProgramme(actor: StaffUser, id: number): Promise<Programme> {
    this.allow(actor);
    const programme = await this.loadProgramme(id);
    await this.deps.db.kysely.transaction().execute((tx) => new LiveRepository(tx).deleteProgramme(id));
    this.changed(programme.channelId);
    return programme;
  }

  /** The programme a slot or special names must be on the channel being edited. */
  private async programmeOn(channelId: number, programmeId: number): Promise<Programme> {
    const programme = await this.repo.programme(programmeId);
    if (!programme || programme.channelId !== channelId) throw new ValidationError(['programme: choose one of this channel’s programmes']);
    return programme;
  }

  /** Adds a weekly slot; refused when it overlaps another weekly slot of the channel. */
  async addSlot(actor: StaffUser, channelId: number, input: SlotInput): Promise<WeeklySlot> {
    this.allow(actor);
    await this.loadChannel(channelId);
    const v = parse(slotSchema, input);
    await this.programmeOn(channelId, v.programmeId);
    const slot = {
      programmeId: v.programmeId,
      weekdays: weekdayMask(v.weekdays.filter(isWeekday)),
      start: v.start,
      durationMinutes: v.durationMinutes,
      validFrom: v.validFrom || null,
      validUntil: v.validUntil || null,
    };
    const created = await this.deps.db.kysely.transaction().execute(async (tx) => {
      const repo = new LiveRepository(tx);
      const [existing, programmes] = await Promise.all([repo.slotsOf(channelId), repo.programmes(channelId)]);
      const issues = existing.flatMap((other) => {
        const day = weeklyClash(slot, other);
        if (day === undefined) return [];
        const title = programmes.find((p) => p.id === other.programmeId)?.title ?? 'another programme';
        const start = parseClock(other.start) ?? 0;
        return [`schedule: this slot overlaps "${title}" on ${WEEKDAY_NAMES[day]} (${other.start}–${formatClock(start + other.durationMinutes)}); remove that slot first or choose another time`];
      });
      if (issues.length) throw new ValidationError(issues.slice(0, 3));
      return repo.insertSlot(slot, this.now());
    });
    this.changed(channelId);
    return created;
  }

  async removeSlot(actor: StaffUser, id: number): Promise<number> {
    this.allow(actor);
    const owner = Number.isSafeInteger(id) ? await this.repo.slotChannel('schedule_slots', id) : undefined;
    if (!owner) throw new NotFoundError(`slot ${id} does not exist`);
    await this.repo.deleteSlot(id);
    this.changed(owner.channelId);
    return owner.channelId;
  }

  /** Adds a one-off special at a local date and time in the channel's zone. */
  async addSpecial(actor: StaffUser, channelId: number, input: SpecialInput): Promise<Special> {
    this.allow(actor);
    const channel = await this.loadChannel(channelId);
    const v = parse(specialSchema, input);
    await this.programmeOn(channelId, v.programmeId);
    const starts = parseLocalDateTime(v.start, channel.timeZone);
    if (!starts) throw new ValidationError([`start: "${v.start}" is not a date and time that exists`]);
    const special = { programmeId: v.programmeId, startsAt: starts.toISOString(), durationMinutes: v.durationMinutes };
    const created = await this.deps.db.kysely.transaction().execute(async (tx) => {
      const repo = new LiveRepository(tx);
      const clash = (await repo.specialsOf(channelId)).find((other) => specialsOverlap(special, other));
      if (clash) {
        const title = (await repo.programme(clash.programmeId))?.title ?? 'another special';
        const l = toLocal(clash.startsAt, channel.timeZone);
        throw new ValidationError([`schedule: this special overlaps the special "${title}" on ${l.date} at ${l.time}; remove it first or choose another time`]);
      }
      return repo.insertSpecial(special, this.now());
    });
    this.changed(channelId);
    return created;
  }

  async removeSpecial(actor: StaffUser, id: number): Promise<number> {
    this.allow(actor);
    const owner = Number.isSafeInteger(id) ? await this.repo.slotChannel('schedule_specials', id) : undefined;
    if (!owner) throw new NotFoundError(`special ${id} does not exist`);
    await this.repo.deleteSpecial(id);
    this.changed(owner.channelId);
    return owner.channelId;
  }

  /** The article a newsroom reference names: its id, or its address on the site (any edition). */
  private async articleFrom(ref: string): Promise<number | undefined> {
    const text = ref.trim();
    if (/^\d{1,9}$/.test(text)) {
      const row = await this.deps.db.kysely.selectFrom('articles').select('id').where('id', '=', Number(text)).executeTakeFirst();
      return row?.id;
    }
    let path: string;
    try {
      path = new URL(text, 'http://site.invalid').pathname;
    } catch {
      return undefined;
    }
    const { edition, rest } = this.deps.editions.fromPath(decodeURIComponent(path).replace(/\/+$/, '') || '/');
    const found = await this.deps.reading.resolve(edition.language, rest.split('/').filter(Boolean));
    if (found.kind === 'article') return found.article.id;
    if (found.kind === 'redirect') return found.articleId;
    return undefined;
  }

  /** Links a story (by id or URL) to a programme; its page lists the public ones. */
  async linkStory(actor: StaffUser, programmeId: number, ref: string): Promise<void> {
    this.allow(actor);
    const programme = await this.loadProgramme(programmeId);
    if (!ref.trim()) throw new ValidationError(['story: give the story’s number or its address on the site']);
    const articleId = await this.articleFrom(ref);
    if (articleId === undefined) throw new ValidationError([`story: "${ref.trim().slice(0, 200)}" is not a story number or the address of a published story`]);
    const added = await this.repo.linkArticle(programmeId, articleId, this.now());
    if (!added) throw new ValidationError(['story: that story is already linked to this programme']);
    this.changed(programme.channelId);
  }

  async unlinkStory(actor: StaffUser, programmeId: number, articleId: number): Promise<void> {
    this.allow(actor);
    const programme = await this.loadProgramme(programmeId);
    await this.repo.unlinkArticle(programmeId, articleId);
    this.changed(programme.channelId);
  }
}
