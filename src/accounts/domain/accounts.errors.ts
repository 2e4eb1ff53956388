import { DomainError } from '#libs/ddd';

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue') {
    super('UNAUTHENTICATED', 'unauthenticated', message);
  }
}

export class OtpInvalidError extends DomainError {
  constructor() {
    super('OTP_INVALID', 'unauthenticated', 'The code is not correct');
  }
}

export class OtpExpiredError extends DomainError {
  constructor() {
    super('OTP_EXPIRED', 'unauthenticated', 'The code has expired; request a new one');
  }
}

export class OtpAttemptsExceededError extends DomainError {
  constructor() {
    super('OTP_ATTEMPTS_EXCEEDED', 'rate_limited', 'Too many wrong codes; request a new one');
  }
}

export class OtpCooldownError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'OTP_COOLDOWN',
      'rate_limited',
      'A code was sent a moment ago; wait before asking for another',
      { retryAfterSeconds },
      retryAfterSeconds,
    );
  }
}

export class OtpDailyLimitError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      'rate_limited',
      'Too many codes requested for this number today',
      { retryAfterSeconds },
      retryAfterSeconds,
    );
  }
}

export class RefreshInvalidError extends DomainError {
  constructor() {
    super('REFRESH_INVALID', 'unauthenticated', 'The refresh token is not valid; sign in again');
  }
}

export class RefreshReusedError extends DomainError {
  constructor() {
    super(
      'REFRESH_REUSED',
      'unauthenticated',
      'This refresh token was already used; every session of its family is now signed out',
    );
  }
}

export class LastAdminError extends DomainError {
  constructor() {
    super('LAST_ADMIN', 'conflict', 'An organization needs at least one ADMIN: make someone else ADMIN first');
  }
}

export class MemberExistsError extends DomainError {
  constructor() {
    super('MEMBER_EXISTS', 'conflict', 'This person is already a member of the organization');
  }
}

export class WorkspaceNameTakenError extends DomainError {
  constructor() {
    super('WORKSPACE_NAME_TAKEN', 'conflict', 'The organization already has a workspace with this name');
  }
}
