/** Live TV tables: channels, programmes, weekly slots, specials and programme stories. */
import type { Kysely, Transaction } from 'kysely';
import type { Language } from '../../core/articles.js';
import { isLanguage } from '../../core/editions.js';
import type { Channel, PlaylistStatus, Programme } from '../../core/channels.js';
import type { PlaylistCheck, Rendition } from '../../core/playlists.js';
import type { Special, WeeklySlot } from '../../core/schedule.js';
import type { ChannelRow, Database, ProgrammeRow, ScheduleSlotRow, ScheduleSpecialRow } from '../schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** The stored report; anything malformed is dropped rather than thrown. */
export function parsePlaylistReport(json: string): PlaylistCheck[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): PlaylistCheck[] => {
    if (typeof item !== 'object' || item === null) return [];
    const c = item as Record<string, unknown>;
    if ((c.role !== 'master' && c.role !== 'audio') || typeof c.url !== 'string' || typeof c.ok !== 'boolean' || typeof c.message !== 'string') return [];
    const renditions = Array.isArray(c.renditions)
      ? c.renditions.flatMap((r: unknown): Rendition[] => {
          if (typeof r !== 'object' || r === null) return [];
          const x = r as Record<string, unknown>;
          const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
          return [{ bandwidth: num(x.bandwidth) ?? 0, width: num(x.width), height: num(x.height), codecs: typeof x.codecs === 'string' ? x.codecs : null }];
        })
      : [];
    return [{ role: c.role, url: c.url, ok: c.ok, message: c.message, renditions }];
  });
}

const STATUSES: readonly PlaylistStatus[] = ['ok', 'flagged', 'unchecked'];

export const rowToChannel = (r: ChannelRow): Channel => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  language: isLanguage(r.language) ? r.language : 'en',
  masterUrl: r.master_url,
  audioUrl: r.audio_url,
  posterMediaId: r.poster_media_id,
  timeZone: r.time_zone,
  description: r.description,
  position: r.position,
  playlistStatus: (STATUSES as readonly string[]).includes(r.playlist_status) ? (r.playlist_status as PlaylistStatus) : 'unchecked',
  playlistReport: parsePlaylistReport(r.playlist_report),
  checkedAt: r.checked_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const rowToProgramme = (r: ProgrammeRow): Programme => ({ id: r.id, channelId: r.channel_id, slug: r.slug, title: r.title, description: r.description, artworkMediaId: r.artwork_media_id, updatedAt: r.updated_at });

export const rowToSlot = (r: ScheduleSlotRow): WeeklySlot => ({ id: r.id, programmeId: r.programme_id, weekdays: r.weekdays, start: r.start_time, durationMinutes: r.duration_minutes, validFrom: r.valid_from, validUntil: r.valid_until });

export const rowToSpecial = (r: ScheduleSpecialRow): Special => ({ id: r.id, programmeId: r.programme_id, startsAt: r.starts_at, durationMinutes: r.duration_minutes });

/** A channel's whole schedule source: what core/schedule expands. */
export interface ChannelSchedule {
  channel: Channel;
  programmes: Programme[];
  slots: WeeklySlot[];
  specials: Special[];
}

export interface ChannelFields {
  slug: string;
  name: string;
  language: Language;
  masterUrl: string;
  audioUrl: string | null;
  posterMediaId: number | null;
  timeZone: string;
  description: string;
}

export interface ProgrammeFields {
  slug: string;
  title: string;
  description: string;
  artworkMediaId: number | null;
}

export class LiveRepository {
  constructor(private readonly db: Executor) {}

  /** Every channel, by language then position. */
  async channels(): Promise<Channel[]> {
    const rows = await this.db.selectFrom('channels').selectAll().orderBy('language').orderBy('position').orderBy('id').execute();
    return rows.map(rowToChannel);
  }

  async channel(id: number): Promise<Channel | undefined> {
    const row = await this.db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToChannel(row) : undefined;
  }

  async channelBySlug(slug: string): Promise<Channel | undefined> {
    const row = await this.db.selectFrom('channels').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? rowToChannel(row) : undefined;
  }

