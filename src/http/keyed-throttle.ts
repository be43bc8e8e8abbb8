/**
 * Runs an action for a key at most once per interval: the first request at once, and any
 * further requests inside the interval folded into one run at its end. Cache invalidation
 * uses it for comments (app.ts): a story with ten comments a second would otherwise clear its
 * page, and every list page showing its card (the home page first), ten times a second, here
 * and at the CDN, on the very day those pages take the most traffic.
 *
 * Each request carries a value; the values folded into one run are combined with `merge`
 * (for invalidation: whether any of the changes happened on this instance, which decides
 * whether this instance also purges the CDN).
 */
export class KeyedThrottle<K, V> {
  /** When each key last ran; kept only while it matters (one interval). */
  private readonly lastRun = new Map<K, number>();
  private readonly pending = new Map<K, { value: V; timer: NodeJS.Timeout }>();

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: K, value: V) => void,
    private readonly merge: (pending: V, next: V) => V,
  ) {}

  request(key: K, value: V): void {
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.value = this.merge(waiting.value, value);
      return;
    }
    const now = Date.now();
    const last = this.lastRun.get(key);
    if (this.intervalMs <= 0 || last === undefined || now - last >= this.intervalMs) {
      this.runNow(key, value, now);
      return;
    }
    const timer = setTimeout(() => {
      const folded = this.pending.get(key);
      this.pending.delete(key);
      if (folded) this.runNow(key, folded.value, Date.now());
    }, this.intervalMs - (now - last));
    // A pending run never keeps the process alive; shutdown runs it (flush).
    timer.unref();
    this.pending.set(key, { value, timer });
  }

  /** Runs every pending action now (shutdown: nothing folded is lost). */
  flush(): void {
    for (const [key, { value, timer }] of [...this.pending]) {
      clearTimeout(timer);
      this.pending.delete(key);
      this.runNow(key, value, Date.now());
    }
  }

  private runNow(key: K, value: V, now: number): void {
    this.lastRun.set(key, now);
    // Forget keys quiet for longer than an interval, so the map holds only the active ones.
    if (this.lastRun.size > 1000) for (const [k, t] of this.lastRun) if (now - t >= this.intervalMs) this.lastRun.delete(k);
    this.run(key, value);
  }
}
