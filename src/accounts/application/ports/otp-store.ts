/** What one verification attempt found, decided in one atomic step of the store. */
export type OtpAttempt =
  /** The code matched and is gone: no other attempt, however concurrent, can match it again. */
  | 'matched'
  /** A wrong code; the attempt was counted. */
  | 'invalid'
  /** The code's time had passed; it is gone. */
  | 'expired'
  /** Too many attempts on this code; it stays refused until a new one is sent. */
  | 'exhausted'
  /** No code was sent to this phone (or it is long gone). */
  | 'missing';

/** Sign-in code state, shared by every API process. Holds only keyed hashes of codes. */
export abstract class OtpStore {
  /** Starts the resend cooldown; when one is running, returns the milliseconds left instead. */
  abstract startCooldown(
    phoneE164: string,
    seconds: number,
  ): Promise<{ started: true } | { started: false; retryAfterMs: number }>;
  /** Counts a code sent to this phone in the current day window. */
  abstract countDailySend(phoneE164: string): Promise<{ count: number; resetInMs: number }>;
  /** Replaces any previous code for the phone (and its attempt count). */
  abstract save(phoneE164: string, codeHash: string, expiresAt: number): Promise<void>;
  /**
   * One attempt, atomically: counts it, and consumes the code when `candidateHash` is its hash,
   * the code has not expired at `now` and at most `maxAttempts` attempts were made. Of any number
   * of simultaneous attempts with the right code, exactly one is `matched`.
   */
  abstract attempt(phoneE164: string, candidateHash: string, now: number, maxAttempts: number): Promise<OtpAttempt>;
}
