/**
 * Runs one `work` per key at a time: callers that ask while it runs share its promise. The
 * dashboard refreshes a session this way, because a refresh token is single-use: two parallel
 * refreshes with the same token would look like token theft to the API (REFRESH_REUSED).
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const started = work().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
