import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type Type } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { AppConfig } from '#libs/config';
import { DeliverWebhookUseCase, type DeliveryOutcome } from '../../application/webhooks/deliver-webhook.use-case';
import type { WebhookDelivery } from '../../application/webhooks/webhook-ports';
import { webhookRetryDelay } from '../../domain/webhooks/webhook-endpoint';
import { RedisEndpointSlots } from './redis-endpoint-slots';
import { DELIVER_WEBHOOK_JOB, WEBHOOK_DELIVERY_QUEUE } from './webhook.queue';

/** How long a delivery waits before it tries again for a slot of its endpoint (plus up to as much again). */
const SLOT_WAIT_MS = 1_000;

/** A delivery that got no 2xx: BullMQ retries it after the backoff. */
export class WebhookDeliveryFailedError extends Error {
  override name = 'WebhookDeliveryFailedError';
}

/**
 * Runs `deliver-webhook` jobs: a failed attempt is thrown back for BullMQ to retry with
 * exponential backoff; a deleted or disabled endpoint ends the job. A delivery first takes one of
 * its endpoint's few slots; when all are taken (a slow receiver), the job steps aside for a second
 * or so (delayed, no attempt spent) and the worker serves other endpoints meanwhile.
 */
@Injectable()
export class WebhookDeliveryProcessor extends WorkerHost {
  constructor(
    private readonly deliver: DeliverWebhookUseCase,
    private readonly slots: RedisEndpointSlots,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<WebhookDelivery>, token?: string): Promise<DeliveryOutcome> {
    if (job.name !== DELIVER_WEBHOOK_JOB) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const { endpointId } = job.data;
    const holder = job.id ?? `${job.data.eventId}:${endpointId}`;
    const now = Date.now();
    // A slot outlives the delivery's own deadline a little, in case this worker dies holding it.
    if (!(await this.slots.take(endpointId, holder, now, now + 2 * this.config.webhooks.timeoutMs))) {
      await job.moveToDelayed(now + SLOT_WAIT_MS + Math.floor(Math.random() * SLOT_WAIT_MS), token);
      throw new DelayedError();
    }
    try {
      const outcome = await this.deliver.execute(job.data, job.attemptsMade + 1);
      if (outcome === 'failed')
        throw new WebhookDeliveryFailedError(`Delivery ${job.data.eventId} to ${endpointId} failed`);
      return outcome;
    } finally {
      await this.slots.release(endpointId, holder).catch(() => undefined);
    }
  }
}

/** The processor registered for this configuration (its backoff base comes from WEBHOOK_RETRY_BASE_DELAY_MS). */
export function webhookDeliveryProcessorFor(config: AppConfig): Type<WebhookDeliveryProcessor> {
  @Processor(WEBHOOK_DELIVERY_QUEUE, {
    concurrency: 20,
    settings: {
      backoffStrategy: (attemptsMade: number) => webhookRetryDelay(attemptsMade, config.webhooks.retryBaseDelayMs),
    },
  })
  class ConfiguredWebhookDeliveryProcessor extends WebhookDeliveryProcessor {}
  return ConfiguredWebhookDeliveryProcessor;
}
