export interface StoredOtp {
  codeHash: string;
  expiresAt: number;
  /** Attempts made including the one being checked now. */
  attempts: number;
}

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
  /** Atomically counts one verification attempt and returns the stored code, if any. */
  abstract takeAttempt(phoneE164: string): Promise<StoredOtp | undefined>;
  abstract clear(phoneE164: string): Promise<void>;
}
