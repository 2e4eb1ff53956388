import { Injectable, Logger } from '@nestjs/common';
import { Clock, Money, UnitOfWork } from '#libs/ddd';
import { PriceTable } from '../../domain/price-table';
import { UsageLimits } from '../../domain/usage-limits';
import type { UsagePeriod } from '../../domain/usage-period';
import { ProjectUsageLimitsRepository } from '../ports/project-usage-limits.repository';
import { UsageLedger, type RecordedThreshold } from '../ports/usage-ledger';
import { UsageLimitsRepository } from '../ports/usage-limits.repository';
import { UsageThresholdNotifier, type ThresholdCrossing } from '../ports/usage-threshold-notifier';
import { ProviderPrices, type ProviderKind } from '../services/provider-prices';
import { periodContaining } from '../services/usage-periods';

export interface SettleGenerationUsageInput {
  /** The reservation made before the call, or null when there was none. */
  reservationId: string | null;
  /** The OpenAI response id (`chatcmpl-…`). */
  callKey: string;
  organizationId: string;
  userId: string;
  projectId: string;
  contentId: string | null;
  model: string;
  /** `usage.prompt_tokens` (cached tokens included). */
  promptTokens: number;
  /** `usage.prompt_tokens_details.cached_tokens`. */
  cachedTokens: number;
  /** `usage.completion_tokens` (reasoning tokens included). */
  completionTokens: number;
  /** `usage.completion_tokens_details.reasoning_tokens`: part of the completion, charged as output (0 when left out). */
  reasoningTokens?: number;
  /** The tokens were counted locally because the provider's answer carried no usage (false when left out). */
  usageEstimated?: boolean;
  /** Which provider served the call ('deployment' when left out); an organization's is priced by its own table. */
  provider?: ProviderKind;
}

export interface SettledUsage {
  /** false when this call key was recorded before (a retried job): nothing changed. */
  recorded: boolean;
  cost: Money;
  /** The model had no price, so the call was charged at the fallback price (USAGE_FALLBACK_PRICE). */
  priceFallback: boolean;
  /** Thresholds (80 %, 100 %) this record made the period reach for the first time. */
  thresholdsCrossed: ThresholdCrossing[];
}

/**
 * After a completed OpenAI call: writes its one usage record and settles its reservation; a second
 * settle of the same call key changes nothing. Then records and announces (webhook outbox) the
 * thresholds the period has newly reached. All of it in one transaction, the caller's when it runs
 * in one (the generation completing its content): a threshold is never recorded without its
 * announcement, and a failure leaves nothing, so the caller's retry settles the call again. A model
 * without a price is charged at the fallback price and alerted on, never refused: the call has
 * happened, and a settle that cannot succeed would leave its content stranded.
 */
/** usage_records.model is varchar(64). */
const MODEL_COLUMN_LENGTH = 64;

@Injectable()
export class SettleGenerationUsageUseCase {
  private readonly logger = new Logger(SettleGenerationUsageUseCase.name);

  constructor(
    private readonly ledger: UsageLedger,
    private readonly limits: UsageLimitsRepository,
    private readonly projectLimits: ProjectUsageLimitsRepository,
    private readonly prices: PriceTable,
    private readonly notifier: UsageThresholdNotifier,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly providerPrices: ProviderPrices,
  ) {}

  execute(input: SettleGenerationUsageInput): Promise<SettledUsage> {
    return this.uow.run(() => this.settle(input));
  }

  private async settle(input: SettleGenerationUsageInput): Promise<SettledUsage> {
    const tokens = {
      promptTokens: input.promptTokens,
      cachedTokens: input.cachedTokens,
      completionTokens: input.completionTokens,
      reasoningTokens: input.reasoningTokens ?? 0,
    };
    const provider = input.provider ?? 'deployment';
    const prices =
      provider === 'deployment' ? this.prices : await this.providerPrices.forCall(input.organizationId, provider);
    const { cost, priceFallback } = prices.chargeOf(input.model, tokens);
    const outcome = await this.ledger.settle(
      {
        callKey: input.callKey,
        organizationId: input.organizationId,
        userId: input.userId,
        projectId: input.projectId,
        contentId: input.contentId,
        // The provider names the model; an unknown name longer than the column must not make the record impossible.
        model: input.model.slice(0, MODEL_COLUMN_LENGTH),
        ...tokens,
        cost,
        usageEstimated: input.usageEstimated ?? false,
        priceFallback,
        provider,
        createdAt: this.clock.now(),
      },
      input.reservationId,
    );
    const settled = { cost: outcome.cost, priceFallback: outcome.priceFallback };
    if (!outcome.recorded) return { recorded: false, ...settled, thresholdsCrossed: [] };
    if (priceFallback) {
      this.logger.error(
        { alert: 'usage_price_fallback', model: input.model, organizationId: input.organizationId },
        'A completed call was charged at the fallback price: its model has no price in the table',
      );
    }

    // Without a limit (the organization's, a member's or a project's) there is no threshold to reach: the record's statement already said so.
    if (outcome.organizationHasLimits === false) return { recorded: true, ...settled, thresholdsCrossed: [] };

    // In the record's transaction: a failure here undoes the record too, and the retry does it all again.
    const thresholdsCrossed = await this.recordThresholds(
      input.organizationId,
      input.userId,
      input.projectId,
      outcome.recordedAt,
    );
    if (thresholdsCrossed.length) await this.notifier.thresholdsCrossed(thresholdsCrossed);
    return { recorded: true, ...settled, thresholdsCrossed };
  }

  private async recordThresholds(
    organizationId: string,
    userId: string,
    projectId: string,
    recordedAt: Date,
  ): Promise<ThresholdCrossing[]> {
    const limits = (await this.limits.findByOrganization(organizationId)) ?? UsageLimits.defaults(organizationId);
    const project = await this.projectLimits.findByProject(organizationId, projectId);
    const projectLimited = project !== undefined && !project.isUnlimited;
    if (limits.isUnlimited && !projectLimited) return [];
    // One settle of the organization at a time from here to commit, so the spend read next counts
    // every call settled before: calls settled at once that reach a threshold together cannot all miss it.
    await this.ledger.lockThresholds(organizationId);
    // The project's period is the organization's (same calendar).
    const period = periodContaining(recordedAt, limits.calendar);
    const spend = await this.ledger.spendIn(organizationId, userId, period, projectLimited ? projectId : null);
    const reached = [
      ...limits.thresholdsReachedBy({
        organizationTokens: spend.organization.usedTokens,
        organizationCost: spend.organization.usedCost,
        userId,
        userTokens: spend.user.usedTokens,
      }),
      ...(projectLimited && spend.project
        ? project.thresholdsReachedBy({ tokens: spend.project.usedTokens, cost: spend.project.usedCost })
        : []),
    ];
    if (!reached.length) return [];
    const recorded = await this.ledger.recordThresholds(organizationId, period, reached, this.clock.now());
    return recorded.map((event) => toCrossing(organizationId, period, event));
  }
}

function toCrossing(organizationId: string, period: UsagePeriod, event: RecordedThreshold): ThresholdCrossing {
  const figure = (value: bigint) =>
    event.metric === 'cost' ? Money.fromMicros(value).toDecimalString() : Number(value);
  return {
    id: event.id,
    organizationId,
    scope: event.scope,
    kind: event.kind,
    metric: event.metric,
    limit: event.limit,
    userId: event.userId,
    projectId: event.projectId,
    threshold: event.threshold,
    limitValue: figure(event.limitValue),
    used: figure(event.usedValue),
    period: period.toJSON(),
    crossedAt: event.createdAt,
  };
}