  /** Everything the schedule of every channel is made of, in four queries. */
  async schedules(): Promise<ChannelSchedule[]> {
    const [channels, programmes, slots, specials] = await Promise.all([
      this.channels(),
      this.db.selectFrom('programmes').selectAll().orderBy('title').orderBy('id').execute(),
      this.db.selectFrom('schedule_slots').selectAll().orderBy('start_time').orderBy('id').execute(),
      this.db.selectFrom('schedule_specials').selectAll().orderBy('starts_at').orderBy('id').execute(),
    ]);
    const channelOf = new Map(programmes.map((p) => [p.id, p.channel_id]));
    return channels.map((channel) => ({
      channel,
      programmes: programmes.filter((p) => p.channel_id === channel.id).map(rowToProgramme),
      slots: slots.filter((s) => channelOf.get(s.programme_id) === channel.id).map(rowToSlot),
      specials: specials.filter((s) => channelOf.get(s.programme_id) === channel.id).map(rowToSpecial),
    }));
  }

  async programmes(channelId: number): Promise<Programme[]> {
    const rows = await this.db.selectFrom('programmes').selectAll().where('channel_id', '=', channelId).orderBy('title').orderBy('id').execute();
    return rows.map(rowToProgramme);
  }

  async programme(id: number): Promise<Programme | undefined> {
    const row = await this.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToProgramme(row) : undefined;
  }

  async programmeBySlug(channelId: number, slug: string): Promise<Programme | undefined> {
    const row = await this.db.selectFrom('programmes').selectAll().where('channel_id', '=', channelId).where('slug', '=', slug).executeTakeFirst();
    return row ? rowToProgramme(row) : undefined;
  }

  async slotsOf(channelId: number): Promise<WeeklySlot[]> {
    const rows = await this.db
      .selectFrom('schedule_slots as s')
      .innerJoin('programmes as p', 'p.id', 's.programme_id')
      .selectAll('s')
      .where('p.channel_id', '=', channelId)
      .orderBy('s.start_time')
      .orderBy('s.id')
      .execute();
    return rows.map(rowToSlot);
  }

  async specialsOf(channelId: number): Promise<Special[]> {
    const rows = await this.db
      .selectFrom('schedule_specials as s')
      .innerJoin('programmes as p', 'p.id', 's.programme_id')
      .selectAll('s')
      .where('p.channel_id', '=', channelId)
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .execute();
    return rows.map(rowToSpecial);
  }

  /** A slot or special with the channel it belongs to. */
  async slotChannel(table: 'schedule_slots' | 'schedule_specials', id: number): Promise<{ channelId: number; programmeId: number } | undefined> {
    const programmeId =
      table === 'schedule_slots'
        ? (await this.db.selectFrom('schedule_slots').select('programme_id').where('id', '=', id).executeTakeFirst())?.programme_id
        : (await this.db.selectFrom('schedule_specials').select('programme_id').where('id', '=', id).executeTakeFirst())?.programme_id;
    if (programmeId === undefined) return undefined;
    const programme = await this.db.selectFrom('programmes').select('channel_id').where('id', '=', programmeId).executeTakeFirst();
    return programme ? { channelId: programme.channel_id, programmeId } : undefined;
  }

  /** Stories linked to a programme, newest link first. */
  async linkedArticleIds(programmeId: number): Promise<number[]> {
    const rows = await this.db.selectFrom('programme_articles').select('article_id').where('programme_id', '=', programmeId).orderBy('created_at', 'desc').orderBy('article_id', 'desc').execute();
    return rows.map((r) => r.article_id);
  }

  // ---- writes --------------------------------------------------------------------------

