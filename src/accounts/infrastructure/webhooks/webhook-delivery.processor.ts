import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type Type } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { AppConfig } from '#libs/config';
import { DeliverWebhookUseCase, type DeliveryOutcome } from '../../application/webhooks/deliver-webhook.use-case';
import type { WebhookDelivery } from '../../application/webhooks/webhook-ports';
import { webhookRetryDelay } from '../../domain/webhooks/webhook-endpoint';
import { DELIVER_WEBHOOK_JOB, WEBHOOK_DELIVERY_QUEUE } from './webhook.queue';

/** A delivery that got no 2xx: BullMQ retries it after the backoff. */
export class WebhookDeliveryFailedError extends Error {
  override name = 'WebhookDeliveryFailedError';
}

/**
 * Runs `deliver-webhook` jobs: a failed attempt is thrown back for BullMQ to retry with
 * exponential backoff; a deleted or disabled endpoint ends the job.
 */
@Injectable()
export class WebhookDeliveryProcessor extends WorkerHost {
  constructor(private readonly deliver: DeliverWebhookUseCase) {
    super();
  }

  async process(job: Job<WebhookDelivery>): Promise<DeliveryOutcome> {
    if (job.name !== DELIVER_WEBHOOK_JOB) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const outcome = await this.deliver.execute(job.data, job.attemptsMade + 1);
    if (outcome === 'failed')
      throw new WebhookDeliveryFailedError(`Delivery ${job.data.eventId} to ${job.data.endpointId} failed`);
    return outcome;
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
