import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import type { WebhookEventType } from '../../domain/webhooks/webhook-events';
import { WebhookEndpointRepository, WebhookOutbox } from './webhook-ports';

export interface WebhookEvent {
  organizationId: string;
  type: WebhookEventType;
  data: Record<string, unknown>;
  /** A stable id makes a republished event a duplicate that is delivered once; new when absent. */
  id?: string;
}

/**
 * What other contexts call (through their own ports) when something happened, inside the unit of
 * work that makes the change: writes the event to the outbox with the endpoints subscribed to it, in
 * that same transaction. The event leaves if and only if the change commits; the relay
 * (RelayWebhookOutboxUseCase, in worker processes) queues one delivery per endpoint. A failure here
 * throws, and so rolls the change back: a change is never committed without its event.
 */
@Injectable()
export class PublishWebhookEventUseCase {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly outbox: WebhookOutbox,
    private readonly clock: Clock,
  ) {}

  /** Answers how many endpoints the event goes to (none: nothing is written). */
  async execute(event: WebhookEvent): Promise<number> {
    const subscribed = await this.endpoints.subscribedTo(event.organizationId, event.type);
    if (!subscribed.length) return 0;
    await this.outbox.add({
      eventId: `msg_${(event.id ?? randomUUID()).replace(/[^A-Za-z0-9_-]/g, '')}`,
      organizationId: event.organizationId,
      type: event.type,
      occurredAt: this.clock.now().toISOString(),
      data: event.data,
      endpointIds: subscribed.map((endpoint) => endpoint.id),
    });
    return subscribed.length;
  }
}
