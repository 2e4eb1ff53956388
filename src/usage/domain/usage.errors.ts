import { DomainError } from '#libs/ddd';

/** A model the price table does not know: generating with it could not be charged, so it is refused. */
export class ModelUnknownError extends DomainError {
  constructor(model: string, knownModels: string[]) {
    super('MODEL_UNKNOWN', 'invalid', `The model "${model}" has no price; use one of: ${knownModels.join(', ')}`, {
      model,
      knownModels,
    });
  }
}

/**
 * The organization's content policy caps what one generation may cost, and this one's worst case
 * (all prompt tokens uncached plus its completion cap) is above it. Refused before anything is
 * reserved or sent.
 */
export class GenerationCostCeilingError extends DomainError {
  constructor(details: {
    model: string;
    promptTokens: number;
    maxCompletionTokens: number;
    worstCaseCostUsd: string;
    maxCostPerGenerationUsd: string;
  }) {
    super(
      'GENERATION_COST_CEILING',
      'limit',
      `This generation could cost up to ${details.worstCaseCostUsd} USD, above your organization's ceiling of ` +
        `${details.maxCostPerGenerationUsd} USD per generation; lower maxTokens, shorten the prompt or pick a cheaper model`,
      { ...details },
    );
  }
}

/** Token counts reported for a call that cannot be right (negative, fractional, more cached than prompt tokens). */
export class TokenCountInvalidError extends DomainError {
  constructor(reason: string) {
    super('TOKEN_COUNT_INVALID', 'invalid', `Invalid token counts: ${reason}`);
  }
}

/** Which limit a refused generation would have broken. Names match the limits resource's fields. */
export type LimitName = 'monthlyTokenLimit' | 'monthlyCostLimitUsd' | 'perUserMonthlyTokenLimit';

/** Whose limit it was: the organization's, the member's own (per-user), or the project's. */
export type LimitScope = 'organization' | 'user' | 'project';

/**
 * What a refused generation was measured against. Token figures are numbers; for the cost limit
 * they are the contract's decimal USD strings.
 */
export interface LimitExceededDetails {
  /** Whose limit (the contract's `details.limit`). */
  limit: LimitScope;
  /** Which setting of that limit: the field of the organization's or the project's limits resource. */
  setting: LimitName;
  /** The project, when `limit` is `project`. */
  projectId?: string;
  limitValue: number | string;
  used: number | string;
  reserved: number | string;
  requested: number | string;
  period: { start: string; end: string };
}

export class UsageLimitExceededError extends DomainError {
  constructor(details: LimitExceededDetails) {
    super(
      'USAGE_LIMIT_EXCEEDED',
      'limit',
      `This generation could take the ${details.limit} past its ${LIMIT_LABELS[details.setting]} for the period (${details.limitValue}); ` +
        `used ${details.used}, reserved by generations in progress ${details.reserved}, this one needs up to ${details.requested}`,
      { ...details },
    );
  }
}

const LIMIT_LABELS: Record<LimitName, string> = {
  monthlyTokenLimit: 'monthly token limit',
  monthlyCostLimitUsd: 'monthly cost limit in USD',
  perUserMonthlyTokenLimit: 'monthly token limit per member',
};
