import { SetMetadata } from '@nestjs/common';

export interface RateLimitRule {
  /** Names the counter, so that two routes can share or separate their budgets. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** What one budget belongs to: the caller's IP address, or the signed-in user (IP when anonymous). */
  per?: 'ip' | 'user';
}

export const RATE_LIMIT_RULES = 'contexor:rate-limit-rules';

/** Limits a route (or every route of a controller) with counters kept in Redis. */
export const RateLimit = (...rules: RateLimitRule[]) => SetMetadata(RATE_LIMIT_RULES, rules);
