/**
 * The broadcast schedule as pure rules: a channel's weekly slots and one-off specials turned
 * into concrete airings (UTC instants) for any range of time, "on now" and "up next", and the
 * week grouped by the channel's local days. No I/O and no date library: time zones are
 * IANA names read through Intl.
 *
 * The model (docs/live.md):
 * - A weekly slot is wall-clock time in the channel's zone: "Mondays and Fridays, 23:00, 120
 *   minutes" starts at 23:00 local and ends at 01:00 local the next day, whatever the date.
 *   Both ends are local times, so a grid of back-to-back slots stays back to back across DST
 *   changes; on the night the clocks change, a slot spanning the change is an hour shorter or
 *   longer in real time.
 * - A local time that does not exist (the spring-forward gap: 02:30 in Madrid on the last
 *   Sunday of March) means the first instant after the gap (03:00 local). A local time that
 *   happens twice (the fall-back overlap: 01:30 in New York on the first Sunday of November)
 *   means its first occurrence.
 * - valid_from / valid_until are local dates (inclusive) on which an airing may *start*.
 * - A special is a UTC instant plus a duration in real minutes. It takes its time out of any
 *   weekly airing it overlaps: what is left of that airing before and after it stays.
 * - Weekly airings that overlap each other (the newsroom refuses to save those, see
 *   `weeklyClash`) are resolved by the later start: the earlier airing ends when it begins.
 */

/** ISO weekdays: 1 Monday ... 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
/** Every day of the week, as a slot's bitmask. */
export const EVERY_DAY = 0b1111111;
/** The longest slot or special: a whole day. */
export const MAX_DURATION_MINUTES = 24 * 60;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface WeeklySlot {
  id: number;
  programmeId: number;
  /** Bit 0 Monday ... bit 6 Sunday. */
  weekdays: number;
  /** Local wall-clock start in the channel's zone, 'HH:MM' (24 h). */
  start: string;
  durationMinutes: number;
  /** First local date (inclusive, 'YYYY-MM-DD') an airing may start; null: no limit. */
  validFrom: string | null;
  /** Last local date (inclusive) an airing may start; null: no limit. */
  validUntil: string | null;
}

export interface Special {
  id: number;
  programmeId: number;
  /** ISO 8601 UTC instant. */
  startsAt: string;
  /** Real minutes. */
  durationMinutes: number;
}

/** One concrete broadcast of a programme. */
export interface Airing {
  programmeId: number;
  kind: 'weekly' | 'special';
  /** The id of the weekly slot or the special it comes from. */
  sourceId: number;
  /** ISO 8601 UTC. */
  startsAt: string;
  endsAt: string;
}

export interface ScheduleInput {
  timeZone: string;
  slots: readonly WeeklySlot[];
  specials: readonly Special[];
}

// ---- weekdays ----------------------------------------------------------------------------

export const weekdayBit = (day: Weekday): number => 1 << (day - 1);

export function weekdaysOf(mask: number): Weekday[] {
  return WEEKDAYS.filter((d) => (mask & weekdayBit(d)) !== 0);
}

export function weekdayMask(days: readonly Weekday[]): number {
  return days.reduce((mask, d) => mask | weekdayBit(d), 0);
}

export const isWeekday = (n: number): n is Weekday => Number.isInteger(n) && n >= 1 && n <= 7;

