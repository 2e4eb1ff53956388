import { OtpStore, type OtpAttempt } from '../../../src/accounts/application/ports/otp-store';

/** OtpStore in memory, with time taken from the test's clock. */
export class InMemoryOtpStore extends OtpStore {
  readonly codes = new Map<string, { codeHash: string; expiresAt: number; attempts: number }>();
  private readonly cooldowns = new Map<string, number>();
  private readonly daily = new Map<string, number>();

  constructor(private readonly now: () => number) {
    super();
  }

  startCooldown(phone: string, seconds: number): Promise<{ started: true } | { started: false; retryAfterMs: number }> {
    const until = this.cooldowns.get(phone) ?? 0;
    if (until > this.now()) return Promise.resolve({ started: false, retryAfterMs: until - this.now() });
    this.cooldowns.set(phone, this.now() + seconds * 1000);
    return Promise.resolve({ started: true });
  }

  countDailySend(phone: string): Promise<{ count: number; resetInMs: number }> {
    const count = (this.daily.get(phone) ?? 0) + 1;
    this.daily.set(phone, count);
    return Promise.resolve({ count, resetInMs: 86_400_000 });
  }

  save(phone: string, codeHash: string, expiresAt: number): Promise<void> {
    this.codes.set(phone, { codeHash, expiresAt, attempts: 0 });
    return Promise.resolve();
  }

  attempt(phone: string, candidateHash: string, now: number, maxAttempts: number): Promise<OtpAttempt> {
    const stored = this.codes.get(phone);
    if (!stored) return Promise.resolve('missing');
    stored.attempts += 1;
    if (stored.expiresAt <= now) {
      this.codes.delete(phone);
      return Promise.resolve('expired');
    }
    if (stored.attempts > maxAttempts) return Promise.resolve('exhausted');
    if (stored.codeHash !== candidateHash) return Promise.resolve('invalid');
    this.codes.delete(phone);
    return Promise.resolve('matched');
  }
}
