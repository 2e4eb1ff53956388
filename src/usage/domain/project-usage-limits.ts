import type { Money } from '#libs/ddd';
import { FieldInvalidError } from '#libs/ddd';
import { UsageLimitExceededError } from './usage.errors';
import type { UsagePeriod } from './usage-period';
import { thresholdsReached, type ThresholdReached } from './usage-thresholds';

export interface ProjectUsageLimitsState {
  projectId: string;
  /** The organization the project belongs to (the content context owns projects; usage keys by id). */
  organizationId: string;
  /** Tokens the project may use per period (the organization's period); null = unlimited. */
  monthlyTokenLimit: number | null;
  monthlyCostLimit: Money | null;
  /** null while the project runs on the defaults (never changed). */
  updatedAt: Date | null;
  updatedBy: string | null;
}

export type ProjectLimitSettings = Pick<ProjectUsageLimitsState, 'monthlyTokenLimit' | 'monthlyCostLimit'>;

/** The settings in plain JSON, as the audit log stores them. */
export interface ProjectLimitSettingsSnapshot {
  monthlyTokenLimit: number | null;
  monthlyCostLimitUsd: string | null;
}

/** What the period has used and what generations in progress hold, for one project. */
export interface ProjectSpend {
  usedTokens: number;
  usedCost: Money;
  reservedTokens: number;
  reservedCost: Money;
}

/** A project's monthly budget, nested in its organization's: same period, same calendar. */
export class ProjectUsageLimits {
  private constructor(private state: ProjectUsageLimitsState) {}

  /** Where every project starts: no limit of its own. */
  static defaults(projectId: string, organizationId: string): ProjectUsageLimits {
    return new ProjectUsageLimits({
      projectId,
      organizationId,
      monthlyTokenLimit: null,
      monthlyCostLimit: null,
      updatedAt: null,
      updatedBy: null,
    });
  }

  static restore(state: ProjectUsageLimitsState): ProjectUsageLimits {
    return new ProjectUsageLimits({ ...state });
  }

  get projectId(): string {
    return this.state.projectId;
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

  get updatedAt(): Date | null {
    return this.state.updatedAt;
  }

  get updatedBy(): string | null {
    return this.state.updatedBy;
  }

  get isUnlimited(): boolean {
    return this.state.monthlyTokenLimit === null && this.state.monthlyCostLimit === null;
  }

  snapshot(): ProjectLimitSettingsSnapshot {
    return {
      monthlyTokenLimit: this.state.monthlyTokenLimit,
      monthlyCostLimitUsd: this.state.monthlyCostLimit?.toDecimalString() ?? null,
    };
  }

  /** Replaces the settings. Returns false (and changes nothing) when they are the same as now. */
  change(settings: ProjectLimitSettings, by: string, at: Date): boolean {
    const tokens = settings.monthlyTokenLimit;
    if (tokens !== null && (!Number.isSafeInteger(tokens) || tokens < 0))
      throw new FieldInvalidError(
        'monthlyTokenLimit',
        'monthlyTokenLimit must be a whole number of tokens ≥ 0, or null for unlimited',
      );
    if (settings.monthlyCostLimit && settings.monthlyCostLimit.micros < 0n)
      throw new FieldInvalidError('monthlyCostLimitUsd', 'monthlyCostLimitUsd must not be negative');
    const same =
      tokens === this.state.monthlyTokenLimit &&
      (settings.monthlyCostLimit === null
        ? this.state.monthlyCostLimit === null
        : this.state.monthlyCostLimit?.equals(settings.monthlyCostLimit) === true);
    if (same) return false;
    this.state = { ...this.state, ...settings, updatedAt: at, updatedBy: by };
    return true;
  }

  /**
   * The thresholds (80 %, 100 %) of the project's own limits that its period's usage has reached
   * (each is announced once per period elsewhere, like the organization's).
   */
  thresholdsReachedBy(used: { tokens: number; cost: Money }): ThresholdReached[] {
    const { projectId } = this.state;
    const reached: ThresholdReached[] = [];
    const tokenLimit = this.state.monthlyTokenLimit;
    if (tokenLimit !== null)
      for (const threshold of thresholdsReached(BigInt(tokenLimit), BigInt(used.tokens)))
        reached.push({
          scope: `project:${projectId}:tokens`,
          kind: 'project',
          metric: 'tokens',
          limit: 'monthlyTokenLimit',
          userId: null,
          projectId,
          threshold,
          limitValue: BigInt(tokenLimit),
          usedValue: BigInt(used.tokens),
        });
    const costLimit = this.state.monthlyCostLimit;
    if (costLimit !== null)
      for (const threshold of thresholdsReached(costLimit.micros, used.cost.micros))
        reached.push({
          scope: `project:${projectId}:cost`,
          kind: 'project',
          metric: 'cost',
          limit: 'monthlyCostLimitUsd',
          userId: null,
          projectId,
          threshold,
          limitValue: costLimit.micros,
          usedValue: used.cost.micros,
        });
    return reached;
  }

  /**
   * Refuses a generation that could take the project past its limits in the period (used + held +
   * this one's worst case); exactly reaching a limit is allowed.
   */
  assertAllows(request: { tokens: number; cost: Money }, spend: ProjectSpend, period: UsagePeriod): void {
    const window = period.toJSON();
    const tokenLimit = this.state.monthlyTokenLimit;
    if (tokenLimit !== null && spend.usedTokens + spend.reservedTokens + request.tokens > tokenLimit) {
      throw new UsageLimitExceededError({
        limit: 'project',
        setting: 'monthlyTokenLimit',
        projectId: this.state.projectId,
        limitValue: tokenLimit,
        used: spend.usedTokens,
        reserved: spend.reservedTokens,
        requested: request.tokens,
        period: window,
      });
    }
    const costLimit = this.state.monthlyCostLimit;
    if (costLimit !== null && spend.usedCost.add(spend.reservedCost).add(request.cost).isGreaterThan(costLimit)) {
      throw new UsageLimitExceededError({
        limit: 'project',
        setting: 'monthlyCostLimitUsd',
        projectId: this.state.projectId,
        limitValue: costLimit.toDecimalString(),
        used: spend.usedCost.toDecimalString(),
        reserved: spend.reservedCost.toDecimalString(),
        requested: request.cost.toDecimalString(),
        period: window,
      });
    }
  }
}
