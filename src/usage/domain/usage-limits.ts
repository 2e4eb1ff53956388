import type { Money } from '#libs/ddd';
import { FieldInvalidError } from '#libs/ddd';
import type { ProjectSpend, ProjectUsageLimits } from './project-usage-limits';
import { UsageLimitExceededError, type LimitName, type LimitScope } from './usage.errors';
import type { UsageCalendar, UsagePeriod } from './usage-period';
import { thresholdsReached, type LimitKind, type LimitMetric, type ThresholdReached } from './usage-thresholds';

export interface UsageLimitsState {
  organizationId: string;
  /** Tokens the whole organization may use per period; null = unlimited. */
  monthlyTokenLimit: number | null;
  monthlyCostLimit: Money | null;
  /** Tokens each member may use per period in this organization; null = unlimited. */
  perUserMonthlyTokenLimit: number | null;
  calendar: UsageCalendar;
  /** null while the organization runs on the defaults (never changed). */
  updatedAt: Date | null;
  updatedBy: string | null;
}

export type LimitSettings = Pick<
  UsageLimitsState,
  'monthlyTokenLimit' | 'monthlyCostLimit' | 'perUserMonthlyTokenLimit' | 'calendar'
>;

/** The settings in plain JSON, as the audit log stores them. */
export interface LimitSettingsSnapshot {
  monthlyTokenLimit: number | null;
  monthlyCostLimitUsd: string | null;
  perUserMonthlyTokenLimit: number | null;
  calendar: UsageCalendar;
}

/** What the period has used and what generations in progress hold, for the organization and for one member. */
export interface PeriodSpend {
  organization: { usedTokens: number; usedCost: Money; reservedTokens: number; reservedCost: Money };
  user: { usedTokens: number; reservedTokens: number };
  /** The generation's project, when one was asked for. */
  project?: ProjectSpend;
}

/** The worst case a generation may use: all its prompt tokens uncached plus its completion cap. */
export interface BudgetRequest {
  tokens: number;
  cost: Money;
}

/** Used tokens and cost of the period, after a call was recorded. */
export interface PeriodUsage {
  organizationTokens: number;
  organizationCost: Money;
  userId: string;
  userTokens: number;
}

export {
  USAGE_THRESHOLDS,
  thresholdsReached,
  type LimitKind,
  type LimitMetric,
  type ThresholdReached,
  type UsageThreshold,
} from './usage-thresholds';

/** An organization's monthly limits and the calendar its months follow. */
export class UsageLimits {
  private constructor(private state: UsageLimitsState) {}

  /** Where every organization starts: no limits, Gregorian (UTC) months. */
  static defaults(organizationId: string): UsageLimits {
    return new UsageLimits({
      organizationId,
      monthlyTokenLimit: null,
      monthlyCostLimit: null,
      perUserMonthlyTokenLimit: null,
      calendar: 'gregorian',
      updatedAt: null,
      updatedBy: null,
    });
  }

  static restore(state: UsageLimitsState): UsageLimits {
    return new UsageLimits({ ...state });
  }

  get organizationId(): string {
    return this.state.organizationId;
  }

  get monthlyTokenLimit(): number | null {
    return this.state.monthlyTokenLimit;
  }

  get monthlyCostLimit(): Money | null {
    return this.state.monthlyCostLimit;
  }

  get perUserMonthlyTokenLimit(): number | null {
    return this.state.perUserMonthlyTokenLimit;
  }

  get calendar(): UsageCalendar {
    return this.state.calendar;
  }

  get updatedAt(): Date | null {
    return this.state.updatedAt;
  }

  get updatedBy(): string | null {
    return this.state.updatedBy;
  }

  get isUnlimited(): boolean {
    return (
      this.state.monthlyTokenLimit === null &&
      this.state.monthlyCostLimit === null &&
      this.state.perUserMonthlyTokenLimit === null
    );
  }

  snapshot(): LimitSettingsSnapshot {
    return {
      monthlyTokenLimit: this.state.monthlyTokenLimit,
      monthlyCostLimitUsd: this.state.monthlyCostLimit?.toDecimalString() ?? null,
      perUserMonthlyTokenLimit: this.state.perUserMonthlyTokenLimit,
      calendar: this.state.calendar,
    };
  }

