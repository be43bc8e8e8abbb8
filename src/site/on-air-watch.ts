/**
 * Every page's header says what is on air, so the cached pages must be rendered again when
 * that changes. This looks when the programme on air ends (every 15 minutes when nothing is on
 * air, in case one starts; at once when the schedule is edited) and clears the page cache only
 * if what the headers show has changed: with no live channel, or one programme after another
 * of the same name, the cache used to be cleared every time anyway (a site without live TV
 * lost its whole page cache every 15 minutes). A CDN's copies follow within their s-maxage.
 */
export interface OnAirState {
  /** What the headers show (each edition's programme, or none): compared, never parsed. */
  shown: string;
  /** When that may change next (ms since the epoch). */
  nextChangeAt: number;
}

export interface OnAirWatchDeps {
  read(): Promise<OnAirState>;
  clearPages(): void;
  onError(err: unknown): void;
}

/** A failed read is tried again after this. */
const RETRY_MS = 60_000;

export interface OnAirWatch {
  /** Looks again now: the schedule was edited (a live.changed event). */
  checkNow(): void;
  stop(): void;
}

export function watchOnAir(deps: OnAirWatchDeps): OnAirWatch {
  let shown: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const later = (at: number) => {
    clearTimeout(timer);
    if (stopped) return;
    // Half a second after the change, so the programme that ended is no longer on air.
    timer = setTimeout(() => void check(), Math.max(1_000, at - Date.now() + 500));
    timer.unref();
  };
  const check = async () => {
    try {
      const state = await deps.read();
      if (shown !== undefined && state.shown !== shown) deps.clearPages();
      shown = state.shown;
      later(state.nextChangeAt);
    } catch (err) {
      deps.onError(err);
      later(Date.now() + RETRY_MS);
    }
  };
  void check();
  return {
    checkNow() {
      if (!stopped) void check();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
