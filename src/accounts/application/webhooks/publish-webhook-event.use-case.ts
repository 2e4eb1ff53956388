import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import type { WebhookEventType } from '../../domain/webhooks/webhook-events';
import { WebhookEndpointRepository, WebhookQueue } from './webhook-ports';

export interface WebhookEvent {
  organizationId: string;
  type: WebhookEventType;
  data: Record<string, unknown>;
  /** A stable id makes a republished event a duplicate that is delivered once; new when absent. */
  id?: string;
}

/**
 * What other contexts call (through their own ports) when something happened: queues one delivery
 * per enabled endpoint subscribed to the event. Best effort by design: it never throws, because
 * the change that caused the event has already been committed (there is no outbox yet).
 */
@Injectable()
export class PublishWebhookEventUseCase {
  private readonly logger = new Logger(PublishWebhookEventUseCase.name);

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly queue: WebhookQueue,
    private readonly clock: Clock,
  ) {}

  async execute(event: WebhookEvent): Promise<number> {
    try {
      const subscribed = await this.endpoints.subscribedTo(event.organizationId, event.type);
      if (!subscribed.length) return 0;
      const eventId = `msg_${(event.id ?? randomUUID()).replace(/[^A-Za-z0-9_-]/g, '')}`;
      const occurredAt = this.clock.now().toISOString();
      await this.queue.enqueue(
        subscribed.map((endpoint) => ({
          endpointId: endpoint.id,
          eventId,
          type: event.type,
          occurredAt,
          data: event.data,
        })),
      );
      return subscribed.length;
    } catch (error) {
      this.logger.error(
        {
          organizationId: event.organizationId,
          type: event.type,
          err: { name: (error as Error).name, message: (error as Error).message },
        },
        'Could not queue a webhook event',
      );
      return 0;
    }
  }
}
