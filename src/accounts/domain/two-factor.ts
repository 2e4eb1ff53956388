import { DomainError } from '#libs/ddd';

/**
 * Authenticator-app codes (RFC 6238 TOTP: 6 digits, 30 s steps, SHA-1, as every authenticator app
 * reads them) guard the actions that change who may do what in an organization.
 */
export const TWO_FACTOR_POLICY = {
  /** How long a step-up counts: a sensitive action needs one at most this old. */
  stepUpMaxAgeSeconds: 600,
  /** Steps either side of now that still match, for clocks a little off. */
  acceptedDriftSteps: 1,
  issuer: 'Contexor',
} as const;

const CLOCK_SKEW_MS = 30_000;

export interface StepUpFacts {
  /** The organization asks its ADMINs for a second factor. */
  organizationRequiresTwoFactor: boolean;
  /** The acting user has a confirmed authenticator. */
  userHasTwoFactor: boolean;
  /** When the caller's access token was stepped up with a code, if it was. */
  steppedUpAt?: Date;
}

/**
 * A sensitive action needs a fresh step-up when the organization requires a second factor, or
 * when the user enrolled one of their own accord: an enrolled user's stolen access token alone
 * must not approve or change members. Throws the error the caller must resolve.
 */
export function assertSteppedUp(facts: StepUpFacts, now: Date): void {
  if (!facts.organizationRequiresTwoFactor && !facts.userHasTwoFactor) return;
  if (!facts.userHasTwoFactor) throw new TwoFactorEnrolmentRequiredError();
  const ageMs = facts.steppedUpAt ? now.getTime() - facts.steppedUpAt.getTime() : Infinity;
  // A few seconds "from the future" are clocks of two API processes disagreeing, not a forgery.
  const fresh = ageMs >= -CLOCK_SKEW_MS && ageMs <= TWO_FACTOR_POLICY.stepUpMaxAgeSeconds * 1000;
  if (!fresh) throw new StepUpRequiredError();
}

export class StepUpRequiredError extends DomainError {
  constructor() {
    super(
      'STEP_UP_REQUIRED',
      'forbidden',
      'Confirm it is you: enter a code from your authenticator app (POST /auth/step-up), then try again',
      { maxAgeSeconds: TWO_FACTOR_POLICY.stepUpMaxAgeSeconds },
    );
  }
}

export class TwoFactorEnrolmentRequiredError extends DomainError {
  constructor() {
    super(
      'TWO_FACTOR_ENROLMENT_REQUIRED',
      'forbidden',
      'This organization requires its admins to use an authenticator app; enrol one first (POST /me/two-factor)',
    );
  }
}

export class TwoFactorCodeInvalidError extends DomainError {
  constructor() {
    super('TWO_FACTOR_CODE_INVALID', 'unauthenticated', 'The authenticator code is not correct, or was already used');
  }
}

export class TwoFactorAlreadyEnabledError extends DomainError {
  constructor() {
    super('TWO_FACTOR_ALREADY_ENABLED', 'conflict', 'An authenticator is already enrolled; disable it first');
  }
}

export class TwoFactorNotEnabledError extends DomainError {
  constructor() {
    super('TWO_FACTOR_NOT_ENABLED', 'conflict', 'No authenticator is enrolled; enrol one first (POST /me/two-factor)');
  }
}

export class TwoFactorRequiredByOrganizationError extends DomainError {
  constructor(organizationIds: string[]) {
    super(
      'TWO_FACTOR_REQUIRED_BY_ORGANIZATION',
      'conflict',
      'An organization where you are an admin requires an authenticator; it cannot be turned off',
      { organizationIds },
    );
  }
}
