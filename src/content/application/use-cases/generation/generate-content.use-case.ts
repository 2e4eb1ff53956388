import { Injectable, Logger } from '@nestjs/common';
import { Clock, UnitOfWork } from '#libs/ddd';
import { errorSummary } from '#libs/logging';
import {
  GENERATING_STATUS,
  GenerationFailure,
  PublishGenerationEventUseCase,
  StreamChatCompletionUseCase,
  publicFailureOf,
} from '../../../../ai';
import {
  CheckReservationUseCase,
  ReleaseGenerationBudgetUseCase,
  ResolveGenerationProviderUseCase,
  SettleGenerationUsageUseCase,
} from '../../../../usage';
import type { Content } from '../../../domain/content';
import { ContentEvents } from '../../ports/content-events';
import { CompletedCalls, type CompletedCall } from '../../ports/completed-calls';
import { ContentRepository, toContentView } from '../../ports/content.repository';
import type { GenerationJob } from '../../ports/generation-queue';
import { contentEventData } from '../contents/content-event-data';
import { changeRunningJob, settleCall, statusEventOf } from './generation-outcomes';

export interface GenerateContentInput {
  job: GenerationJob;
  jobId: string;
  /** 1 for the job's first run; each retry counts up. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the job must stop (lost lock, shutdown). */
  signal?: AbortSignal;
}

export type GenerateContentResult =
  | { outcome: 'completed'; responseId: string; status: string; recovered: boolean }
  | { outcome: 'skipped'; reason: 'not_in_progress' | 'stale_job' };

/**
 * One generation job: reads the content (is it still waiting for this job? does the job still hold
 * its reservation?), streams the model's answer to watchers through the ai gateway, then records
 * the call once (usage record, settled reservation) and completes the content (a new `ai` version,
 * REVIEW). Throws a `GenerationFailure` (anything else counts as transient) for the queue to retry
 * or give up; the final failure belongs to FailGenerationUseCase.
 *
 * Safe to run again for one job: a call that completed is recorded again from CompletedCalls
 * (usage is keyed by the response id) rather than paid for twice, and a content that no longer
 * waits for the job is left alone.
 */
@Injectable()
export class GenerateContentUseCase {
  private readonly logger = new Logger(GenerateContentUseCase.name);

  constructor(
    private readonly contents: ContentRepository,
    private readonly calls: CompletedCalls,
    private readonly checkReservation: CheckReservationUseCase,
    private readonly streamCompletion: StreamChatCompletionUseCase,
    private readonly settleUsage: SettleGenerationUsageUseCase,
    private readonly releaseBudget: ReleaseGenerationBudgetUseCase,
    private readonly contentEvents: ContentEvents,
    private readonly publish: PublishGenerationEventUseCase,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly resolveProvider: ResolveGenerationProviderUseCase,
  ) {}

  async execute(input: GenerateContentInput): Promise<GenerateContentResult> {
    const { job, jobId } = input;
    // Three independent reads at once: a call kept from an earlier run, the content, the reservation.
    const [earlier, content, { held }] = await Promise.all([
      this.calls.recall(jobId),
      this.contents.findForGeneration(job.contentId),
      this.checkReservation.execute(job.reservationId),
    ]);
    if (earlier) return this.record(input, earlier, true, content);

    if (!content) throw new GenerationFailure('permanent', 'content_not_found', `Content ${job.contentId} is gone`);
    if (!content.isRunningJob(jobId))
      return { outcome: 'skipped', reason: content.status === 'IN_PROGRESS' ? 'stale_job' : 'not_in_progress' };
    if (!held) throw new GenerationFailure('permanent', 'reservation_lost', `Reservation ${job.reservationId} ended`);

    // Not waited for: the deltas that follow are published after it all the same.
    void this.publish.execute(job.contentId, {
      type: 'status',
      status: GENERATING_STATUS,
      lastError: null,
      jobId,
      attempt: input.attempt,
    });
    let call: CompletedCall;
    try {
      // The organization's own provider when it has one (read at each attempt: a change applies to the next one).
      const provider = await this.resolveProvider.execute(job.organizationId);
      const result = await this.streamCompletion.execute({
        ...content.generationPrompt(),
        signal: input.signal,
        liveTopic: job.contentId,
        ...(provider.kind === 'organization' && { connection: provider.connection }),
      });
      call = {
        responseId: result.responseId,
        model: result.model,
        body: result.text,
        finishReason: result.finishReason,
        usage: result.usage,
        usageEstimated: result.usageEstimated,
        provider: provider.kind,
      };
    } catch (error) {
      await this.announceRetry(input, error);
      throw error;
    }
    // Kept before anything else is written, so that a crash from here on re-records this call.
    await this.calls
      .remember(jobId, call)
      .catch((error: unknown) =>
        this.logger.warn({ jobId, err: errorSummary(error) }, 'Could not keep the completed call for recovery'),
      );
    return this.record(input, call, false, content);
  }

