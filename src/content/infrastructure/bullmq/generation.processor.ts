import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type BeforeApplicationShutdown, type Type } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { Registry } from 'prom-client';
import type { AppConfig } from '#libs/config';
import { errorSummary } from '#libs/logging';
import type { GenerationJob } from '../../application/ports/generation-queue';
import { FailGenerationUseCase } from '../../application/use-cases/generation/fail-generation.use-case';
import {
  GenerateContentUseCase,
  type GenerateContentResult,
} from '../../application/use-cases/generation/generate-content.use-case';
import {
  GENERATE_CONTENT_JOB,
  GENERATION_ATTEMPTS,
  GENERATION_QUEUE,
  type GenerateContentPayload,
} from './generation.queue';
import { GenerationMetrics } from '../prometheus/generation-metrics';
import { failureOf, generationWorkerOptions, isFinalFailure, toQueueError } from './generation-retry';

/**
 * Runs `generate-content` jobs: one job, one use case. Transient failures are thrown back for
 * BullMQ to retry with the custom backoff; permanent ones end the job at once. When a job has
 * finally failed (including a job whose worker died once too often) FailGenerationUseCase puts the
 * content back. Completions, failed attempts and final failures are counted (GenerationMetrics).
 *
 * Not decorated with @Processor itself: `generationProcessorFor(config)` makes the registered
 * subclass, because BullMQ takes the worker options (concurrency, rate limit, lock) when the worker
 * is made, from the decorator.
 */
@Injectable()
export class GenerationProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GenerationProcessor.name);
  private readonly failing = new Set<Promise<void>>();
  private readonly metrics: GenerationMetrics;

  constructor(
    private readonly generate: GenerateContentUseCase,
    private readonly fail: FailGenerationUseCase,
    registry: Registry,
  ) {
    super();
    this.metrics = new GenerationMetrics(registry);
  }

  /** `signal` (BullMQ passes it to processors that take three parameters) aborts when the job is cancelled. */
  async process(
    job: Job<GenerateContentPayload>,
    _token?: string,
    signal?: AbortSignal,
  ): Promise<GenerateContentResult> {
    if (job.name !== GENERATE_CONTENT_JOB) throw new UnrecoverableError(`Unknown job ${job.name}`);
    let result: GenerateContentResult;
    try {
      result = await this.generate.execute({
        job: jobOf(job),
        jobId: jobIdOf(job),
        attempt: job.attemptsMade + 1,
        maxAttempts: job.opts.attempts ?? GENERATION_ATTEMPTS,
        signal,
      });
    } catch (error) {
      throw toQueueError(error);
    }
    if (result.outcome === 'completed') this.metrics.completedOne(job.timestamp, Date.now());
    return result;
  }

  /**
   * A job whose lock could not be renewed will be run again elsewhere once it lapses: its call here
   * is stopped, so that one generation is not paid for twice.
   */
  @OnWorkerEvent('lockRenewalFailed')
  onLockRenewalFailed(jobIds: string[]): void {
    for (const jobId of jobIds) {
      this.logger.warn({ jobId }, 'Lost the lock of a generation job; stopping its call');
      this.worker.cancelJob(jobId, 'lock lost');
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<GenerateContentPayload> | undefined, error: Error | undefined): void {
    if (!job || job.name !== GENERATE_CONTENT_JOB) return;
    const final = isFinalFailure(job, error);
    this.metrics.attemptFailed(failureOf(error).code, final);
    if (!final) return;
    const done = this.fail
      .execute({ job: jobOf(job), jobId: jobIdOf(job), failure: failureOf(error) })
      .then(() => undefined)
      .catch((failError: unknown) =>
        this.logger.error(
          { contentId: job.data.contentId, jobId: job.id, err: errorSummary(failError) },
          'Could not end a failed generation; the recovery job will try again',
        ),
      )
      .finally(() => this.failing.delete(done));
    this.failing.add(done);
  }

  /** Lets the final-failure handling of jobs that just failed finish before connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.failing);
  }
}

/** The processor class registered for this configuration (worker options are fixed when the worker is made). */
export function generationProcessorFor(config: AppConfig): Type<GenerationProcessor> {
  @Processor(GENERATION_QUEUE, generationWorkerOptions(config))
  class ConfiguredGenerationProcessor extends GenerationProcessor {}
  return ConfiguredGenerationProcessor;
}

function jobOf(job: Job<GenerateContentPayload>): GenerationJob {
  const { contentId, organizationId, reservationId, requestedBy } = job.data;
  return { contentId, organizationId, reservationId: reservationId ?? jobIdOf(job), requestedBy };
}

function jobIdOf(job: Job): string {
  if (!job.id) throw new UnrecoverableError('A generation job without an id');
  return job.id;
}
