import { Injectable } from '@nestjs/common';
import { PublishWebhookEventUseCase } from '../../../accounts';
import { ContentEvents, type ContentEvent } from '../../application/ports/content-events';

/** ContentEvents over the accounts context's webhooks. */
@Injectable()
export class WebhookContentEvents extends ContentEvents {
  constructor(private readonly publishWebhookEvent: PublishWebhookEventUseCase) {
    super();
  }

  async publish(event: ContentEvent): Promise<void> {
    await this.publishWebhookEvent.execute(event);
  }
}
