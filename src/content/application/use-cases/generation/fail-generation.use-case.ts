import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import type { GenerationError } from '../../../domain/content';
import { ContentEvents } from '../../ports/content-events';
import { toContentView, ContentRepository } from '../../ports/content.repository';
import { contentEventData } from '../contents/content-event-data';
import type { GenerationOutcome } from './complete-generation.use-case';

export interface FailGenerationInput {
  contentId: string;
  jobId: string;
  /** Shown to users as `lastError`: never put secrets or raw provider payloads here. A string becomes `{code: "GENERATION_FAILED", message}`. */
  error: GenerationError | string;
  organizationId?: string;
}

/**
 * Returns the content to the status the generation left, with `lastError` set. Idempotent, and a
 * no-op (`duplicate` / `stale`) unless `jobId` is the running generation.
 */
@Injectable()
export class FailGenerationUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly events: ContentEvents,
    private readonly clock: Clock,
  ) {}

  async execute(input: FailGenerationInput): Promise<GenerationOutcome<'failed'>> {
    const organizationId = input.organizationId ?? (await this.contents.findOrganizationIdOf(input.contentId));
    if (!organizationId) return { outcome: 'stale' };
    const error = typeof input.error === 'string' ? { code: 'GENERATION_FAILED', message: input.error } : input.error;
    const now = this.clock.now();
    let outcome: GenerationOutcome<'failed'>['outcome'] = 'stale';
    const content = await this.contents.update(organizationId, input.contentId, (c) => {
      if (!c.isRunningJob(input.jobId)) {
        outcome = c.hasFinishedJob(input.jobId) ? 'duplicate' : 'stale';
        return false;
      }
      c.failGeneration(input.jobId, error, now);
      outcome = 'failed';
    });
    const view = content ? toContentView(content) : undefined;
    // Assigned inside the update callback, where the compiler does not follow it.
    const result = outcome as GenerationOutcome<'failed'>['outcome'];
    if (view && result === 'failed') {
      await this.events.publish({
        organizationId,
        type: 'content.generation_failed',
        data: { ...contentEventData(view), jobId: input.jobId, error: { code: error.code, message: error.message } },
      });
    }
    return { outcome: view ? result : 'stale', content: view };
  }
}
