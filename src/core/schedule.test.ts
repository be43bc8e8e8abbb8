/**
 * The schedule's rules: weekly slots in a channel's wall-clock time, across midnight and
 * across both DST changes in Europe/Madrid and America/New_York, a zone without DST
 * (America/Caracas), specials overriding slots, valid dates, now/next and the week view.
 */
import { describe, expect, it } from 'vitest';
import type { Airing, Special, WeeklySlot } from './schedule.js';
import {
  EVERY_DAY,
  addDays,
  daysFrom,
  expandSchedule,
  formatLocalDateTime,
  groupByLocalDay,
  isLocalDate,
  isValidTimeZone,
  localToUtc,
  nowAndNext,
  offsetMinutes,
  parseClock,
  parseLocalDateTime,
  specialsOverlap,
  toLocal,
  weekdayMask,
  weekdayOfDate,
  weekdaysOf,
  weeklyClash,
  xmltvTime,
} from './schedule.js';

let ids = 0;
const slot = (programmeId: number, start: string, durationMinutes: number, extra: Partial<WeeklySlot> = {}): WeeklySlot => ({ id: ++ids, programmeId, weekdays: EVERY_DAY, start, durationMinutes, validFrom: null, validUntil: null, ...extra });
const special = (programmeId: number, startsAt: string, durationMinutes: number): Special => ({ id: ++ids, programmeId, startsAt, durationMinutes });
const at = (iso: string) => new Date(iso);
/** [programme, start, end] triples: compact to compare. */
const spans = (airings: readonly Airing[]) => airings.map((a) => [a.programmeId, a.startsAt.replace(':00.000Z', 'Z'), a.endsAt.replace(':00.000Z', 'Z')]);
const local = (iso: string, tz: string) => {
  const l = toLocal(iso, tz);
  return `${l.date} ${l.time}`;
};

