import { Injectable, Logger } from '@nestjs/common';
import type { GenerationEvent } from '../../domain/generation-event';
import { publicFailureOf, type FailureKind, type GenerationFailureCode } from '../../domain/generation.errors';
import { CompletedCalls } from '../ports/completed-calls';
import { GenerationEvents } from '../ports/generation-events';
import { GenerationOutcome, type GenerationJobRef, type SettledContent } from '../ports/generation-outcome';
import { jobRefOf, publishBestEffort } from './support';

export interface FailGenerationInput extends GenerationJobRef {
  failure: { code: GenerationFailureCode; kind: FailureKind };
}

/**
 * Ends a generation whose job has finally failed (attempts used up, a permanent error, or a worker
 * lost too often): the reservation is released — or settled, if a call did complete — and the
 * content goes back to the state it left, with `lastError`. Safe to run twice for one job.
 */
@Injectable()
export class FailGenerationUseCase {
  private readonly logger = new Logger(FailGenerationUseCase.name);

  constructor(
    private readonly outcome: GenerationOutcome,
    private readonly calls: CompletedCalls,
    private readonly events: GenerationEvents,
  ) {}

  async execute(input: FailGenerationInput): Promise<SettledContent> {
    const failure = publicFailureOf(input.failure.code);
    // Without the store the reservation is simply released: failing the content matters more.
    const unrecordedCall = await this.calls.recall(input.jobId).catch(() => undefined);
    const settled = await this.outcome.failed({
      ...jobRefOf(input),
      error: { ...failure, kind: input.failure.kind, reason: input.failure.code },
      ...(unrecordedCall && { unrecordedCall }),
    });
    this.logger.warn(
      { contentId: input.contentId, jobId: input.jobId, reason: input.failure.code, status: settled.status },
      'Generation failed',
    );
    await this.announce(input.contentId, { type: 'error', ...failure, retrying: false, jobId: input.jobId });
    await this.announce(input.contentId, {
      type: 'status',
      status: settled.status,
      lastError: settled.lastError,
      jobId: input.jobId,
    });
    return settled;
  }

  private announce(contentId: string, event: GenerationEvent): Promise<void> {
    return publishBestEffort(this.events, this.logger, contentId, event);
  }
}
