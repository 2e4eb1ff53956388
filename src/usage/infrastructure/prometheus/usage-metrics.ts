import type { Counter, Registry } from 'prom-client';
import { counterIn } from '#libs/metrics';
import type { LimitName } from '../../domain/usage.errors';
import { USAGE_THRESHOLDS, type UsageThreshold } from '../../domain/usage-limits';

const LIMITS: LimitName[] = ['monthlyTokenLimit', 'monthlyCostLimitUsd', 'perUserMonthlyTokenLimit'];

/**
 * The usage context's instruments: tokens and cost recorded, by the model the provider named;
 * reservations refused, by the limit they would have broken; thresholds (80 %, 100 %) crossed, by
 * limit and threshold. Never by organization or member: those are in the usage reports and audit.
 * Refusals and crossings are rare: each limit (and threshold) is counted from 0, so that a rule over
 * `increase()` sees the first one too.
 */
export class UsageMetrics {
  private readonly tokens: Counter<'model' | 'type'>;
  private readonly cost: Counter<'model'>;
  private readonly refused: Counter<'limit'>;
  private readonly thresholds: Counter<'limit' | 'threshold'>;

  constructor(registry: Registry) {
    this.tokens = counterIn(registry, {
      name: 'usage_tokens_total',
      help: 'Tokens of recorded language-model calls by model and type: input (uncached prompt), cached_input, output',
      labelNames: ['model', 'type'],
    });
    this.cost = counterIn(registry, {
      name: 'usage_cost_microdollars_total',
      help: 'Cost of recorded language-model calls in micro-USD (1e-6 USD) by model',
      labelNames: ['model'],
    });
    this.refused = counterIn(registry, {
      name: 'usage_reservations_refused_total',
      help: 'Generations refused before they started (402 USAGE_LIMIT_EXCEEDED), by the limit they would have broken',
      labelNames: ['limit'],
    });
    this.thresholds = counterIn(registry, {
      name: 'usage_thresholds_crossed_total',
      help: 'Usage limits that reached 80 or 100 percent for the first time in their period (usage.threshold_reached), by limit and threshold',
      labelNames: ['limit', 'threshold'],
    });
    for (const limit of LIMITS) {
      this.refused.inc({ limit }, 0);
      for (const threshold of USAGE_THRESHOLDS) this.thresholds.inc({ limit, threshold: String(threshold) }, 0);
    }
  }

  recorded(
    call: { model: string; promptTokens: number; cachedTokens: number; completionTokens: number },
    costMicros: bigint,
  ): void {
    const { model } = call;
    this.tokens.inc({ model, type: 'input' }, Math.max(0, call.promptTokens - call.cachedTokens));
    this.tokens.inc({ model, type: 'cached_input' }, call.cachedTokens);
    this.tokens.inc({ model, type: 'output' }, call.completionTokens);
    this.cost.inc({ model }, Number(costMicros));
  }

  /** `limit`: the setting (`monthlyTokenLimit`…), prefixed `project.` for a project's. */
  refusedBy(limit: string): void {
    this.refused.inc({ limit });
  }

  /** `limit`: the setting (`monthlyTokenLimit`…), prefixed `project.` for a project's. */
  crossed(limit: string, threshold: UsageThreshold): void {
    this.thresholds.inc({ limit, threshold: String(threshold) });
  }
}
