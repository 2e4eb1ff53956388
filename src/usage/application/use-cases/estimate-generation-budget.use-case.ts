import { Injectable } from '@nestjs/common';
import { Clock, Money } from '#libs/ddd';
import { ProjectUsageLimits } from '../../domain/project-usage-limits';
import { UsageLimits, type PeriodSpend } from '../../domain/usage-limits';
import { UsageLimitExceededError, type LimitExceededDetails, type LimitScope } from '../../domain/usage.errors';
import { ProjectUsageLimitsRepository } from '../ports/project-usage-limits.repository';
import { UsageLedger } from '../ports/usage-ledger';
import { UsageLimitsRepository } from '../ports/usage-limits.repository';
import { ProviderPrices } from '../services/provider-prices';
import { periodContaining } from '../services/usage-periods';

export interface EstimateGenerationBudgetInput {
  organizationId: string;
  userId: string;
  projectId: string;
  model: string;
  /** Prompt tokens as the reservation counts them. */
  promptTokens: number;
  /** The completion cap the generation would send. */
  maxTokens: number;
  /** The content policy's ceiling per generation; null = none. */
  maxCostPerGeneration: Money | null;
}

/** What remains of one limit this period; a figure is null when that dimension has no limit. */
export interface Remaining {
  tokens: number | null;
  cost: Money | null;
}

export type WouldExceed = LimitScope | 'generationCeiling' | null;

export interface GenerationBudgetEstimate {
  worstCaseTokens: number;
  worstCaseCost: Money;
  /** null for a scope without any limit. */
  remaining: { organization: Remaining | null; user: Remaining | null; project: Remaining | null };
  wouldExceed: WouldExceed;
}

/**
 * What a generation would hold and whether it would be refused right now, without reserving: the
 * same worst case as ReserveGenerationBudgetUseCase (ProviderPrices.worstCaseOf), the ceiling
 * first, then the organization's, the member's and the project's limits decided as the
 * reservation decides them (UsageLimits.assertAllows) on a read of the period's spend. Nothing is
 * locked: a generation requested later may still be refused by what others reserved meanwhile.
 */
@Injectable()
export class EstimateGenerationBudgetUseCase {
  constructor(
    private readonly limits: UsageLimitsRepository,
    private readonly projectLimits: ProjectUsageLimitsRepository,
    private readonly ledger: UsageLedger,
    private readonly providerPrices: ProviderPrices,
    private readonly clock: Clock,
  ) {}

  async execute(input: EstimateGenerationBudgetInput): Promise<GenerationBudgetEstimate> {
    const worstCase = await this.providerPrices.worstCaseOf(
      input.organizationId,
      input.model,
      input.promptTokens,
      input.maxTokens,
    );
    const [limits, project] = await Promise.all([
      this.limits.findByOrganization(input.organizationId),
      this.projectLimits.findByProject(input.organizationId, input.projectId),
    ]);
    const organization = limits ?? UsageLimits.defaults(input.organizationId);
    const projectLimits = project ?? ProjectUsageLimits.defaults(input.projectId, input.organizationId);
    const period = periodContaining(this.clock.now(), organization.calendar);
    const spend = await this.ledger.spendIn(input.organizationId, input.userId, period, input.projectId);

    let wouldExceed: WouldExceed = null;
    if (input.maxCostPerGeneration && worstCase.cost.isGreaterThan(input.maxCostPerGeneration))
      wouldExceed = 'generationCeiling';
    else {
      try {
        organization.assertAllows(worstCase, spend, period, projectLimits);
      } catch (error) {
        if (!(error instanceof UsageLimitExceededError)) throw error;
        wouldExceed = (error.details as unknown as LimitExceededDetails).limit;
      }
    }
    return {
      worstCaseTokens: worstCase.tokens,
      worstCaseCost: worstCase.cost,
      remaining: remainingOf(organization, projectLimits, spend),
      wouldExceed,
    };
  }
}

function remainingOf(
  organization: UsageLimits,
  project: ProjectUsageLimits,
  spend: PeriodSpend,
): GenerationBudgetEstimate['remaining'] {
  const tokensLeft = (limit: number | null, used: number, reserved: number) =>
    limit === null ? null : Math.max(0, limit - used - reserved);
  const costLeft = (limit: Money | null, used: Money, reserved: Money) => {
    if (limit === null) return null;
    const left = limit.micros - used.micros - reserved.micros;
    return Money.fromMicros(left > 0n ? left : 0n);
  };
  const org = spend.organization;
  const proj = spend.project;
  return {
    organization:
      organization.monthlyTokenLimit === null && organization.monthlyCostLimit === null
        ? null
        : {
            tokens: tokensLeft(organization.monthlyTokenLimit, org.usedTokens, org.reservedTokens),
            cost: costLeft(organization.monthlyCostLimit, org.usedCost, org.reservedCost),
          },
    user:
      organization.perUserMonthlyTokenLimit === null
        ? null
        : {
            tokens: tokensLeft(organization.perUserMonthlyTokenLimit, spend.user.usedTokens, spend.user.reservedTokens),
            cost: null,
          },
    project:
      project.isUnlimited || !proj
        ? null
        : {
            tokens: tokensLeft(project.monthlyTokenLimit, proj.usedTokens, proj.reservedTokens),
            cost: costLeft(project.monthlyCostLimit, proj.usedCost, proj.reservedCost),
          },
  };
}
