import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OnAirState } from './on-air-watch.js';
import { watchOnAir } from './on-air-watch.js';

const MINUTE = 60_000;

describe('watchOnAir', () => {
  let clears: number;
  let errors: number;
  beforeEach(() => {
    vi.useFakeTimers();
    clears = 0;
    errors = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A schedule as a function of time: what is shown, and until when. */
  function watch(schedule: (now: number) => OnAirState) {
    return watchOnAir({ read: () => Promise.resolve(schedule(Date.now())), clearPages: () => clears++, onError: () => errors++ });
  }

  it('clears the cached pages when the programme on air changes, and only then', async () => {
    const start = Date.now();
    // News until +30 min, News again until +60 (same header), then Sport.
    const w = watch((now) => (now < start + 60 * MINUTE ? { shown: 'News', nextChangeAt: now < start + 30 * MINUTE ? start + 30 * MINUTE : start + 60 * MINUTE } : { shown: 'Sport', nextChangeAt: start + 120 * MINUTE }));
    await vi.advanceTimersByTimeAsync(59 * MINUTE);
    expect(clears).toBe(0);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(clears).toBe(1);
    w.stop();
  });

  it('never clears them while nothing is on air', async () => {
    const w = watch((now) => ({ shown: 'none', nextChangeAt: now + 15 * MINUTE }));
    await vi.advanceTimersByTimeAsync(6 * 60 * MINUTE);
    expect(clears).toBe(0);
    w.stop();
  });

  it('looks again at once when the schedule is edited', async () => {
    let programme = 'News';
    const w = watch((now) => ({ shown: programme, nextChangeAt: now + 60 * MINUTE }));
    await vi.advanceTimersByTimeAsync(1);
    // An editor renames what is on air: every page's header must follow now, not at its end.
    programme = 'Special report';
    w.checkNow();
    await vi.advanceTimersByTimeAsync(1);
    expect(clears).toBe(1);
    // And the next look is still at the programme's end, once.
    await vi.advanceTimersByTimeAsync(61 * MINUTE);
    expect(clears).toBe(1);
    w.stop();
  });

  it('tries again after a failed read, and stops when told', async () => {
    let fail = true;
    const w = watchOnAir({
      read: () => (fail ? Promise.reject(new Error('database down')) : Promise.resolve({ shown: 'News', nextChangeAt: Date.now() + MINUTE })),
      clearPages: () => clears++,
      onError: () => errors++,
    });
    await vi.advanceTimersByTimeAsync(1);
    expect(errors).toBe(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(61_000);
    expect(errors).toBe(1);
    w.stop();
    fail = true;
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(errors).toBe(1);
  });
});
