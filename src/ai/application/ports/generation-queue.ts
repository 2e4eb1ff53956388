export interface GenerationJobInput {
  contentId: string;
  organizationId: string;
  reservationId: string | null;
  requestedBy: string;
}

/** Hands a generation to the background workers. */
export abstract class GenerationQueue {
  /**
   * Queues the generation and resolves with its job id (a new UUID unless `jobId` is given). With
   * `jobId`, a second call with the same id while the first job is still kept by the queue adds
   * nothing (de-duplication). A given `jobId` must not be an integer nor contain `:` (BullMQ's rule).
   */
  abstract enqueue(input: GenerationJobInput, options?: { jobId?: string }): Promise<string>;
}