  /** Replaces the settings. Returns false (and changes nothing) when they are the same as now. */
  change(settings: LimitSettings, by: string, at: Date): boolean {
    assertTokenLimit('monthlyTokenLimit', settings.monthlyTokenLimit);
    assertTokenLimit('perUserMonthlyTokenLimit', settings.perUserMonthlyTokenLimit);
    if (settings.monthlyCostLimit && settings.monthlyCostLimit.micros < 0n)
      throw new FieldInvalidError('monthlyCostLimitUsd', 'monthlyCostLimitUsd must not be negative');
    const same =
      settings.monthlyTokenLimit === this.state.monthlyTokenLimit &&
      settings.perUserMonthlyTokenLimit === this.state.perUserMonthlyTokenLimit &&
      settings.calendar === this.state.calendar &&
      (settings.monthlyCostLimit === null
        ? this.state.monthlyCostLimit === null
        : this.state.monthlyCostLimit?.equals(settings.monthlyCostLimit) === true);
    if (same) return false;
    this.state = { ...this.state, ...settings, updatedAt: at, updatedBy: by };
    return true;
  }

  /**
   * Refuses a generation that could take the period past any limit: what was used, plus what
   * generations in progress hold, plus this one's worst case. Exactly reaching a limit is allowed.
   * The three limits are decided together, in this order: the organization's, the member's, and
   * (given its limits and spend) the project's; the first one broken is the one named.
   */
  assertAllows(request: BudgetRequest, spend: PeriodSpend, period: UsagePeriod, project?: ProjectUsageLimits): void {
    const { organization, user } = spend;
    const window = period.toJSON();
    const refuse = (
      setting: LimitName,
      limitValue: number | string,
      used: number | string,
      reserved: number | string,
      requested: number | string,
    ) => {
      const limit: LimitScope = setting === 'perUserMonthlyTokenLimit' ? 'user' : 'organization';
      return new UsageLimitExceededError({ limit, setting, limitValue, used, reserved, requested, period: window });
    };

    const tokenLimit = this.state.monthlyTokenLimit;
    if (tokenLimit !== null && organization.usedTokens + organization.reservedTokens + request.tokens > tokenLimit) {
      throw refuse(
        'monthlyTokenLimit',
        tokenLimit,
        organization.usedTokens,
        organization.reservedTokens,
        request.tokens,
      );
    }
    const costLimit = this.state.monthlyCostLimit;
    if (
      costLimit !== null &&
      organization.usedCost.add(organization.reservedCost).add(request.cost).isGreaterThan(costLimit)
    ) {
      throw refuse(
        'monthlyCostLimitUsd',
        costLimit.toDecimalString(),
        organization.usedCost.toDecimalString(),
        organization.reservedCost.toDecimalString(),
        request.cost.toDecimalString(),
      );
    }
    const userLimit = this.state.perUserMonthlyTokenLimit;
    if (userLimit !== null && user.usedTokens + user.reservedTokens + request.tokens > userLimit) {
      throw refuse('perUserMonthlyTokenLimit', userLimit, user.usedTokens, user.reservedTokens, request.tokens);
    }
    if (project && !project.isUnlimited) {
      if (!spend.project) throw new Error('A project limit needs the project spend');
      project.assertAllows(request, spend.project, period);
    }
  }

  /** Every threshold of every limit that the period's usage has reached (each is announced once per period elsewhere). */
  thresholdsReachedBy(usage: PeriodUsage): ThresholdReached[] {
    const reached: ThresholdReached[] = [];
    const check = (
      scope: string,
      [kind, metric]: [LimitKind, LimitMetric],
      limit: LimitName,
      userId: string | null,
      limitValue: bigint | null,
      used: bigint,
    ) => {
      if (limitValue === null) return;
      for (const threshold of thresholdsReached(limitValue, used))
        reached.push({ scope, kind, metric, limit, userId, projectId: null, threshold, limitValue, usedValue: used });
    };
    check(
      'organization:tokens',
      ['organization', 'tokens'],
      'monthlyTokenLimit',
      null,
      toBigInt(this.state.monthlyTokenLimit),
      BigInt(usage.organizationTokens),
    );
    check(
      'organization:cost',
      ['organization', 'cost'],
      'monthlyCostLimitUsd',
      null,
      this.state.monthlyCostLimit?.micros ?? null,
      usage.organizationCost.micros,
    );
    check(
      `user:${usage.userId}:tokens`,
      ['user', 'tokens'],
      'perUserMonthlyTokenLimit',
      usage.userId,
      toBigInt(this.state.perUserMonthlyTokenLimit),
      BigInt(usage.userTokens),
    );
    return reached;
  }
}

function toBigInt(value: number | null): bigint | null {
  return value === null ? null : BigInt(value);
}

function assertTokenLimit(field: LimitName, value: number | null): void {
  if (value === null) return;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new FieldInvalidError(field, `${field} must be a whole number of tokens ≥ 0, or null for unlimited`);
}
