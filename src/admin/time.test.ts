import { describe, expect, it } from 'vitest';
import { utcToZonedLocal, zonedLocalToUtc } from './time.js';

describe('newsroom times in the site zone', () => {
  it('converts wall-clock times to UTC and back, across DST', () => {
    expect(zonedLocalToUtc('2026-01-15T10:00', 'Europe/Madrid')?.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(zonedLocalToUtc('2026-07-15T10:00', 'Europe/Madrid')?.toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(zonedLocalToUtc('2026-03-01T10:00', 'America/Caracas')?.toISOString()).toBe('2026-03-01T14:00:00.000Z');
    expect(zonedLocalToUtc('2026-03-01T10:00', 'UTC')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(utcToZonedLocal('2026-07-15T08:00:00.000Z', 'Europe/Madrid')).toBe('2026-07-15T10:00');
  });

  it('refuses malformed input', () => {
    expect(zonedLocalToUtc('', 'UTC')).toBeUndefined();
    expect(zonedLocalToUtc('tomorrow', 'UTC')).toBeUndefined();
  });
});
