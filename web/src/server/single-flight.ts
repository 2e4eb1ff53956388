/**
 * Runs one `work` per key at a time: callers that ask while it runs share its promise. The
 * dashboard refreshes a session this way, because a refresh token is single-use: two parallel
 * refreshes with the same token would look like token theft to the API (REFRESH_REUSED).
 *
 * With `keepFor`, an answer that `keep` accepts is still given for that many milliseconds after it
 * settled: a page's requests sent together with the old token can reach the server just after the
 * refresh the first of them started has finished, before the browser has the new cookies. A work
 * that throws is never kept.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly keepFor: number;
  private readonly keep: (value: T) => boolean;

  constructor(options: { keepFor?: number; keep?: (value: T) => boolean } = {}) {
    this.keepFor = options.keepFor ?? 0;
    this.keep = options.keep ?? (() => true);
  }

  run(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const started = work();
    this.running.set(key, started);
    const forget = () => {
      if (this.running.get(key) === started) this.running.delete(key);
    };
    started.then(
      (value) => {
        if (this.keepFor > 0 && this.keep(value)) setTimeout(forget, this.keepFor).unref?.();
        else forget();
      },
      forget,
    );
    return started;
  }
}
