import type { Money } from '#libs/ddd';
import type { UsageCalendar } from '../../domain/usage-period';

export const USAGE_GROUP_BY = ['day', 'user', 'model', 'project'] as const;
export type UsageGroupBy = (typeof USAGE_GROUP_BY)[number];

export interface UsageTotals {
  requests: number;
  promptTokens: number;
  /** Prompt tokens served from the provider's prompt cache (part of `promptTokens`). */
  cachedTokens: number;
  completionTokens: number;
  /** Completion tokens spent reasoning (part of `completionTokens`). */
  reasoningTokens: number;
  totalTokens: number;
  cost: Money;
}

export interface UsageGroup extends UsageTotals {
  /** `YYYY-MM-DD` (local day), a user id, a model name or a project id. */
  key: string;
}

export interface UsageReport {
  totals: UsageTotals;
  groups: UsageGroup[];
}

export interface OrganizationOfUser {
  organizationId: string;
  calendar: UsageCalendar;
  perUserMonthlyTokenLimit: number | null;
}

export interface UserWindow {
  organizationId: string;
  from: Date;
  to: Date;
}

/** Read-only sums over usage records, computed in SQL. */
export abstract class UsageReports {
  /**
   * Totals of the organization's records in `[from, to)`, and the same per group. Days are cut at
   * midnight `dayOffsetMinutes` east of UTC.
   */
  abstract report(
    organizationId: string,
    window: { from: Date; to: Date },
    groupBy: UsageGroupBy | null,
    dayOffsetMinutes: number,
  ): Promise<UsageReport>;

  /** Organizations in which the user has records since `since`, with their calendar and per-member limit. */
  abstract organizationsUsedBy(userId: string, since: Date): Promise<OrganizationOfUser[]>;

  /** The user's own totals in each organization's window; organizations with no records are left out. */
  abstract userTotalsIn(userId: string, windows: UserWindow[]): Promise<Map<string, UsageTotals>>;
}
