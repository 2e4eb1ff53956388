import type { Money } from '#libs/ddd';
import type { GenerationEvent } from '../../../../ai';
import type { SettleGenerationUsageUseCase } from '../../../../usage';
import type { Content } from '../../../domain/content';
import type { CompletedCall } from '../../ports/completed-calls';
import type { ContentView, ContentRepository } from '../../ports/content.repository';
import type { GenerationJob } from '../../ports/generation-queue';

/** What changing a running generation did: `changed`, or nothing because the job had `finished` or is `stale`. */
export type RunningJobChange = 'changed' | 'finished' | 'stale';

/**
 * Applies `change` to the content only while `jobId` is its running generation: a job run twice, or
 * one that lost the race to a newer job, changes nothing. `loaded` is the content as the job read it
 * (tried first, so an unchanged row is not read again).
 */
export async function changeRunningJob(
  contents: ContentRepository,
  organizationId: string,
  contentId: string,
  jobId: string,
  change: (content: Content) => void,
  loaded?: Content,
): Promise<{ outcome: RunningJobChange; content?: Content }> {
  let outcome: RunningJobChange = 'stale';
  const content = await contents.update(
    organizationId,
    contentId,
    (c) => {
      if (!c.isRunningJob(jobId)) {
        outcome = c.hasFinishedJob(jobId) ? 'finished' : 'stale';
        return false;
      }
      change(c);
      outcome = 'changed';
    },
    loaded,
  );
  return { outcome, content };
}

/** Records a completed call: its one usage record (keyed by the response id), settling the job's reservation. */
export async function settleCall(
  settleUsage: SettleGenerationUsageUseCase,
  job: GenerationJob,
  call: CompletedCall,
  projectId: string,
): Promise<Money> {
  const { cost } = await settleUsage.execute({
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
    reasoningTokens: call.usage.reasoningTokens ?? 0,
    usageEstimated: call.usageEstimated,
    provider: call.provider ?? 'deployment',
  });
  return cost;
}

/** The live `status` event that tells watchers where a job left its content (`DELETED` once it is gone). */
export function statusEventOf(view: ContentView | undefined, jobId: string): GenerationEvent {
  return {
    type: 'status',
    status: view?.status ?? 'DELETED',
    lastError: view?.lastError ? { code: view.lastError.code, message: view.lastError.message } : null,
    jobId,
  };
}
