/**
 * Newsroom forms use `<input type="datetime-local">`, which has no time zone: the desk means
 * the site's zone (SITE_TIME_ZONE). These convert between that wall-clock time and UTC.
 */
// The zone's offset at an instant, from the wall-clock conversions the live schedules use.
import { offsetMinutes } from '../core/schedule.js';

/** '2026-03-01T14:30' in Europe/Madrid -> the UTC instant. Undefined for an empty or bad value. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  // Two passes settle the offset across a DST change.
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  const date = new Date(guess);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The UTC instant as a datetime-local value in the zone. */
export function utcToZonedLocal(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const instant = new Date(iso);
  const local = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}
