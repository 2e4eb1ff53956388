import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '#libs/config';
import { WebhookQueue, type WebhookDelivery } from '../../application/webhooks/webhook-ports';
import { DELIVER_WEBHOOK_JOB, WEBHOOK_DELIVERY_QUEUE } from './webhook.queue';

@Injectable()
export class BullMqWebhookQueue extends WebhookQueue {
  constructor(
    @InjectQueue(WEBHOOK_DELIVERY_QUEUE) private readonly queue: Queue<WebhookDelivery>,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async enqueue(deliveries: WebhookDelivery[]): Promise<void> {
    await this.queue.addBulk(
      deliveries.map((delivery) => ({
        name: DELIVER_WEBHOOK_JOB,
        data: delivery,
        opts: {
          // BullMQ adds nothing for a job id it already holds: one delivery per event and endpoint.
          jobId: `${delivery.eventId}__${delivery.endpointId}`,
          attempts: this.config.webhooks.attempts,
          backoff: { type: 'webhook' },
          removeOnComplete: { age: 86_400, count: 10_000 },
          removeOnFail: { age: 7 * 86_400 },
        },
      })),
    );
  }
}
