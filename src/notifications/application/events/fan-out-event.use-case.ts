import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '#libs/ddd';
import { isWebhookEventType } from '../../domain/webhooks/webhook-events';
import { NotifyMembersUseCase } from '../in-app/notify-members.use-case';
import { PublishWebhookEventUseCase } from '../webhooks/publish-webhook-event.use-case';

/** What the notifications context does with an event another context announced: all of it, in the publisher's transaction. */
@Injectable()
export class FanOutEventUseCase {
  constructor(
    private readonly webhooks: PublishWebhookEventUseCase,
    private readonly members: NotifyMembersUseCase,
  ) {}

  async execute(event: IntegrationEvent): Promise<void> {
    const identified = { ...event, id: event.id ?? randomUUID() };
    if (isWebhookEventType(event.type)) await this.webhooks.execute({ ...identified, type: event.type });
    await this.members.execute(identified);
  }
}
