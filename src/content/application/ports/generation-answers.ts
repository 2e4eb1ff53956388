/** The answer to `POST /contents/:id/generate`. */
export interface RequestedGeneration {
  contentId: string;
  jobId: string;
  status: 'IN_PROGRESS';
}

export type AnswerClaim = { claimed: true } | { claimed: false; answer: RequestedGeneration | null };

/**
 * First answers to generate requests, by organization and `Idempotency-Key`, kept for a day.
 * A repeat of a key gets the first answer instead of starting a second generation.
 */
export abstract class GenerationAnswers {
  /**
   * Atomically claims `key` for this request. `claimed: false` when it was claimed before, with the
   * stored answer, or `answer: null` while that first request is still running.
   */
  abstract claim(organizationId: string, key: string): Promise<AnswerClaim>;
  /** Stores the first answer for the key (replaces the claim). */
  abstract store(organizationId: string, key: string, answer: RequestedGeneration): Promise<void>;
  /** Gives up a claim whose request failed, so that the key can be used again. */
  abstract forget(organizationId: string, key: string): Promise<void>;
}
