import type { LimitName } from './usage.errors';

export const USAGE_THRESHOLDS = [80, 100] as const;
export type UsageThreshold = (typeof USAGE_THRESHOLDS)[number];

/** Whose limit: the organization's, one member's own, or (with project budgets) one project's. */
export type LimitKind = 'organization' | 'user' | 'project';
/** What a limit counts: tokens, or cost in USD. */
export type LimitMetric = 'tokens' | 'cost';

/**
 * A limit reached to `threshold` percent. `scope` says which, and is the once-per-period key with
 * the threshold: `organization:tokens`, `organization:cost`, `user:<userId>:tokens`,
 * `project:<projectId>:tokens` or `project:<projectId>:cost`. Values are tokens, or micro-USD for cost.
 */
export interface ThresholdReached {
  scope: string;
  kind: LimitKind;
  metric: LimitMetric;
  limit: LimitName;
  /** The member whose own limit this is; null for the organization's and projects' limits. */
  userId: string | null;
  /** The project whose limit this is; null for the organization's and members' limits. */
  projectId: string | null;
  threshold: UsageThreshold;
  limitValue: bigint;
  usedValue: bigint;
}

/**
 * The thresholds (80 %, 100 %) that `used` has reached against `limit`. Nothing is reached before
 * anything is used, so a limit of 0 reports nothing until the first call.
 */
export function thresholdsReached(limit: bigint, used: bigint): UsageThreshold[] {
  if (used <= 0n) return [];
  return USAGE_THRESHOLDS.filter((threshold) => used * 100n >= limit * BigInt(threshold));
}
