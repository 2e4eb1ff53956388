import { Injectable } from '@nestjs/common';
import { IntegrationEvents, type IntegrationEvent } from '#libs/ddd';
import { FanOutEventUseCase } from '../../application/events/fan-out-event.use-case';

/** The notifications context subscribed to every context's events, in the publisher's transaction. */
@Injectable()
export class FanOutIntegrationEvents extends IntegrationEvents {
  constructor(private readonly fanOut: FanOutEventUseCase) {
    super();
  }

  publish(event: IntegrationEvent): Promise<void> {
    return this.fanOut.execute(event);
  }
}
