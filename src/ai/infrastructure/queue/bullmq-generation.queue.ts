import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { GenerationQueue, type GenerationJobInput } from '../../application/ports/generation-queue';
import { AI_GENERATION_QUEUE, GENERATE_CONTENT_JOB, GENERATION_JOB_OPTIONS, type GenerateContentPayload } from './ai.queue';

@Injectable()
export class BullMqGenerationQueue extends GenerationQueue {
  constructor(@InjectQueue(AI_GENERATION_QUEUE) private readonly queue: Queue<GenerateContentPayload>) {
    super();
  }

  async enqueue(input: GenerationJobInput, options: { jobId?: string } = {}): Promise<string> {
    const payload: GenerateContentPayload = {
      contentId: input.contentId,
      organizationId: input.organizationId,
      reservationId: input.reservationId,
      requestedBy: input.requestedBy,
    };
    const job = await this.queue.add(GENERATE_CONTENT_JOB, payload, { ...GENERATION_JOB_OPTIONS, jobId: options.jobId ?? randomUUID() });
    if (!job.id) throw new Error('BullMQ returned a job without an id');
    return job.id;
  }
}
