export interface TwoFactorEnrolment {
  /** The shared secret, base32, as authenticator apps take it (decrypted by the adapter). */
  secret: string;
  /** Null while enrolment waits for its first code. */
  confirmedAt: Date | null;
  /** Opaque to callers: changes when the secret does, so a code checked against one is not spent on another. */
  version: string;
}

export interface StepUpContext {
  organizationRequiresTwoFactor: boolean;
  userHasTwoFactor: boolean;
}

/** Each user's authenticator secret, kept encrypted at rest. */
export abstract class TwoFactorRepository {
  abstract findForUser(userId: string): Promise<TwoFactorEnrolment | undefined>;
  /** Stores a new unconfirmed secret in place of any unconfirmed one; false when one is confirmed. */
  abstract savePending(userId: string, secret: string): Promise<boolean>;
  /**
   * Records that the code of time step `step` was used, only if no later or equal step was: a code
   * signs one action, never two. Confirms a pending enrolment on its first code. False otherwise.
   */
  abstract useStep(userId: string, version: string, step: number, at: Date): Promise<boolean>;
  abstract remove(userId: string): Promise<void>;
  /** What a sensitive action in the organization needs from this user, in one read. */
  abstract stepUpContext(userId: string, organizationId: string): Promise<StepUpContext>;
  /** Organizations where the user is an ADMIN and a second factor is required. */
  abstract organizationsRequiringIt(userId: string): Promise<string[]>;
}

/** RFC 6238 codes, computed by a maintained library behind this port. */
export abstract class TotpAuthenticator {
  abstract newSecret(): string;
  /** The `otpauth://` URI authenticator apps import, by QR code or by hand. */
  abstract keyUri(secret: string, accountLabel: string): string;
  /** The time step the code belongs to (within the accepted drift), or null when it matches none. */
  abstract stepOf(secret: string, code: string, now: Date): number | null;
}
