/** What a generation job carries: ids only. The reservation shares the job's id. */
export interface GenerationJob {
  contentId: string;
  organizationId: string;
  /** The usage reservation to settle or release (the job's own id for every request since it is the reservation's). */
  reservationId: string;
  /** The user who asked for the generation: the usage record and the version are theirs. */
  requestedBy: string;
}

/** Where a queued generation is: `gone` once the queue no longer keeps it (removed, or never added). */
export type QueuedGenerationState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'gone';

export interface QueuedGeneration {
  state: QueuedGenerationState;
  /** The job's payload; absent when the job is gone. */
  job?: GenerationJob;
}

/** Hands generations to the background workers. */
export abstract class GenerationQueue {
  /**
   * Queues the job under `jobId` (a UUID; a second call with the same id while the queue still keeps
   * the first adds nothing). Fails within the Redis command timeout when Redis does not answer, and a
   * job that failed to be added is never added later.
   */
  abstract enqueue(jobId: string, job: GenerationJob): Promise<void>;

  /** The job's state and payload, for the recovery of generations whose job was lost. */
  abstract inspect(jobId: string): Promise<QueuedGeneration>;
}

/** True when the queue will never run the job (again): its generation, if still waiting, was lost. */
export function isOver(state: QueuedGenerationState): boolean {
  return state === 'gone' || state === 'completed' || state === 'failed';
}
