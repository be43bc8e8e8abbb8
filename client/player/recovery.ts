/**
 * Surviving an outage: retry delays with exponential backoff and jitter, and a watchdog that
 * notices a stream that says it is playing while its time stands still (a stalled live edge,
 * a CDN answering with stale playlists, a decoder that stopped).
 */

export const BACKOFF_FIRST_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;
/** Playing, or trying to play, without media time moving for this long counts as a failure. */
export const STALL_MS = 8_000;

/**
 * 1 s, 2 s, 4 s ... capped at 30 s, each with "equal jitter" (a random point in the upper half
 * of the step) so that thousands of readers cut off by one outage do not all come back in the
 * same second.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly firstMs = BACKOFF_FIRST_MS,
    private readonly capMs = BACKOFF_CAP_MS,
    private readonly random: () => number = Math.random,
  ) {}

  /** The delay before the next attempt; each call moves one step further. */
  next(): number {
    const step = Math.min(this.capMs, this.firstMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    return Math.round(step / 2 + (this.random() * step) / 2);
  }

  /** Back to the first step, after the stream has played again. */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}

/**
 * Calls `onStall` when `media` is meant to be playing (`active()` says so) but its
 * currentTime has not moved for `stallMs`. Checked once a second.
 */
export class StallWatchdog {
  private timer: number | undefined;
  private lastTime = -1;
  private lastProgress = 0;

  constructor(
    private readonly media: () => HTMLMediaElement,
    private readonly active: () => boolean,
    private readonly onStall: () => void,
    private readonly stallMs = STALL_MS,
  ) {}

  start(): void {
    this.stop();
    this.lastTime = -1;
    this.lastProgress = performance.now();
    this.timer = window.setInterval(() => this.check(), 1_000);
  }

  stop(): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
  }

  private check(): void {
    const now = performance.now();
    const time = this.media().currentTime;
    if (!this.active() || time !== this.lastTime) {
      this.lastTime = time;
      this.lastProgress = now;
      return;
    }
    if (now - this.lastProgress >= this.stallMs) {
      this.stop();
      this.onStall();
    }
  }
}
