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
