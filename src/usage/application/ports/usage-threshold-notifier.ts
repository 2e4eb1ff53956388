import type { LimitName } from '../../domain/usage.errors';
import type { LimitKind, LimitMetric, UsageThreshold } from '../../domain/usage-limits';

/**
 * A limit's usage reached 80 % or 100 % for the first time in a period. Token figures are numbers,
 * cost figures decimal USD strings. `id` is stable: deliveries can use it for de-duplication.
 */
export interface ThresholdCrossing {
  id: string;
  organizationId: string;
  /** `organization:tokens`, `organization:cost` or `user:<userId>:tokens`. */
  scope: string;
  /** Whose limit: the organization's, a member's own (`userId`), or a project's (`projectId`). */
  kind: LimitKind;
  metric: LimitMetric;
  /** The limits resource's field: `monthlyTokenLimit`, `monthlyCostLimitUsd`, `perUserMonthlyTokenLimit`. */
  limit: LimitName;
  /** The member whose own limit this is; null for organization limits. */
  userId: string | null;
  /** The project whose limit this is; null for the others. */
  projectId: string | null;
  threshold: UsageThreshold;
  limitValue: number | string;
  used: number | string;
  period: { start: string; end: string };
  crossedAt: Date;
}

/**
 * Hears of thresholds crossed, in the transaction that records the usage that crossed them. Each
 * crossing is announced once (the ledger records it once per period); an implementation that fails
 * throws, and the usage record and the crossing roll back with it (the settle's retry announces it).
 */
export abstract class UsageThresholdNotifier {
  abstract thresholdsCrossed(crossings: ThresholdCrossing[]): Promise<void>;
}
