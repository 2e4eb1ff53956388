export interface GenerationJobInput {
  contentId: string;
  organizationId: string;
  reservationId: string | null;
  requestedBy: string;
}

export interface GenerationEnqueueOptions {
  jobId?: string;
  /**
   * Keep the job from running for this long unless `release`d earlier: a job queued inside a
   * database transaction must not run before that transaction commits (the worker would not see
   * the content IN_PROGRESS yet). The delay is the fallback should `release` never come.
   */
  holdMs?: number;
}

/** Where a queued generation is: `gone` once the queue no longer keeps it (removed, or never added). */
export type QueuedGenerationState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'gone';

export interface QueuedGeneration {
  state: QueuedGenerationState;
  /** The job's payload; absent when the job is gone. */
  input?: GenerationJobInput;
}

/** Hands a generation to the background workers. */
export abstract class GenerationQueue {
  /**
   * Queues the generation and resolves with its job id (a new UUID unless `jobId` is given). With
   * `jobId`, a second call with the same id while the first job is still kept by the queue adds
   * nothing (de-duplication). A given `jobId` must not be an integer nor contain `:` (BullMQ's rule).
   */
  abstract enqueue(input: GenerationJobInput, options?: GenerationEnqueueOptions): Promise<string>;

  /**
   * Lets a job queued with `holdMs` run now (used once the transaction that queued it has
   * committed). A job that is already running or gone is left alone.
   */
  abstract release(jobId: string): Promise<void>;

  /** Removes a held job whose transaction rolled back (best effort: a stale job does nothing anyway). */
  abstract discard(jobId: string): Promise<void>;

  /** The job's state and payload, for the recovery of generations whose job was lost. */
  abstract inspect(jobId: string): Promise<QueuedGeneration>;
}
