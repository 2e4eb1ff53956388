import { Injectable } from '@nestjs/common';
import { IntegrationEvents } from '#libs/ddd';
import { ContentEvents, type ContentEvent } from '../../application/ports/content-events';

/** ContentEvents announced to whoever listens (webhooks and notifications, in the same transaction). */
@Injectable()
export class IntegrationContentEvents extends ContentEvents {
  constructor(private readonly events: IntegrationEvents) {
    super();
  }

  publish(event: ContentEvent): Promise<void> {
    return this.events.publish(event);
  }
}
