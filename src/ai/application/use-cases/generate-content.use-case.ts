import { Injectable, Logger } from '@nestjs/common';
import { GENERATING_STATUS, type GenerationEvent } from '../../domain/generation-event';
import { GenerationFailure, publicFailureOf } from '../../domain/generation.errors';
import { CompletedCalls } from '../ports/completed-calls';
import { GenerationEvents } from '../ports/generation-events';
import { GenerationOutcome, type CompletedCall, type GenerationJobRef } from '../ports/generation-outcome';
import { GenerationSource } from '../ports/generation-source';
import { LlmClient } from '../ports/llm-client';
import { errorSummary, jobRefOf, publishBestEffort } from './support';

export interface GenerateContentInput extends GenerationJobRef {
  /** 1 for the job's first run; each retry counts up. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the job must stop (lost lock, cancellation, shutdown). */
  signal?: AbortSignal;
}

export type GenerateContentResult =
  | { outcome: 'completed'; responseId: string; status: string; recovered: boolean }
  | { outcome: 'skipped'; reason: 'not_in_progress' | 'stale_job' };

/**
 * Generates one content: loads its request, streams the model's answer to watchers as it comes,
 * and writes the outcome (usage record + new version). Throws a `GenerationFailure` (or anything
 * else, treated as transient) for the queue to retry or give up; the final failure is written by
 * FailGenerationUseCase, not here.
 *
 * Safe to run again for the same job: a call that already completed is recorded again (the
 * outcome is idempotent on responseId) rather than paid for twice, and a content that no longer
 * waits for this job is left alone.
 */
@Injectable()
export class GenerateContentUseCase {
  private readonly logger = new Logger(GenerateContentUseCase.name);

  constructor(
    private readonly source: GenerationSource,
    private readonly llm: LlmClient,
    private readonly events: GenerationEvents,
    private readonly outcome: GenerationOutcome,
    private readonly calls: CompletedCalls,
  ) {}

  async execute(input: GenerateContentInput): Promise<GenerateContentResult> {
    const earlier = await this.calls.recall(input.jobId);
    if (earlier) return this.record(input, earlier, true);

    const request = await this.source.load(input.contentId);
    if (!request)
      throw new GenerationFailure('permanent', 'content_not_found', `Content ${input.contentId} does not exist`);
    if (!request.inProgress) return { outcome: 'skipped', reason: 'not_in_progress' };
    if (request.jobId && request.jobId !== input.jobId) return { outcome: 'skipped', reason: 'stale_job' };

    await this.announce(input.contentId, {
      type: 'status',
      status: GENERATING_STATUS,
      lastError: null,
      jobId: input.jobId,
      attempt: input.attempt,
    });
    let call: CompletedCall;
    try {
      const result = await this.llm.stream(
        {
          model: request.model,
          messages: request.messages,
          temperature: request.temperature,
          maxTokens: request.maxTokens,
          signal: input.signal,
        },
        (text) => this.announce(input.contentId, { type: 'delta', text }),
      );
      call = {
        responseId: result.responseId,
        model: result.model,
        body: result.text,
        finishReason: result.finishReason,
        usage: result.usage,
      };
    } catch (error) {
      await this.announceRetry(input, error);
      throw error;
    }

    // Kept before anything else is written, so that a crash from here on re-records this call.
    await this.calls
      .remember(input.jobId, call)
      .catch((error: unknown) =>
        this.logger.warn(
          { contentId: input.contentId, jobId: input.jobId, err: errorSummary(error) },
          'Could not keep the completed call for recovery',
        ),
      );
    return this.record(input, call, false);
  }

  private announce(contentId: string, event: GenerationEvent): Promise<void> {
    return publishBestEffort(this.events, this.logger, contentId, event);
  }

  private async record(
    input: GenerateContentInput,
    call: CompletedCall,
    recovered: boolean,
  ): Promise<GenerateContentResult> {
    const settled = await this.outcome.completed({ ...jobRefOf(input), ...call });
    await this.announce(input.contentId, {
      type: 'done',
      jobId: input.jobId,
      model: call.model,
      finishReason: call.finishReason,
      usage: call.usage,
    });
    await this.announce(input.contentId, {
      type: 'status',
      status: settled.status,
      lastError: settled.lastError,
      jobId: input.jobId,
    });
    this.logger.log(
      {
        contentId: input.contentId,
        jobId: input.jobId,
        attempt: input.attempt,
        model: call.model,
        responseId: call.responseId,
        usage: call.usage,
        recovered,
      },
      'Content generated',
    );
    return { outcome: 'completed', responseId: call.responseId, status: settled.status, recovered };
  }

  /** Tells watchers that this attempt failed and another one will follow. */
  private async announceRetry(input: GenerateContentInput, error: unknown): Promise<void> {
    const failure = error instanceof GenerationFailure ? error : undefined;
    const retrying = (failure?.transient ?? true) && input.attempt < input.maxAttempts;
    this.logger.warn(
      {
        contentId: input.contentId,
        jobId: input.jobId,
        attempt: input.attempt,
        retrying,
        code: failure?.code ?? 'internal',
        err: errorSummary(error),
      },
      'Generation attempt failed',
    );
    if (!retrying) return; // the final failure is announced by FailGenerationUseCase
    await this.announce(input.contentId, {
      type: 'error',
      code: publicFailureOf(failure?.code ?? 'internal').code,
      message: 'The attempt failed and will be retried.',
      retrying: true,
      ...(failure?.retryAfterMs !== undefined && { retryAfterMs: failure.retryAfterMs }),
      jobId: input.jobId,
    });
  }
}
