import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  GenerationQueue,
  type GenerationEnqueueOptions,
  type GenerationJobInput,
  type QueuedGeneration,
  type QueuedGenerationState,
} from '../../application/ports/generation-queue';
import {
  AI_GENERATION_QUEUE,
  GENERATE_CONTENT_JOB,
  GENERATION_JOB_OPTIONS,
  type GenerateContentPayload,
} from './ai.queue';

@Injectable()
export class BullMqGenerationQueue extends GenerationQueue {
  constructor(@InjectQueue(AI_GENERATION_QUEUE) private readonly queue: Queue<GenerateContentPayload>) {
    super();
  }

  async enqueue(input: GenerationJobInput, options: GenerationEnqueueOptions = {}): Promise<string> {
    const payload: GenerateContentPayload = {
      contentId: input.contentId,
      organizationId: input.organizationId,
      reservationId: input.reservationId,
      requestedBy: input.requestedBy,
    };
    const job = await this.queue.add(GENERATE_CONTENT_JOB, payload, {
      ...GENERATION_JOB_OPTIONS,
      jobId: options.jobId ?? randomUUID(),
      ...(options.holdMs ? { delay: options.holdMs } : {}),
    });
    if (!job.id) throw new Error('BullMQ returned a job without an id');
    return job.id;
  }

  async release(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (job && (await job.isDelayed()))
      await job.promote().catch(async (error: unknown) => {
        // Promoted or picked up meanwhile: nothing to do. Anything else is the caller's to log.
        if (!(await job.isDelayed())) return;
        throw error;
      });
  }

  async discard(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (job && (await job.isDelayed())) await job.remove();
  }

  async inspect(jobId: string): Promise<QueuedGeneration> {
    const job = await this.queue.getJob(jobId);
    if (!job) return { state: 'gone' };
    const { contentId, organizationId, reservationId, requestedBy } = job.data;
    return {
      state: stateOf(await job.getState()),
      input: { contentId, organizationId, reservationId: reservationId ?? null, requestedBy },
    };
  }
}

function stateOf(state: string): QueuedGenerationState {
  switch (state) {
    case 'active':
    case 'completed':
    case 'failed':
    case 'delayed':
      return state;
    case 'unknown':
      return 'gone';
    // waiting, prioritized, waiting-children: not started yet.
    default:
      return 'waiting';
  }
}
