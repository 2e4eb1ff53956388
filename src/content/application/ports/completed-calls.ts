import type { TokenUsage } from '../../../ai';
import type { ProviderKind } from '../../../usage';

/** One model call that completed: exactly one usage record must exist for it. */
export interface CompletedCall {
  /** The provider's completion id: the usage record's unique `callKey`. */
  responseId: string;
  /** The model that answered (may be a dated snapshot such as `gpt-4.1-mini-2025-04-14`). */
  model: string;
  body: string;
  finishReason: string | null;
  usage: TokenUsage;
  /** The provider left usage out and the tokens were counted locally. */
  usageEstimated: boolean;
  /** Which provider served it (`deployment` when absent: remembered before providers were recorded). */
  provider?: ProviderKind;
}

/**
 * Remembers, per job, a model call that completed, from the moment it ends until well after the
 * job is over. A job run again after a crash between "the call completed" and "the outcome was
 * written" then records that same call instead of paying for a new one.
 */
export abstract class CompletedCalls {
  abstract remember(jobId: string, call: CompletedCall): Promise<void>;
  abstract recall(jobId: string): Promise<CompletedCall | undefined>;
}
