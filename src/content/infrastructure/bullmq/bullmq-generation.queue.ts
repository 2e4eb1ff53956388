import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import {
  GenerationQueue,
  type GenerationJob,
  type QueuedGeneration,
  type QueuedGenerationState,
} from '../../application/ports/generation-queue';
import { GenerationMetrics } from '../prometheus/generation-metrics';
import {
  GENERATE_CONTENT_JOB,
  GENERATION_JOB_OPTIONS,
  GENERATION_QUEUE,
  type GenerateContentPayload,
} from './generation.queue';

/** Queues generation jobs; a job queued is a generation started (`generations_started_total`). */
@Injectable()
export class BullMqGenerationQueue extends GenerationQueue {
  private readonly metrics: GenerationMetrics;

  constructor(
    @InjectQueue(GENERATION_QUEUE) private readonly queue: Queue<GenerateContentPayload>,
    registry: Registry,
  ) {
    super();
    this.metrics = new GenerationMetrics(registry);
  }

  async enqueue(jobId: string, job: GenerationJob): Promise<void> {
    const payload: GenerateContentPayload = {
      contentId: job.contentId,
      organizationId: job.organizationId,
      reservationId: job.reservationId,
      requestedBy: job.requestedBy,
    };
    await this.queue.add(GENERATE_CONTENT_JOB, payload, { ...GENERATION_JOB_OPTIONS, jobId });
    this.metrics.startedOne();
  }

  async inspect(jobId: string): Promise<QueuedGeneration> {
    const job = await this.queue.getJob(jobId);
    if (!job) return { state: 'gone' };
    const { contentId, organizationId, reservationId, requestedBy } = job.data;
    return {
      state: stateOf(await job.getState()),
      job: { contentId, organizationId, reservationId: reservationId ?? jobId, requestedBy },
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