  async insertChannel(f: ChannelFields, position: number, now: Date): Promise<Channel> {
    const at = now.toISOString();
    const row = await this.db
      .insertInto('channels')
      .values({ slug: f.slug, name: f.name, language: f.language, master_url: f.masterUrl, audio_url: f.audioUrl, poster_media_id: f.posterMediaId, time_zone: f.timeZone, description: f.description, position, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToChannel(row);
  }

  async updateChannel(id: number, f: ChannelFields, now: Date): Promise<Channel | undefined> {
    const row = await this.db
      .updateTable('channels')
      .set({ slug: f.slug, name: f.name, language: f.language, master_url: f.masterUrl, audio_url: f.audioUrl, poster_media_id: f.posterMediaId, time_zone: f.timeZone, description: f.description, updated_at: now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? rowToChannel(row) : undefined;
  }

  async saveCheck(id: number, status: PlaylistStatus, report: readonly PlaylistCheck[], now: Date): Promise<void> {
    await this.db.updateTable('channels').set({ playlist_status: status, playlist_report: JSON.stringify(report), checked_at: now.toISOString() }).where('id', '=', id).execute();
  }

  async nextChannelPosition(language: Language): Promise<number> {
    const row = await this.db.selectFrom('channels').select((eb) => eb.fn.max('position').as('p')).where('language', '=', language).executeTakeFirst();
    return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
  }

  async setChannelPosition(id: number, position: number, now: Date): Promise<void> {
    await this.db.updateTable('channels').set({ position, updated_at: now.toISOString() }).where('id', '=', id).execute();
  }

  /** Deletes the channel; its programmes, slots, specials and story links go with it (cascade). */
  async deleteChannel(id: number): Promise<void> {
    // SQLite enforces cascades only with foreign_keys on (db.ts turns it on); delete explicitly anyway.
    const programmeIds = (await this.db.selectFrom('programmes').select('id').where('channel_id', '=', id).execute()).map((p) => p.id);
    if (programmeIds.length > 0) {
      await this.db.deleteFrom('programme_articles').where('programme_id', 'in', programmeIds).execute();
      await this.db.deleteFrom('schedule_slots').where('programme_id', 'in', programmeIds).execute();
      await this.db.deleteFrom('schedule_specials').where('programme_id', 'in', programmeIds).execute();
      await this.db.deleteFrom('programmes').where('id', 'in', programmeIds).execute();
    }
    await this.db.deleteFrom('channels').where('id', '=', id).execute();
  }

  async insertProgramme(channelId: number, f: ProgrammeFields, now: Date): Promise<Programme> {
    const at = now.toISOString();
    const row = await this.db
      .insertInto('programmes')
      .values({ channel_id: channelId, slug: f.slug, title: f.title, description: f.description, artwork_media_id: f.artworkMediaId, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToProgramme(row);
  }

  async updateProgramme(id: number, f: ProgrammeFields, now: Date): Promise<Programme | undefined> {
    const row = await this.db
      .updateTable('programmes')
      .set({ slug: f.slug, title: f.title, description: f.description, artwork_media_id: f.artworkMediaId, updated_at: now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? rowToProgramme(row) : undefined;
  }

  async deleteProgramme(id: number): Promise<void> {
    await this.db.deleteFrom('programme_articles').where('programme_id', '=', id).execute();
    await this.db.deleteFrom('schedule_slots').where('programme_id', '=', id).execute();
    await this.db.deleteFrom('schedule_specials').where('programme_id', '=', id).execute();
    await this.db.deleteFrom('programmes').where('id', '=', id).execute();
  }

  async insertSlot(slot: Omit<WeeklySlot, 'id'>, now: Date): Promise<WeeklySlot> {
    const row = await this.db
      .insertInto('schedule_slots')
      .values({ programme_id: slot.programmeId, weekdays: slot.weekdays, start_time: slot.start, duration_minutes: slot.durationMinutes, valid_from: slot.validFrom, valid_until: slot.validUntil, created_at: now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToSlot(row);
  }

  async deleteSlot(id: number): Promise<void> {
    await this.db.deleteFrom('schedule_slots').where('id', '=', id).execute();
  }

  async insertSpecial(special: Omit<Special, 'id'>, now: Date): Promise<Special> {
    const row = await this.db
      .insertInto('schedule_specials')
      .values({ programme_id: special.programmeId, starts_at: special.startsAt, duration_minutes: special.durationMinutes, created_at: now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToSpecial(row);
  }

  async deleteSpecial(id: number): Promise<void> {
    await this.db.deleteFrom('schedule_specials').where('id', '=', id).execute();
  }

  async linkArticle(programmeId: number, articleId: number, now: Date): Promise<boolean> {
    const exists = await this.db.selectFrom('programme_articles').select('article_id').where('programme_id', '=', programmeId).where('article_id', '=', articleId).executeTakeFirst();
    if (exists) return false;
    await this.db.insertInto('programme_articles').values({ programme_id: programmeId, article_id: articleId, created_at: now.toISOString() }).execute();
    return true;
  }

  async unlinkArticle(programmeId: number, articleId: number): Promise<void> {
    await this.db.deleteFrom('programme_articles').where('programme_id', '=', programmeId).where('article_id', '=', articleId).execute();
  }
}
