import { DomainError } from '#libs/ddd';

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  remaining: number;
  /** Milliseconds until the window resets. */
  resetInMs: number;
}

/** Fixed-window counters shared by every process of the deployment. */
export abstract class RateLimiter {
  abstract consume(key: string, limit: number, windowMs: number): Promise<RateLimitResult>;
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterMs: number, message = 'Too many requests; try again later') {
    super(
      'RATE_LIMITED',
      'rate_limited',
      message,
      { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
      retryAfterMs / 1000,
    );
  }
}

/**
 * Redis could not count the request. Rate limits fail closed: a sign-in limit that opened during an
 * outage would invite guessing codes, so the request is refused (503) rather than let through.
 */
export class RateLimiterUnavailableError extends DomainError {
  constructor(cause: unknown) {
    super('SERVICE_UNAVAILABLE', 'unavailable', 'Requests cannot be counted right now; try again shortly', {}, 5);
    this.cause = cause;
  }
}
