/** How long pieces of text gather before they go out as one `delta` event. */
export const DELTA_FLUSH_MS = 50;

/**
 * Joins the pieces of a streamed answer so that live events grow with the answer's duration, not
 * with its token count: the first piece goes out at once (the watcher sees the answer start), the
 * ones arriving within the next `flushMs` go out together when it ends, and so on. Each send is
 * made at once, without waiting for the one before (the sender keeps the order of its calls), and
 * `add` never waits for one, so the model's stream is never slowed.
 */
export class CoalescedDeltas {
  private pending = '';
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly send: (text: string) => Promise<void>,
    private readonly flushMs = DELTA_FLUSH_MS,
  ) {}

  add(text: string): void {
    if (!text) return;
    this.pending += text;
    if (this.timer) return;
    this.flushPending();
    this.timer = setTimeout(() => this.endWindow(), this.flushMs);
  }

  /** Sends what is pending and resolves once everything added so far has been sent. */
  async flush(): Promise<void> {
    this.stop();
    this.flushPending();
    await this.sending;
  }

  /** Drops whatever is pending (the stream failed; a retry starts the text again). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private endWindow(): void {
    this.timer = undefined;
    if (!this.pending) return;
    this.flushPending();
    this.timer = setTimeout(() => this.endWindow(), this.flushMs);
  }

  private flushPending(): void {
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    const sent = this.send(text);
    const before = this.sending;
    this.sending = Promise.all([before, sent]).then(() => undefined);
  }
}
