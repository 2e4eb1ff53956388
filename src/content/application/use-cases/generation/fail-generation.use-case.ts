import { Injectable, Logger } from '@nestjs/common';
import { Clock, UnitOfWork } from '#libs/ddd';
import {
  PublishGenerationEventUseCase,
  publicFailureOf,
  type FailureKind,
  type GenerationFailureCode,
} from '../../../../ai';
import { ReleaseGenerationBudgetUseCase, SettleGenerationUsageUseCase } from '../../../../usage';
import { CompletedCalls } from '../../ports/completed-calls';
import { ContentEvents } from '../../ports/content-events';
import { ContentRepository, toContentView } from '../../ports/content.repository';
import type { GenerationJob } from '../../ports/generation-queue';
import { contentEventData } from '../contents/content-event-data';
import { changeRunningJob, settleCall, statusEventOf } from './generation-outcomes';

export interface FailGenerationInput {
  job: GenerationJob;
  jobId: string;
  failure: { code: GenerationFailureCode; kind: FailureKind };
}

/**
 * Ends a generation whose job has finally failed (attempts used up, a permanent error, a worker lost
 * too often, or a job the recovery found gone). The content leaves IN_PROGRESS first, back to the
 * state it left with `lastError`, so that nothing after it can strand it; then the reservation is
 * released, or settled into a usage record when a call of this job did complete. Safe to run twice.
 */
@Injectable()
export class FailGenerationUseCase {
  private readonly logger = new Logger(FailGenerationUseCase.name);

  constructor(
    private readonly contents: ContentRepository,
    private readonly calls: CompletedCalls,
    private readonly settleUsage: SettleGenerationUsageUseCase,
    private readonly releaseBudget: ReleaseGenerationBudgetUseCase,
    private readonly contentEvents: ContentEvents,
    private readonly publish: PublishGenerationEventUseCase,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: FailGenerationInput): Promise<{ status: string }> {
    const { job, jobId } = input;
    const failure = publicFailureOf(input.failure.code);
    // The content's way out of IN_PROGRESS and its webhook event commit together, on their own: a
    // failure to end the reservation after them must not strand the content.
    const { content, view } = await this.uow.run(async () => {
      const changed = await changeRunningJob(this.contents, job.organizationId, job.contentId, jobId, (c) =>
        c.failGeneration(jobId, failure, this.clock.now()),
      );
      const failed = changed.content ? toContentView(changed.content) : undefined;
      if (failed && changed.outcome === 'changed') {
        await this.contentEvents.publish({
          organizationId: job.organizationId,
          type: 'content.generation_failed',
          data: { ...contentEventData(failed), jobId, error: failure },
        });
      }
      return { content: changed.content, view: failed };
    });
    this.logger.warn(
      { contentId: job.contentId, jobId, reason: input.failure.code, status: view?.status },
      'Generation failed',
    );

    // Without the store the reservation is simply released: failing the content matters more.
    const call = await this.calls.recall(jobId).catch(() => undefined);
    if (call && content) {
      await settleCall(this.settleUsage, job, call, content.projectId);
    } else {
      await this.releaseBudget.execute(job.reservationId);
    }

    await this.publish.execute(job.contentId, { type: 'error', ...failure, retrying: false, jobId });
    await this.publish.execute(job.contentId, statusEventOf(view, jobId));
    return { status: view?.status ?? 'DELETED' };
  }
}
