import { Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '#libs/ddd';
import { isWebhookEventType } from '../../domain/webhooks/webhook-events';
import { PublishWebhookEventUseCase } from '../webhooks/publish-webhook-event.use-case';

/** What the notifications context does with an event another context announced. */
@Injectable()
export class FanOutEventUseCase {
  constructor(private readonly webhooks: PublishWebhookEventUseCase) {}

  async execute(event: IntegrationEvent): Promise<void> {
    if (isWebhookEventType(event.type)) await this.webhooks.execute({ ...event, type: event.type });
  }
}
