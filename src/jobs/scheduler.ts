/**
 * Publishes scheduled stories when their time comes. The schedule lives in the database, so
 * a restart loses nothing: the first tick after start publishes whatever fell due meanwhile.
 */
import type { Newsroom } from '../services/newsroom.js';

export interface Scheduler {
  stop(): void;
  /** One pass, for tests and for the first tick. */
  tick(): Promise<number[]>;
}

export function startScheduler(newsroom: Newsroom, intervalMs: number, onError: (err: unknown) => void, onPublished: (ids: number[]) => void = () => undefined): Scheduler {
  let running = false;
  const tick = async () => {
    if (running) return [];
    running = true;
    try {
      const ids = await newsroom.publishDue();
      if (ids.length) onPublished(ids);
      return ids;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => {
    tick().catch(onError);
  }, intervalMs);
  timer.unref();
  tick().catch(onError);
  return { stop: () => clearInterval(timer), tick };
}
