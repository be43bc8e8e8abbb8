import { describe, expect, it } from 'vitest';
import { isPubliclyVisible, visibleUpdateTime } from './articles.js';

describe('public visibility', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('shows only published stories whose time has come', () => {
    expect(isPubliclyVisible({ status: 'published', publishedAt: '2026-03-01T11:59:00Z' }, now)).toBe(true);
    expect(isPubliclyVisible({ status: 'published', publishedAt: '2026-03-01T12:01:00Z' }, now)).toBe(false);
    expect(isPubliclyVisible({ status: 'scheduled', publishedAt: '2026-03-01T11:00:00Z' }, now)).toBe(false);
    expect(isPubliclyVisible({ status: 'draft', publishedAt: null }, now)).toBe(false);
  });

  it('shows an Updated time only when it is meaningfully after publication', () => {
    expect(visibleUpdateTime({ publishedAt: '2026-03-01T10:00:00Z', displayUpdatedAt: '2026-03-01T10:00:30Z' })).toBeNull();
    expect(visibleUpdateTime({ publishedAt: '2026-03-01T10:00:00Z', displayUpdatedAt: '2026-03-01T14:00:00Z' })).toBe('2026-03-01T14:00:00Z');
    expect(visibleUpdateTime({ publishedAt: null, displayUpdatedAt: '2026-03-01T14:00:00Z' })).toBeNull();
  });
});
