import { describe, expect, it } from 'vitest';
import type { WorkflowState } from './workflow.js';
import { isDue, transition } from './workflow.js';

const now = new Date('2026-03-01T12:00:00Z');
const draft: WorkflowState = { status: 'draft', publishedAt: null, scheduledAt: null, embargoUntil: null };
const ok = (t: ReturnType<typeof transition>) => {
  if (!t.ok) throw new Error(t.reason);
  return t.next;
};

describe('editorial workflow', () => {
  it('draft -> review -> published, stamping the publication time once', () => {
    const review = ok(transition(draft, 'submit', now));
    expect(review.status).toBe('review');
    const published = ok(transition(review, 'publish', now));
    expect(published).toMatchObject({ status: 'published', publishedAt: now.toISOString() });
    const again = ok(transition(ok(transition(published, 'unpublish', now)), 'publish', new Date('2026-03-02T00:00:00Z')));
    expect(again.publishedAt).toBe(now.toISOString());
  });

  it('refuses transitions that make no sense, with a reason', () => {
    expect(transition(draft, 'unpublish', now)).toMatchObject({ ok: false, reason: expect.stringContaining('not published') as string });
    expect(transition(draft, 'return', now).ok).toBe(false);
    expect(transition({ ...draft, status: 'review' }, 'submit', now).ok).toBe(false);
    expect(transition({ ...draft, status: 'published' }, 'publish', now).ok).toBe(false);
    expect(transition(draft, 'unschedule', now).ok).toBe(false);
  });

  it('schedules only in the future', () => {
    expect(transition(draft, 'schedule', now, new Date('2026-03-01T11:00:00Z')).ok).toBe(false);
    expect(transition(draft, 'schedule', now).ok).toBe(false);
    expect(ok(transition(draft, 'schedule', now, new Date('2026-03-01T13:00:00Z')))).toMatchObject({ status: 'scheduled', scheduledAt: '2026-03-01T13:00:00.000Z' });
  });

  it('never lets a story out before its embargo, whoever presses publish', () => {
    const embargoed = { ...draft, embargoUntil: '2026-03-01T18:00:00.000Z' };
    expect(ok(transition(embargoed, 'publish', now))).toMatchObject({ status: 'scheduled', scheduledAt: '2026-03-01T18:00:00.000Z' });
    expect(ok(transition(embargoed, 'schedule', now, new Date('2026-03-01T13:00:00Z'))).scheduledAt).toBe('2026-03-01T18:00:00.000Z');
    expect(isDue({ ...embargoed, status: 'scheduled', scheduledAt: '2026-03-01T11:00:00.000Z' }, now)).toBe(false);
    expect(isDue({ ...embargoed, status: 'scheduled', scheduledAt: '2026-03-01T11:00:00.000Z' }, new Date('2026-03-01T18:00:01Z'))).toBe(true);
  });
});
