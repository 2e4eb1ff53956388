import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { AppConfig } from '#libs/config';
import { ApiErrors } from '#libs/http';

export interface RateLimitRule {
  /** Names the counter, so that two routes can share or separate their budgets. */
  name: string;
  /** A number, or one read from the configuration when the request comes. */
  limit: number | ((config: AppConfig) => number);
  windowSeconds: number;
  /**
   * What one budget belongs to: the caller's IP address (`request.clientAddress`: the dashboard's
   * signed client address, else the socket's or a trusted proxy's), the signed-in user (IP when
   * anonymous), or everyone at once (a ceiling over all callers, whatever addresses they come from).
   */
  per?: 'ip' | 'user' | 'everyone';
}

export const RATE_LIMIT_RULES = 'contexor:rate-limit-rules';

/** Limits a route (or every route of a controller) with counters kept in Redis. */
export const RateLimit = (...rules: RateLimitRule[]) =>
  applyDecorators(SetMetadata(RATE_LIMIT_RULES, rules), ApiErrors(429));