// ---- calendar dates and clock times ------------------------------------------------------

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date written 'YYYY-MM-DD'. */
export function isLocalDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1970 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Minutes after midnight of 'HH:MM' (00:00-23:59), or undefined. */
export function parseClock(value: string): number | undefined {
  const m = CLOCK_PATTERN.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

export const formatClock = (minutes: number): string => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function dateMs(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved). */
export const addDays = (date: string, days: number): string => new Date(dateMs(date) + days * DAY).toISOString().slice(0, 10);

export function weekdayOfDate(date: string): Weekday {
  const sundayFirst = new Date(dateMs(date)).getUTCDay();
  return (((sundayFirst + 6) % 7) + 1) as Weekday;
}

// ---- time zones --------------------------------------------------------------------------

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An IANA zone name this runtime knows ('Europe/Madrid', 'UTC'); offsets like '+01:00' are not zones. */
export function isValidTimeZone(value: string): boolean {
  if (!IANA_NAME.test(value) || value.length > 64) return false;
  try {
    formatterFor(value);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Local time minus UTC at an instant, in minutes (Madrid in summer: 120). */
export function offsetMinutes(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClock(whole, timeZone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole) / MINUTE);
}

export interface LocalTime {
  /** 'YYYY-MM-DD' in the zone. */
  date: string;
  /** 'HH:MM' in the zone. */
  time: string;
  /** Minutes after local midnight. */
  minutes: number;
  weekday: Weekday;
}

/** An instant as the zone's wall clock shows it. */
export function toLocal(instant: Date | number | string, timeZone: string): LocalTime {
  const ms = typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime();
  const w = wallClock(ms, timeZone);
  const date = `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  const minutes = w.hour * 60 + w.minute;
  return { date, time: formatClock(minutes), minutes, weekday: weekdayOfDate(date) };
}

const conversions = new Map<string, number>();

/**
 * The UTC instant (ms) of a local wall-clock time: `minutes` after midnight of `date` in the
 * zone (1500 is 01:00 the next day). In the spring-forward gap: the first instant after it
 * (02:30 becomes 03:00). In the fall-back overlap: the first occurrence.
 */
export function localToUtc(date: string, minutes: number, timeZone: string): number {
  const key = `${timeZone}|${date}|${minutes}`;
  const known = conversions.get(key);
  if (known !== undefined) return known;
  const wall = dateMs(date) + minutes * MINUTE;
  // One transition at most within a day either side (true of every real zone).
  const before = offsetMinutes(wall - DAY, timeZone);
  const after = offsetMinutes(wall + DAY, timeZone);
  const candidates = [...new Set([before, after])].map((o) => wall - o * MINUTE).filter((t) => offsetMinutes(t, timeZone) * MINUTE === wall - t);
  let result: number;
  if (candidates.length > 0) {
    result = Math.min(...candidates);
  } else if (before === after) {
    result = wall - before * MINUTE;
  } else {
    // In the gap: the transition instant, between the wall time read with either offset.
    let lo = wall - Math.max(before, after) * MINUTE;
    let hi = wall - Math.min(before, after) * MINUTE;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
      if (offsetMinutes(mid, timeZone) === after) hi = mid;
      else lo = mid;
    }
    result = hi;
  }
  if (conversions.size > 20_000) conversions.clear();
  conversions.set(key, result);
  return result;
}

/** 'YYYY-MM-DDTHH:MM' (an `<input type="datetime-local">`) in the zone, as a UTC instant. */
export function parseLocalDateTime(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value.trim());
  if (!m || !isLocalDate(m[1] ?? '')) return undefined;
  const minutes = parseClock(m[2] ?? '');
  if (minutes === undefined) return undefined;
  return new Date(localToUtc(m[1] ?? '', minutes, timeZone));
}

/** The instant as an `<input type="datetime-local">` value in the zone. */
export function formatLocalDateTime(instant: string | number | Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${l.date}T${l.time}`;
}

/** XMLTV's time format: '20261130090000 -0400', in the zone's offset at that instant. */
export function xmltvTime(instant: string | number | Date, timeZone: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime();
  const offset = offsetMinutes(ms, timeZone);
  const w = wallClock(ms, timeZone);
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${p(w.year, 4)}${p(w.month)}${p(w.day)}${p(w.hour)}${p(w.minute)}${p(w.second)} ${sign}${p(Math.floor(abs / 60))}${p(abs % 60)}`;
}

// ---- expanding the schedule --------------------------------------------------------------

interface Span {
  programmeId: number;
  kind: Airing['kind'];
  sourceId: number;
  start: number;
  end: number;
}

const toAiring = (s: Span): Airing => ({ programmeId: s.programmeId, kind: s.kind, sourceId: s.sourceId, startsAt: new Date(s.start).toISOString(), endsAt: new Date(s.end).toISOString() });

/** Sorted by start; where two overlap, the earlier one ends when the later one begins. */
function laterStartWins(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.sourceId - b.sourceId);
  const out: Span[] = [];
  sorted.forEach((s, i) => {
    const next = sorted[i + 1];
    const end = next && next.start < s.end ? next.start : s.end;
    if (end > s.start) out.push({ ...s, end });
  });
  return out;
}

/** What is left of a span outside the given (sorted, disjoint) spans. */
function subtract(span: Span, cuts: readonly Span[]): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (const c of cuts) {
    if (c.end <= start || c.start >= span.end) continue;
    if (c.start > start) out.push({ ...span, start, end: c.start });
    start = Math.max(start, c.end);
  }
  if (start < span.end) out.push({ ...span, start });
  return out;
}

/** Whether a weekly slot may start an airing on a local date. */
export function airsOn(slot: Pick<WeeklySlot, 'weekdays' | 'validFrom' | 'validUntil'>, date: string): boolean {
  if ((slot.weekdays & weekdayBit(weekdayOfDate(date))) === 0) return false;
  if (slot.validFrom !== null && date < slot.validFrom) return false;
  if (slot.validUntil !== null && date > slot.validUntil) return false;
  return true;
}

/**
 * Every airing that overlaps [from, to), sorted by start, none overlapping another. Weekly
 * slots are read in the zone's wall-clock time; specials override what they overlap.
 */
export function expandSchedule(input: ScheduleInput, from: Date, to: Date): Airing[] {
  const { timeZone } = input;
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!(toMs > fromMs)) return [];
  // A slot lasts a day at most, so one that started two local days before `from` is over.
  const firstDate = toLocal(fromMs - 2 * DAY, timeZone).date;
  const lastDate = toLocal(toMs, timeZone).date;
  const weekly: Span[] = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    for (const slot of input.slots) {
      const startMinutes = parseClock(slot.start);
      if (startMinutes === undefined || slot.durationMinutes <= 0 || !airsOn(slot, date)) continue;
      const start = localToUtc(date, startMinutes, timeZone);
      const end = localToUtc(date, startMinutes + Math.min(slot.durationMinutes, MAX_DURATION_MINUTES), timeZone);
      // A slot wholly inside a spring-forward gap does not air that day.
      if (end > start) weekly.push({ programmeId: slot.programmeId, kind: 'weekly', sourceId: slot.id, start, end });
    }
  }
  const specials = laterStartWins(
    input.specials.flatMap((s) => {
      const start = Date.parse(s.startsAt);
      return Number.isNaN(start) || s.durationMinutes <= 0 ? [] : [{ programmeId: s.programmeId, kind: 'special' as const, sourceId: s.id, start, end: start + s.durationMinutes * MINUTE }];
    }),
  );
  const regular = laterStartWins(weekly).flatMap((w) => subtract(w, specials));
  return [...regular, ...specials]
    .filter((s) => s.end > fromMs && s.start < toMs)
    .sort((a, b) => a.start - b.start)
    .map(toAiring);
}

/** What is on at an instant, and what starts next (airings sorted, as expandSchedule makes them). */
export function nowAndNext(airings: readonly Airing[], at: Date | number): { now: Airing | undefined; next: Airing | undefined } {
  const t = typeof at === 'number' ? at : at.getTime();
  const now = airings.find((a) => Date.parse(a.startsAt) <= t && t < Date.parse(a.endsAt));
  const next = airings.find((a) => Date.parse(a.startsAt) > t);
  return { now, next };
}

// ---- the week ----------------------------------------------------------------------------

export interface ScheduleWindow {
  /** Local midnight of the first day, as an instant. */
  from: Date;
  /** Local midnight after the last day. */
  to: Date;
  /** The local dates, 'YYYY-MM-DD'. */
  dates: string[];
}

/** `days` local days from the one `at` falls on (7: the week from today). */
export function daysFrom(at: Date | number, timeZone: string, days = 7): ScheduleWindow {
  const today = toLocal(at, timeZone).date;
  const dates = Array.from({ length: days }, (_, i) => addDays(today, i));
  return { from: new Date(localToUtc(today, 0, timeZone)), to: new Date(localToUtc(addDays(today, days), 0, timeZone)), dates };
}

export interface ScheduleDay {
  date: string;
  weekday: Weekday;
  airings: Airing[];
}

/**
 * Airings by the local day they start on. One that started before the first day (the
 * overnight show still running at midnight) opens the first day.
 */
export function groupByLocalDay(airings: readonly Airing[], timeZone: string, dates: readonly string[]): ScheduleDay[] {
  const days = dates.map((date): ScheduleDay => ({ date, weekday: weekdayOfDate(date), airings: [] }));
  const first = days[0];
  if (!first) return days;
  const byDate = new Map(days.map((d) => [d.date, d]));
  for (const a of airings) {
    const date = toLocal(a.startsAt, timeZone).date;
    const day = byDate.get(date) ?? (date < first.date ? first : undefined);
    day?.airings.push(a);
  }
  return days;
}

// ---- checks the newsroom runs before saving ----------------------------------------------

export type SlotShape = Pick<WeeklySlot, 'weekdays' | 'start' | 'durationMinutes' | 'validFrom' | 'validUntil'>;

const WEEK_MINUTES = 7 * 24 * 60;

/**
 * The first weekday on which slot `a` starts an airing that overlaps one of `b`, in wall-clock
 * terms (what the grid shows), or undefined when they never meet. Their valid dates must
 * overlap too.
 */
export function weeklyClash(a: SlotShape, b: SlotShape): Weekday | undefined {
  const openStart = (d: string | null) => d ?? '0000-01-01';
  const openEnd = (d: string | null) => d ?? '9999-12-31';
  if (openStart(a.validFrom) > openEnd(b.validUntil) || openStart(b.validFrom) > openEnd(a.validUntil)) return undefined;
  const sa = parseClock(a.start);
  const sb = parseClock(b.start);
  if (sa === undefined || sb === undefined) return undefined;
  for (const da of weekdaysOf(a.weekdays)) {
    const aStart = (da - 1) * 1440 + sa;
    const aEnd = aStart + a.durationMinutes;
    for (const db of weekdaysOf(b.weekdays)) {
      const bStart = (db - 1) * 1440 + sb;
      // The week wraps around: Sunday night runs into Monday morning.
      for (const shift of [-WEEK_MINUTES, 0, WEEK_MINUTES]) {
        if (aStart < bStart + shift + b.durationMinutes && bStart + shift < aEnd) return da;
      }
    }
  }
  return undefined;
}

/** Whether two specials' times overlap. */
export function specialsOverlap(a: Pick<Special, 'startsAt' | 'durationMinutes'>, b: Pick<Special, 'startsAt' | 'durationMinutes'>): boolean {
  const as = Date.parse(a.startsAt);
  const bs = Date.parse(b.startsAt);
  return as < bs + b.durationMinutes * MINUTE && bs < as + a.durationMinutes * MINUTE;
}
