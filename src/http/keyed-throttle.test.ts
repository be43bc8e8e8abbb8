import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedThrottle } from './keyed-throttle.js';

describe('KeyedThrottle', () => {
  let runs: Array<[string, boolean]>;
  const throttle = (intervalMs: number) => new KeyedThrottle<string, boolean>(intervalMs, (key, local) => runs.push([key, local]), (a, b) => a || b);

  beforeEach(() => {
    vi.useFakeTimers();
    runs = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first request at once and folds the rest of the interval into one run at its end', () => {
    const t = throttle(1000);
    t.request('a', false);
    expect(runs).toEqual([['a', false]]);
    vi.advanceTimersByTime(200);
    t.request('a', false);
    t.request('a', true);
    t.request('a', false);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(799);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1);
    // One run for the three, and one of them was local.
    expect(runs).toEqual([['a', false], ['a', true]]);
    vi.advanceTimersByTime(5000);
    expect(runs).toHaveLength(2);
  });

  it('runs at once again once an interval has passed, and keeps keys apart', () => {
    const t = throttle(1000);
    t.request('a', true);
    t.request('b', true);
    expect(runs).toEqual([['a', true], ['b', true]]);
    vi.advanceTimersByTime(1000);
    t.request('a', false);
    expect(runs).toEqual([['a', true], ['b', true], ['a', false]]);
  });

  it('with no interval, runs every request', () => {
    const t = throttle(0);
    for (let i = 0; i < 3; i++) t.request('a', true);
    expect(runs).toHaveLength(3);
  });

  it('flush runs what is pending at once, and only once', () => {
    const t = throttle(1000);
    t.request('a', false);
    t.request('a', true);
    t.flush();
    expect(runs).toEqual([['a', false], ['a', true]]);
    vi.advanceTimersByTime(2000);
    expect(runs).toHaveLength(2);
  });
});