describe('calendar helpers', () => {
  it('reads dates, clock times and weekdays', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBeUndefined();
    expect(parseClock('7:30')).toBeUndefined();
    expect(weekdayOfDate('2026-11-30')).toBe(1); // a Monday
    expect(weekdayOfDate('2026-11-29')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdaysOf(weekdayMask([1, 5, 7]))).toEqual([1, 5, 7]);
  });

  it('accepts IANA zone names only', () => {
    for (const tz of ['Europe/Madrid', 'America/New_York', 'America/Caracas', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5']) expect(isValidTimeZone(tz), tz).toBe(true);
    for (const tz of ['', 'Mars/Olympus_Mons', '+01:00', 'Europe/Madrid ', 'CET; drop table', 'Europe/../etc']) expect(isValidTimeZone(tz), tz).toBe(false);
  });
});

describe('local wall-clock time to UTC', () => {
  it('uses the offset in force on that date', () => {
    expect(new Date(localToUtc('2026-01-15', 9 * 60, 'Europe/Madrid')).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(new Date(localToUtc('2026-07-15', 9 * 60, 'Europe/Madrid')).toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(new Date(localToUtc('2026-07-15', 9 * 60, 'America/New_York')).toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(new Date(localToUtc('2026-11-30', 9 * 60, 'America/Caracas')).toISOString()).toBe('2026-11-30T13:00:00.000Z');
    // Minutes past 24 h run into the next day.
    expect(new Date(localToUtc('2026-11-30', 25 * 60, 'America/Caracas')).toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });

  it('moves a time in the spring-forward gap to the end of the gap (Madrid, New York)', () => {
    // Madrid: 29 March 2026, 02:00 CET becomes 03:00 CEST (01:00 UTC).
    expect(new Date(localToUtc('2026-03-29', 2 * 60 + 30, 'Europe/Madrid')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(local('2026-03-29T01:00:00Z', 'Europe/Madrid')).toBe('2026-03-29 03:00');
    // New York: 8 March 2026, 02:00 EST becomes 03:00 EDT (07:00 UTC).
    expect(new Date(localToUtc('2026-03-08', 2 * 60 + 30, 'America/New_York')).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    // Either side of the gap is untouched.
    expect(new Date(localToUtc('2026-03-08', 60 + 59, 'America/New_York')).toISOString()).toBe('2026-03-08T06:59:00.000Z');
    expect(new Date(localToUtc('2026-03-08', 3 * 60, 'America/New_York')).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('takes the first occurrence of a time in the fall-back overlap (Madrid, New York)', () => {
    // Madrid: 25 October 2026, 03:00 CEST goes back to 02:00 CET; 02:30 happens twice.
    expect(new Date(localToUtc('2026-10-25', 2 * 60 + 30, 'Europe/Madrid')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // New York: 1 November 2026, 02:00 EDT goes back to 01:00 EST; 01:30 happens twice.
    expect(new Date(localToUtc('2026-11-01', 60 + 30, 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(localToUtc('2026-11-01', 2 * 60, 'America/New_York')).toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('reads datetime-local values in the zone and writes them back', () => {
    expect(parseLocalDateTime('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(parseLocalDateTime('2026-02-30T10:00', 'America/New_York')).toBeUndefined();
    expect(parseLocalDateTime('tomorrow', 'America/New_York')).toBeUndefined();
    expect(formatLocalDateTime('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-01T01:30');
  });

  it('writes XMLTV times with the zone offset in force', () => {
    expect(xmltvTime('2026-11-30T13:00:00Z', 'America/Caracas')).toBe('20261130090000 -0400');
    expect(xmltvTime('2026-07-15T07:00:00Z', 'Europe/Madrid')).toBe('20260715090000 +0200');
    expect(xmltvTime('2026-01-15T08:00:00Z', 'Europe/Madrid')).toBe('20260115090000 +0100');
    expect(xmltvTime('2026-01-15T08:00:00Z', 'UTC')).toBe('20260115080000 +0000');
    expect(offsetMinutes(at('2026-11-01T05:30:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(at('2026-11-01T06:30:00Z'), 'America/New_York')).toBe(-300);
  });
});

describe('expanding weekly slots', () => {
  it('places every slot on its weekdays in the channel zone, without DST (Caracas)', () => {
    const weekdaysOnly = weekdayMask([1, 2, 3, 4, 5]);
    const airings = expandSchedule({ timeZone: 'America/Caracas', slots: [slot(1, '09:00', 60, { weekdays: weekdaysOnly }), slot(2, '10:00', 30)], specials: [] }, at('2026-11-28T04:00:00Z'), at('2026-12-01T04:00:00Z'));
    // Saturday 28 and Sunday 29 November have only the 10:00 show; Monday 30 has both.
    expect(spans(airings)).toEqual([
      [2, '2026-11-28T14:00Z', '2026-11-28T14:30Z'],
      [2, '2026-11-29T14:00Z', '2026-11-29T14:30Z'],
      [1, '2026-11-30T13:00Z', '2026-11-30T14:00Z'],
      [2, '2026-11-30T14:00Z', '2026-11-30T14:30Z'],
    ]);
  });

  it('runs a slot across midnight into the next day, and finds it there', () => {
    const tz = 'America/Caracas';
    const airings = expandSchedule({ timeZone: tz, slots: [slot(1, '23:00', 120, { weekdays: weekdayMask([1]) }), slot(2, '01:00', 60, { weekdays: weekdayMask([2]) })], specials: [] }, at('2026-11-30T04:00:00Z'), at('2026-12-02T04:00:00Z'));
    expect(spans(airings)).toEqual([
      [1, '2026-12-01T03:00Z', '2026-12-01T05:00Z'],
      [2, '2026-12-01T05:00Z', '2026-12-01T06:00Z'],
    ]);
    // Tuesday 00:30 local: Monday's late show is on, Tuesday's 01:00 show is next.
    const { now, next } = nowAndNext(airings, at('2026-12-01T04:30:00Z'));
    expect(now?.programmeId).toBe(1);
    expect(next?.programmeId).toBe(2);
    // A range starting after midnight still sees the show that began the evening before.
    const late = expandSchedule({ timeZone: tz, slots: [slot(1, '23:00', 120, { weekdays: weekdayMask([1]) })], specials: [] }, at('2026-12-01T04:30:00Z'), at('2026-12-01T05:30:00Z'));
    expect(spans(late)).toEqual([[1, '2026-12-01T03:00Z', '2026-12-01T05:00Z']]);
  });

  it('keeps a back-to-back grid back to back across the spring-forward night (Madrid)', () => {
    const tz = 'Europe/Madrid';
    const slots = [slot(1, '00:00', 360), slot(2, '06:00', 60), slot(3, '02:30', 60, { weekdays: weekdayMask([7]), validFrom: '2026-03-29', validUntil: '2026-03-29' })];
    // Drop the overnight slot's overlap with the 02:30 special slot by giving it its own channel.
    const overnight = expandSchedule({ timeZone: tz, slots: [slots[0] as WeeklySlot, slots[1] as WeeklySlot], specials: [] }, at('2026-03-28T22:00:00Z'), at('2026-03-29T05:00:00Z'));
    expect(spans(overnight)).toEqual([
      // 00:00 CET (23:00 UTC) to 06:00 CEST (04:00 UTC): five hours of real time.
      [1, '2026-03-28T23:00Z', '2026-03-29T04:00Z'],
      [2, '2026-03-29T04:00Z', '2026-03-29T05:00Z'],
    ]);
    // 02:30 does not exist that night: the slot starts at 03:00 CEST and ends at 03:30 CEST.
    const gap = expandSchedule({ timeZone: tz, slots: [slots[2] as WeeklySlot], specials: [] }, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'));
    expect(spans(gap)).toEqual([[3, '2026-03-29T01:00Z', '2026-03-29T01:30Z']]);
    expect(local(gap[0]?.startsAt ?? '', tz)).toBe('2026-03-29 03:00');
  });

  it('leaves out a slot that lies wholly inside the spring-forward gap', () => {
    const airings = expandSchedule({ timeZone: 'America/New_York', slots: [slot(1, '02:00', 30)], specials: [] }, at('2026-03-07T00:00:00Z'), at('2026-03-10T00:00:00Z'));
    expect(airings.map((a) => local(a.startsAt, 'America/New_York'))).toEqual(['2026-03-07 02:00', '2026-03-09 02:00']);
  });

  it('starts a slot in the fall-back overlap at its first occurrence, and the grid stays whole (New York)', () => {
    const tz = 'America/New_York';
    const airings = expandSchedule({ timeZone: tz, slots: [slot(1, '00:00', 90), slot(2, '01:30', 270)], specials: [] }, at('2026-11-01T04:00:00Z'), at('2026-11-01T11:00:00Z'));
    expect(spans(airings)).toEqual([
      [1, '2026-11-01T04:00Z', '2026-11-01T05:30Z'],
      // 01:30 EDT (first time) to 06:00 EST: five and a half hours of real time.
      [2, '2026-11-01T05:30Z', '2026-11-01T11:00Z'],
    ]);
    // During the repeated hour (01:15 EST) the long show is on.
    expect(nowAndNext(airings, at('2026-11-01T06:15:00Z')).now?.programmeId).toBe(2);
  });

  it('handles both Madrid changes in one week view: days start at local midnight', () => {
    const spring = daysFrom(at('2026-03-28T12:00:00Z'), 'Europe/Madrid', 2);
    expect(spring.dates).toEqual(['2026-03-28', '2026-03-29']);
    expect(spring.from.toISOString()).toBe('2026-03-27T23:00:00.000Z');
    // The Sunday of the change is 23 hours long.
    expect(spring.to.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    const autumn = daysFrom(at('2026-10-25T12:00:00Z'), 'Europe/Madrid', 1);
    expect(autumn.from.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(autumn.to.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('honours valid_from and valid_until as local start dates', () => {
    const tz = 'America/Caracas';
    const airings = expandSchedule({ timeZone: tz, slots: [slot(1, '20:00', 60, { validFrom: '2026-12-02', validUntil: '2026-12-03' })], specials: [] }, at('2026-11-30T04:00:00Z'), at('2026-12-06T04:00:00Z'));
    expect(airings.map((a) => local(a.startsAt, tz))).toEqual(['2026-12-02 20:00', '2026-12-03 20:00']);
    // A late show that starts on its last valid day still runs past midnight.
    const late = expandSchedule({ timeZone: tz, slots: [slot(2, '23:30', 60, { validUntil: '2026-12-01' })], specials: [] }, at('2026-12-01T00:00:00Z'), at('2026-12-04T00:00:00Z'));
    expect(late.map((a) => `${local(a.startsAt, tz)} - ${local(a.endsAt, tz)}`)).toEqual(['2026-11-30 23:30 - 2026-12-01 00:30', '2026-12-01 23:30 - 2026-12-02 00:30']);
  });

  it('resolves overlapping weekly slots by the later start', () => {
    const airings = expandSchedule({ timeZone: 'UTC', slots: [slot(1, '10:00', 120), slot(2, '11:00', 60)], specials: [] }, at('2026-11-30T00:00:00Z'), at('2026-12-01T00:00:00Z'));
    expect(spans(airings)).toEqual([
      [1, '2026-11-30T10:00Z', '2026-11-30T11:00Z'],
      [2, '2026-11-30T11:00Z', '2026-11-30T12:00Z'],
    ]);
  });
});

describe('specials', () => {
  const tz = 'America/Caracas';
  const grid = [slot(1, '00:00', 360), slot(2, '06:00', 180), slot(3, '09:00', 900)];

  it('override the weekly airings they overlap; what is left before and after stays', () => {
    // 02:00-03:00 local on 30 November: the overnight news is cut in two around it.
    const s = special(9, '2026-11-30T06:00:00Z', 60);
    const airings = expandSchedule({ timeZone: tz, slots: grid, specials: [s] }, at('2026-11-30T04:00:00Z'), at('2026-11-30T13:00:00Z'));
    expect(spans(airings)).toEqual([
      [1, '2026-11-30T04:00Z', '2026-11-30T06:00Z'],
      [9, '2026-11-30T06:00Z', '2026-11-30T07:00Z'],
      [1, '2026-11-30T07:00Z', '2026-11-30T10:00Z'],
      [2, '2026-11-30T10:00Z', '2026-11-30T13:00Z'],
    ]);
    expect(airings[1]).toMatchObject({ kind: 'special', sourceId: s.id });
    const { now, next } = nowAndNext(airings, at('2026-11-30T05:59:00Z'));
    expect([now?.programmeId, next?.programmeId]).toEqual([1, 9]);
  });

  it('replace whole airings, across several slots, and may cross midnight', () => {
    // An election night special from 20:00 to 02:00 local.
    const s = special(9, '2026-12-01T00:00:00Z', 360);
    const airings = expandSchedule({ timeZone: tz, slots: grid, specials: [s] }, at('2026-11-30T20:00:00Z'), at('2026-12-01T12:00:00Z'));
    expect(spans(airings)).toEqual([
      [3, '2026-11-30T13:00Z', '2026-12-01T00:00Z'],
      [9, '2026-12-01T00:00Z', '2026-12-01T06:00Z'],
      [1, '2026-12-01T06:00Z', '2026-12-01T10:00Z'],
      [2, '2026-12-01T10:00Z', '2026-12-01T13:00Z'],
    ]);
    expect(nowAndNext(airings, at('2026-12-01T04:00:00Z')).now?.kind).toBe('special');
  });

  it('are checked for overlap with each other', () => {
    expect(specialsOverlap({ startsAt: '2026-12-01T00:00:00Z', durationMinutes: 60 }, { startsAt: '2026-12-01T00:30:00Z', durationMinutes: 60 })).toBe(true);
    expect(specialsOverlap({ startsAt: '2026-12-01T00:00:00Z', durationMinutes: 60 }, { startsAt: '2026-12-01T01:00:00Z', durationMinutes: 60 })).toBe(false);
  });
});

describe('now, next and the week', () => {
  const tz = 'America/Caracas';
  const airings = expandSchedule({ timeZone: tz, slots: [slot(1, '06:00', 180), slot(2, '21:00', 600)], specials: [] }, at('2026-11-30T04:00:00Z'), at('2026-12-07T04:00:00Z'));

  it('switches at the exact boundary, and says nothing is on in a gap', () => {
    expect(nowAndNext(airings, at('2026-11-30T10:00:00Z')).now?.programmeId).toBe(1);
    const boundary = nowAndNext(airings, at('2026-11-30T13:00:00Z'));
    expect(boundary.now).toBeUndefined();
    expect(boundary.next?.programmeId).toBe(2);
    expect(nowAndNext(airings, at('2026-12-01T01:00:00Z')).now?.programmeId).toBe(2);
    expect(nowAndNext([], at('2026-12-01T01:00:00Z'))).toEqual({ now: undefined, next: undefined });
  });

  it('groups the week by local day; a show running at midnight opens the first day', () => {
    const week = daysFrom(at('2026-12-01T12:00:00Z'), tz);
    expect(week.dates).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
    const shown = expandSchedule({ timeZone: tz, slots: [slot(1, '06:00', 180), slot(2, '21:00', 600)], specials: [] }, week.from, week.to);
    const days = groupByLocalDay(shown, tz, week.dates);
    expect(days).toHaveLength(7);
    expect(days[0]?.weekday).toBe(2);
    // Monday's 21:00 show runs until 07:00 Tuesday: it opens Tuesday, then Tuesday's own two.
    expect(days[0]?.airings.map((a) => local(a.startsAt, tz))).toEqual(['2026-11-30 21:00', '2026-12-01 06:00', '2026-12-01 21:00']);
    expect(days[6]?.airings.map((a) => local(a.startsAt, tz))).toEqual(['2026-12-07 06:00', '2026-12-07 21:00']);
  });
});

describe('clashes the newsroom refuses', () => {
  const shape = (weekdays: number[], start: string, durationMinutes: number, validFrom: string | null = null, validUntil: string | null = null) => ({ weekdays: weekdayMask(weekdays as Array<1 | 2 | 3 | 4 | 5 | 6 | 7>), start, durationMinutes, validFrom, validUntil });

  it('finds overlapping weekly slots, including across midnight and the week wrap', () => {
    expect(weeklyClash(shape([1], '09:00', 60), shape([1], '09:30', 60))).toBe(1);
    expect(weeklyClash(shape([1], '09:00', 60), shape([1], '10:00', 60))).toBeUndefined();
    expect(weeklyClash(shape([1], '09:00', 60), shape([2], '09:00', 60))).toBeUndefined();
    expect(weeklyClash(shape([1], '23:00', 120), shape([2], '00:30', 30))).toBe(1);
    // Sunday night into Monday morning.
    expect(weeklyClash(shape([7], '23:00', 120), shape([1], '00:30', 30))).toBe(7);
    expect(weeklyClash(shape([1], '00:30', 30), shape([7], '23:00', 120))).toBe(1);
  });

  it('ignores slots whose valid dates never meet', () => {
    expect(weeklyClash(shape([1], '09:00', 60, null, '2026-11-30'), shape([1], '09:00', 60, '2026-12-01'))).toBeUndefined();
    expect(weeklyClash(shape([1], '09:00', 60, null, '2026-12-01'), shape([1], '09:00', 60, '2026-12-01'))).toBe(1);
  });
});
