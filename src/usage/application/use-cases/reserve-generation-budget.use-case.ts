import { Injectable } from '@nestjs/common';
import { Clock, type Money } from '#libs/ddd';
import { PriceTable } from '../../domain/price-table';
import { GenerationCostCeilingError, TokenCountInvalidError } from '../../domain/usage.errors';
import { UsageLedger } from '../ports/usage-ledger';
import { ProviderPrices } from '../services/provider-prices';
import { periodContaining } from '../services/usage-periods';

export interface ReserveGenerationBudgetInput {
  /** The reservation's id when the caller picks it (a UUID), so it can release the reservation knowing only its own id. */
  reservationId?: string;
  organizationId: string;
  userId: string;
  /** The content's project: the reservation counts against the project's limits as well. */
  projectId?: string | null;
  model: string;
  /** Prompt tokens as counted before the call (e.g. with js-tiktoken). */
  promptTokens: number;
  /** The completion cap sent to OpenAI (`max_completion_tokens`). */
  maxTokens: number;
  /** The content policy's ceiling per generation: a worst case above it is refused (402 GENERATION_COST_CEILING) before anything is held. */
  maxCostPerGeneration?: Money | null;
}

export interface ReservedBudget {
  reservationId: string;
  worstCaseTokens: number;
  worstCaseCost: Money;
}

/**
 * Before a generation: holds its worst case (all prompt tokens uncached plus `maxTokens`) against
 * the organization's, the member's and the project's limits in one atomic step, or refuses with 402 USAGE_LIMIT_EXCEEDED (400 MODEL_UNKNOWN for a
 * model without a price — with the organization's own provider, a model outside its table). The reservation holds until it is settled or released, however long
 * its job waits: its owner ends it on completion, final failure, discard or recovery of a lost job.
 */
@Injectable()
export class ReserveGenerationBudgetUseCase {
  constructor(
    private readonly ledger: UsageLedger,
    private readonly prices: PriceTable,
    private readonly clock: Clock,
    private readonly providerPrices: ProviderPrices,
  ) {}

  async execute(input: ReserveGenerationBudgetInput): Promise<ReservedBudget> {
    for (const field of ['promptTokens', 'maxTokens'] as const) {
      if (!Number.isSafeInteger(input[field]) || input[field] < 0)
        throw new TokenCountInvalidError(`${field} must be a whole number ≥ 0`);
    }
    // An organization with its own provider is charged by its own table, and limited to its models.
    const { tokens: worstCaseTokens, cost: worstCaseCost } = await this.providerPrices.worstCaseOf(
      input.organizationId,
      input.model,
      input.promptTokens,
      input.maxTokens,
    );
    const ceiling = input.maxCostPerGeneration;
    if (ceiling && worstCaseCost.isGreaterThan(ceiling))
      throw new GenerationCostCeilingError({
        model: input.model,
        promptTokens: input.promptTokens,
        maxCompletionTokens: input.maxTokens,
        worstCaseCostUsd: worstCaseCost.toDecimalString(),
        maxCostPerGenerationUsd: ceiling.toDecimalString(),
      });
    const now = this.clock.now();
    const reservation = {
      id: input.reservationId,
      organizationId: input.organizationId,
      userId: input.userId,
      projectId: input.projectId ?? null,
      tokens: worstCaseTokens,
      cost: worstCaseCost,
    };

    const unlimited = await this.ledger.reserveWhereUnlimited(
      reservation,
      (calendar) => periodContaining(now, calendar),
      now,
    );
    if (unlimited) return { reservationId: unlimited.reservationId, worstCaseTokens, worstCaseCost };
    const { reservationId } = await this.ledger.reserve(
      reservation,
      async (limits, spendIn, project) => {
        const period = periodContaining(now, limits.calendar);
        // Organization, member and project, decided together under the organization's lock.
        if (!limits.isUnlimited || (project && !project.isUnlimited))
          limits.assertAllows({ tokens: worstCaseTokens, cost: worstCaseCost }, await spendIn(period), period, project);
        return period;
      },
      now,
    );
    return { reservationId, worstCaseTokens, worstCaseCost };
  }
}