  private async record(
    input: GenerateContentInput,
    call: CompletedCall,
    recovered: boolean,
    loaded: Content | undefined,
  ): Promise<GenerateContentResult> {
    const { job, jobId } = input;
    const project = loaded?.projectId;
    if (!project) {
      // The content is gone: no project to charge the call to, nothing to complete.
      await this.releaseBudget.execute(job.reservationId);
      return { outcome: 'skipped', reason: 'not_in_progress' };
    }
    // The usage record (and the thresholds it crosses), the completed content and its webhook event
    // commit together: a failure anywhere leaves none of them, and the job's retry records the call again.
    const view = await this.uow.run(async () => {
      const usage = {
        ...call.usage,
        costUsd: (await settleCall(this.settleUsage, job, call, project)).toDecimalString(),
      };
      const { outcome, content } = await changeRunningJob(
        this.contents,
        job.organizationId,
        job.contentId,
        jobId,
        (c) =>
          c.completeGeneration(
            {
              jobId,
              body: call.body,
              model: call.model,
              usage,
              by: job.requestedBy,
            },
            this.clock.now(),
          ),
        loaded,
      );
      const completed = content ? toContentView(content) : undefined;
      if (completed && outcome === 'changed') {
        await this.contentEvents.publish({
          organizationId: job.organizationId,
          type: 'content.generated',
          data: { ...contentEventData(completed), jobId, usage },
        });
      }
      return completed;
    });
    // After the commit, at once: the two live events leave in this order.
    await Promise.all([
      this.publish.execute(job.contentId, {
        type: 'done',
        jobId,
        model: call.model,
        finishReason: call.finishReason,
        usage: call.usage,
      }),
      this.publish.execute(job.contentId, statusEventOf(view, jobId)),
    ]);
    this.logger.log(
      {
        contentId: job.contentId,
        jobId,
        attempt: input.attempt,
        model: call.model,
        responseId: call.responseId,
        recovered,
      },
      'Content generated',
    );
    return { outcome: 'completed', responseId: call.responseId, status: view?.status ?? 'DELETED', recovered };
  }

  /** Tells watchers that this attempt failed and another one will follow. */
  private async announceRetry(input: GenerateContentInput, error: unknown): Promise<void> {
    const failure = error instanceof GenerationFailure ? error : undefined;
    const retrying = (failure?.transient ?? true) && input.attempt < input.maxAttempts;
    this.logger.warn(
      {
        contentId: input.job.contentId,
        jobId: input.jobId,
        attempt: input.attempt,
        retrying,
        code: failure?.code ?? 'internal',
        err: errorSummary(error),
      },
      'Generation attempt failed',
    );
    if (!retrying) return; // the final failure is announced by FailGenerationUseCase
    await this.publish.execute(input.job.contentId, {
      type: 'error',
      code: publicFailureOf(failure?.code ?? 'internal').code,
      message: 'The attempt failed and will be retried.',
      retrying: true,
      ...(failure?.retryAfterMs !== undefined && { retryAfterMs: failure.retryAfterMs }),
      jobId: input.jobId,
    });
  }
}
