/**
 * What went wrong, independent of transport. The HTTP layer maps each kind to one status code.
 */
export type DomainErrorKind =
  | 'invalid'
  /** Well-formed, but refused by a rule about its content (422). */
  | 'unprocessable'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'limit'
  | 'rate_limited'
  | 'unavailable';

export type DomainErrorDetails = Record<string, unknown>;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: DomainErrorDetails = {},
    /** Seconds a client should wait before trying again; sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(resource: string) {
    super('NOT_FOUND', 'not_found', `${resource} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this action') {
    super('FORBIDDEN', 'forbidden', message);
  }
}

export interface FieldError {
  field: string;
  messages: string[];
}

/**
 * One or more fields of the input are not acceptable: 400 VALIDATION_FAILED with `details.fields`,
 * the same shape whether a request DTO, a header or a domain rule refused them.
 */
export class FieldInvalidError extends DomainError {
  constructor(field: string, message: string);
  constructor(fields: FieldError[]);
  constructor(fieldOrFields: string | FieldError[], message = '') {
    const fields = typeof fieldOrFields === 'string' ? [{ field: fieldOrFields, messages: [message] }] : fieldOrFields;
    super('VALIDATION_FAILED', 'invalid', `Invalid request: ${fields.map((f) => f.field).join(', ')}`, { fields });
  }
}
