import type { TokenUsage } from '../../domain/generation-event';
import type { FailureKind, GenerationFailureCode, PublicFailure } from '../../domain/generation.errors';

/** Who asked for the generation and what was reserved for it: carried unchanged from the job payload. */
export interface GenerationJobRef {
  contentId: string;
  organizationId: string;
  /** The queue job; the same for every retry of one generation request. */
  jobId: string;
  /** The usage reservation made when the generation was requested (null when none was needed). */
  reservationId: string | null;
  /** The user who requested the generation. */
  requestedBy: string;
}

/** One OpenAI call that completed: exactly one usage record must exist for it. */
export interface CompletedCall {
  /** The provider's completion id: the usage record's unique `callKey`. */
  responseId: string;
  /** The model that answered (may be a dated snapshot such as `gpt-4.1-mini-2025-04-14`). */
  model: string;
  body: string;
  finishReason: string | null;
  usage: TokenUsage;
}

export interface CompletedGeneration extends GenerationJobRef, CompletedCall {}

export interface FailedGeneration extends GenerationJobRef {
  /** `code` (UPPER_SNAKE) and `message` are safe for users: they become the content's `lastError`. */
  error: PublicFailure & {
    kind: FailureKind;
    /** The ai context's own name for the failure (the lower-case form of `code`). */
    reason: GenerationFailureCode;
  };
  /**
   * Present when an OpenAI call of this job did complete but the job failed anyway (e.g.
   * completing the content kept failing): its usage must still be recorded (callKey =
   * responseId; it may already be, from an earlier `completed`) rather than the reservation
   * simply released.
   */
  unrecordedCall?: CompletedCall;
}

/** The content's state once the outcome is written, for watchers. */
export interface SettledContent {
  status: string;
  lastError: PublicFailure | null;
}

/**
 * Writes the result of a generation into the other contexts. Implemented by the lead over the
 * usage and content contexts' exported use cases (see infrastructure/bridges).
 *
 * Both methods may be called more than once for the same job, and must then be harmless:
 * a worker can die after writing and before the queue hears of it, and the job runs again.
 *
 * - `completed`: (a) settles the reservation into exactly one usage record keyed by
 *   `callKey = responseId` (a second call with the same responseId records nothing new), then
 *   (b) completes the content with `body` as a new `ai` version and moves it to REVIEW. If the
 *   content is no longer IN_PROGRESS for this job (already completed by an earlier run), (b)
 *   does nothing and the current state is returned. Throwing makes the job retry (transient) —
 *   the same call is offered again, never a new OpenAI call.
 * - `failed`: called once the job has finally failed (all attempts used, a permanent error, or a
 *   worker lost too often). Releases the reservation (or, with `unrecordedCall`, settles it as
 *   above), and returns the content to the state it left before IN_PROGRESS with `lastError` set.
 *   Idempotent on `jobId`; a missing content is not an error (release the reservation anyway).
 */
export abstract class GenerationOutcome {
  abstract completed(generation: CompletedGeneration): Promise<SettledContent>;
  abstract failed(generation: FailedGeneration): Promise<SettledContent>;
}
