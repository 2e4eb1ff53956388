import { Injectable, Logger } from '@nestjs/common';
import { GENERATING_STATUS } from '../../domain/generation-event';
import { GenerationEvents } from '../ports/generation-events';
import { GenerationQueue, type GenerationEnqueueOptions, type GenerationJobInput } from '../ports/generation-queue';
import { publishBestEffort } from './support';

/**
 * Queues the generation of a content that the content context has just moved to IN_PROGRESS
 * (and for which the usage context has reserved the worst case), and tells watchers.
 */
@Injectable()
export class EnqueueGenerationUseCase {
  private readonly logger = new Logger(EnqueueGenerationUseCase.name);

  constructor(
    private readonly queue: GenerationQueue,
    private readonly events: GenerationEvents,
  ) {}

  async execute(input: GenerationJobInput, options: GenerationEnqueueOptions = {}): Promise<{ jobId: string }> {
    const jobId = await this.queue.enqueue(input, options);
    await publishBestEffort(this.events, this.logger, input.contentId, {
      type: 'status',
      status: GENERATING_STATUS,
      lastError: null,
      jobId,
    });
    return { jobId };
  }
}
