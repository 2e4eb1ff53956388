import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import type { GenerationUsage } from '../../../domain/content-version';
import { ContentEvents } from '../../ports/content-events';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';
import { contentEventData } from '../contents/content-event-data';

export interface CompleteGenerationInput {
  contentId: string;
  jobId: string;
  body: string;
  /** The model that answered (as OpenAI reports it). */
  model: string;
  usage: GenerationUsage | null;
  /** Who the generation was for (the user who requested it); becomes the version's createdBy. */
  byUserId: string;
  /** Scopes the write when the caller knows it; otherwise it is looked up. */
  organizationId?: string;
}

/**
 * - `completed`: this call stored the "ai" version and moved the content to REVIEW;
 * - `duplicate`: this job has already finished (a retried job or a repeated call): nothing changed;
 * - `stale`: another job is the current one, or the content is gone: nothing changed.
 */
export type GenerationOutcome<Done extends string> = { outcome: Done | 'duplicate' | 'stale'; content?: ContentView };

/** Idempotent: safe to call again after a crash or retry; never writes a second version for one job. */
@Injectable()
export class CompleteGenerationUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly events: ContentEvents,
    private readonly clock: Clock,
  ) {}

  async execute(input: CompleteGenerationInput): Promise<GenerationOutcome<'completed'>> {
    const organizationId = input.organizationId ?? (await this.contents.findOrganizationIdOf(input.contentId));
    if (!organizationId) return { outcome: 'stale' };
    const now = this.clock.now();
    let outcome: GenerationOutcome<'completed'>['outcome'] = 'stale';
    const content = await this.contents.update(organizationId, input.contentId, (c) => {
      if (!c.isRunningJob(input.jobId)) {
        outcome = c.hasFinishedJob(input.jobId) ? 'duplicate' : 'stale';
        return false;
      }
      c.completeGeneration(
        { jobId: input.jobId, body: input.body, model: input.model, usage: input.usage, by: input.byUserId },
        now,
      );
      outcome = 'completed';
    });
    const view = content ? toContentView(content) : undefined;
    // Assigned inside the update callback, where the compiler does not follow it.
    const result = outcome as GenerationOutcome<'completed'>['outcome'];
    if (view && result === 'completed') {
      await this.events.publish({
        organizationId,
        type: 'content.generated',
        data: { ...contentEventData(view), jobId: input.jobId, usage: input.usage },
      });
    }
    return { outcome: view ? result : 'stale', content: view };
  }
}
