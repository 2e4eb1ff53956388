import { UnrecoverableError, type Job, type WorkerOptions } from 'bullmq';
import type { AppConfig } from '#libs/config';
import { DomainError } from '#libs/ddd';
import { GenerationFailure, type FailureKind, type GenerationFailureCode } from '../../../ai';
import { GENERATION_ATTEMPTS } from './generation.queue';

/** Exponential backoff without a retry-after: 2 s, 4 s, 8 s, 16 s … at most a minute. */
export const BASE_DELAY_MS = 2_000;
export const MAX_EXPONENTIAL_DELAY_MS = 60_000;
/** A provider asking for more than this is not waited for beyond it (the reservation holds meanwhile). */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/**
 * The delay before retry number `attemptsMade` (1 for the first retry). A retry-after from the
 * provider (carried by the transient error) is honoured — waited at least, plus up to 10 % (at
 * most 1 s) of jitter so that jobs throttled together do not come back together; otherwise
 * exponential with jitter between half and all of the step.
 */
export function generationBackoffDelay(
  attemptsMade: number,
  error: unknown,
  random: () => number = Math.random,
): number {
  const retryAfterMs = error instanceof GenerationFailure ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined && retryAfterMs >= 0) {
    const wait = Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
    return Math.ceil(wait + random() * Math.min(1_000, wait * 0.1));
  }
  const step = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1), MAX_EXPONENTIAL_DELAY_MS);
  return Math.ceil(step / 2 + (random() * step) / 2);
}

/** The BullMQ worker's `settings.backoffStrategy`, used by jobs with `backoff: {type: 'custom'}`. */
export const generationBackoffStrategy = (attemptsMade: number, _type?: string, error?: Error): number =>
  generationBackoffDelay(attemptsMade, error);

/**
 * The generation worker's options. The limiter is global per queue: at most
 * `rateLimitPerMinute` jobs start per minute across every worker process. A running job's lock
 * (`AI_JOB_LOCK_MS`, 30 s by default) is renewed at half its life; when a worker dies its lock
 * lapses and the stall check of another worker (run as often as the lock lasts) puts the job back
 * to wait, so a dead worker's generation resumes within one to two lock lengths. A second stall
 * fails the job for good (see GenerationProcessor.onFailed).
 */
export function generationWorkerOptions(config: AppConfig): Omit<WorkerOptions, 'connection'> {
  return {
    concurrency: config.ai.concurrency,
    limiter: { max: config.ai.rateLimitPerMinute, duration: 60_000 },
    settings: { backoffStrategy: generationBackoffStrategy },
    lockDuration: config.ai.jobLockMs,
    stalledInterval: config.ai.jobLockMs,
    maxStalledCount: 1,
  };
}

/** A permanent failure, in the form BullMQ recognises to skip the remaining attempts. */
export class PermanentGenerationError extends UnrecoverableError {
  constructor(readonly failure: GenerationFailure) {
    super(failure.message);
    this.name = 'UnrecoverableError';
  }
}

const REFUSALS = new Set<DomainError['kind']>(['invalid', 'unprocessable']);

/** What the processor throws for an error of the use case: permanent ones end the job now. */
export function toQueueError(error: unknown): unknown {
  if (error instanceof GenerationFailure && !error.transient) return new PermanentGenerationError(error);
  // A rule of the content refused the result (e.g. a body over the limit): the same call would be refused again.
  if (error instanceof DomainError && REFUSALS.has(error.kind))
    return new PermanentGenerationError(new GenerationFailure('permanent', 'internal', error.message));
  return error;
}

/** True when a `failed` event is the job's last word: no attempt will follow. */
export function isFinalFailure(job: Pick<Job, 'attemptsMade' | 'opts'>, error: Error | undefined): boolean {
  if (error instanceof UnrecoverableError || error?.name === 'UnrecoverableError') return true;
  return job.attemptsMade >= (job.opts.attempts ?? GENERATION_ATTEMPTS);
}

const STALLED = /stalled/i;

/** The code and kind of a job's final failure, for FailGenerationUseCase. */
export function failureOf(error: Error | undefined): { code: GenerationFailureCode; kind: FailureKind } {
  const failure = error instanceof PermanentGenerationError ? error.failure : error;
  if (failure instanceof GenerationFailure) return { code: failure.code, kind: failure.kind };
  if (error && STALLED.test(error.message)) return { code: 'worker_lost', kind: 'transient' };
  return { code: 'internal', kind: 'transient' };
}
