import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type Type } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { Registry, type Counter } from 'prom-client';
import { AppConfig } from '#libs/config';
import { counterIn } from '#libs/metrics';
import { DeliverWebhookUseCase, type DeliveryOutcome } from '../../application/webhooks/deliver-webhook.use-case';
import type { WebhookDelivery } from '../../application/webhooks/webhook-ports';
import { webhookRetryDelay } from '../../domain/webhooks/webhook-endpoint';
import { RedisEndpointSlots } from '../redis/redis-endpoint-slots';
import { DELIVER_WEBHOOK_JOB, WEBHOOK_DELIVERY_QUEUE } from './webhook.queue';

const DELIVERY_OUTCOMES: DeliveryOutcome[] = ['delivered', 'failed', 'disabled', 'gone'];

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
 *
 * Each attempt is counted by outcome: delivered (2xx), failed (retried while attempts remain),
 * disabled (the endpoint was, or has just been, disabled), gone (the endpoint was deleted) or error
 * (the attempt itself broke, e.g. the database was unavailable).
 */
@Injectable()
export class WebhookDeliveryProcessor extends WorkerHost {
  private readonly deliveries: Counter<'outcome'>;

  constructor(
    private readonly deliver: DeliverWebhookUseCase,
    private readonly slots: RedisEndpointSlots,
    private readonly config: AppConfig,
    registry: Registry,
  ) {
    super();
    this.deliveries = counterIn(registry, {
      name: 'webhook_deliveries_total',
      help: 'Webhook delivery attempts by outcome: delivered, failed, disabled, gone or error',
      labelNames: ['outcome'],
    });
    // From 0, so that a rule over increase() sees the first of each too.
    for (const outcome of [...DELIVERY_OUTCOMES, 'error']) this.deliveries.inc({ outcome }, 0);
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
      const outcome = await this.deliver.execute(job.data, job.attemptsMade + 1).catch((error: unknown) => {
        this.deliveries.inc({ outcome: 'error' });
        throw error;
      });
      this.deliveries.inc({ outcome });
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
