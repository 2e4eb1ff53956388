import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import { CompleteGenerationUseCase, FailGenerationUseCase, GetGenerationRequestUseCase } from '../../../content';
import { ReleaseGenerationBudgetUseCase, SettleGenerationUsageUseCase, type SettledUsage } from '../../../usage';
import type { PublicFailure } from '../../domain/generation.errors';
import {
  GenerationOutcome,
  type CompletedCall,
  type CompletedGeneration,
  type FailedGeneration,
  type GenerationJobRef,
  type SettledContent,
} from '../../application/ports/generation-outcome';

/**
 * `GenerationOutcome` over the usage context (one usage record per OpenAI response, or the
 * reservation released) and the content context (complete or fail the generation). Every step is
 * idempotent, so a job that runs again after a crash repeats it harmlessly.
 */
@Injectable()
export class ContentUsageGenerationOutcome extends GenerationOutcome {
  constructor(
    private readonly getGenerationRequest: GetGenerationRequestUseCase,
    private readonly completeGeneration: CompleteGenerationUseCase,
    private readonly failGeneration: FailGenerationUseCase,
    private readonly settleUsage: SettleGenerationUsageUseCase,
    private readonly releaseBudget: ReleaseGenerationBudgetUseCase,
  ) {
    super();
  }

  async completed(generation: CompletedGeneration): Promise<SettledContent> {
    const projectId = await this.projectOf(generation);
    // The content is gone: nothing to complete, and no project to charge the call to.
    if (!projectId) {
      if (generation.reservationId) await this.releaseBudget.execute(generation.reservationId);
      return this.current(generation.contentId);
    }
    const { cost } = await this.settle(generation, generation, projectId);
    // `duplicate` (already completed by an earlier run) and `stale` count as success: the current state is returned.
    await this.completeGeneration.execute({
      contentId: generation.contentId,
      organizationId: generation.organizationId,
      jobId: generation.jobId,
      body: generation.body,
      model: generation.model,
      usage: {
        promptTokens: generation.usage.promptTokens,
        completionTokens: generation.usage.completionTokens,
        cachedTokens: generation.usage.cachedTokens,
        totalTokens: generation.usage.totalTokens,
        costUsd: cost.toDecimalString(),
      },
      byUserId: generation.requestedBy,
    });
    return this.current(generation.contentId);
  }

  async failed(generation: FailedGeneration): Promise<SettledContent> {
    const projectId = generation.unrecordedCall ? await this.projectOf(generation) : undefined;
    if (generation.unrecordedCall && projectId) await this.settle(generation, generation.unrecordedCall, projectId);
    else if (generation.reservationId) await this.releaseBudget.execute(generation.reservationId);
    await this.failGeneration.execute({
      contentId: generation.contentId,
      organizationId: generation.organizationId,
      jobId: generation.jobId,
      error: { code: generation.error.code, message: generation.error.message },
    });
    return this.current(generation.contentId);
  }

  private async settle(job: GenerationJobRef, call: CompletedCall, projectId: string): Promise<SettledUsage> {
    return this.settleUsage.execute({
      reservationId: job.reservationId,
      callKey: call.responseId,
      organizationId: job.organizationId,
      userId: job.requestedBy,
      projectId,
      contentId: job.contentId,
      model: call.model,
      promptTokens: call.usage.promptTokens,
      cachedTokens: call.usage.cachedTokens,
      completionTokens: call.usage.completionTokens,
    });
  }

  /** The content's project, or undefined when the content is gone. */
  private async projectOf(job: GenerationJobRef): Promise<string | undefined> {
    try {
      return (await this.getGenerationRequest.execute(job.contentId, job.organizationId)).projectId;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  private async current(contentId: string): Promise<SettledContent> {
    try {
      const request = await this.getGenerationRequest.execute(contentId);
      return { status: request.status, lastError: toPublic(request.lastError) };
    } catch (error) {
      if (error instanceof NotFoundError) return { status: 'DELETED', lastError: null };
      throw error;
    }
  }
}

function toPublic(error: { code: string; message: string } | null): PublicFailure | null {
  return error ? { code: error.code, message: error.message } : null;
}
