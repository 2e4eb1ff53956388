import type { CompletedCall } from './generation-outcome';

/**
 * Remembers, per job, an OpenAI call that completed, from the moment it ends until well after
 * the job is over. A job run again after a crash between "the call completed" and "the outcome
 * was written" then records that same call instead of paying for a new one, so the call gets
 * exactly one usage record.
 */
export abstract class CompletedCalls {
  abstract remember(jobId: string, call: CompletedCall): Promise<void>;
  abstract recall(jobId: string): Promise<CompletedCall | undefined>;
}
