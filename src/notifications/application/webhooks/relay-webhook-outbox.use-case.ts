import { Injectable } from '@nestjs/common';
import { WebhookOutbox, WebhookQueue } from './webhook-ports';

export interface RelayWebhookOutboxInput {
  /** Events taken at once. */
  batchSize: number;
  /** How long the claimed events are this relay's alone; past it, another relay may take them. */
  leaseMs: number;
}

/**
 * Turns committed outbox events into delivery jobs: claims a batch (no other relay gets the same
 * events), queues one delivery per event and endpoint, then removes the events. Safe to run in any
 * number of worker processes at once, and after a crash anywhere: a relay that dies after queueing
 * and before removing leaves its events to another relay once the lease ends, which queues them
 * again under the same job ids (`<event id>__<endpoint id>`), and the queue adds nothing for a job id
 * it holds: each event reaches each endpoint once.
 */
@Injectable()
export class RelayWebhookOutboxUseCase {
  constructor(
    private readonly outbox: WebhookOutbox,
    private readonly queue: WebhookQueue,
  ) {}

  /** Answers how many events it relayed (fewer than `batchSize`: the outbox is empty for now). */
  async execute(input: RelayWebhookOutboxInput): Promise<number> {
    const events = await this.outbox.claim(input.batchSize, input.leaseMs);
    if (!events.length) return 0;
    const eventIds = events.map((event) => event.eventId);
    try {
      await this.queue.enqueue(
        events.flatMap((event) =>
          event.endpointIds.map((endpointId) => ({
            endpointId,
            eventId: event.eventId,
            type: event.type,
            occurredAt: event.occurredAt,
            data: event.data,
          })),
        ),
      );
    } catch (error) {
      // Redis is away: the events go back at once for the next poll, rather than when the lease ends.
      await this.outbox.release(eventIds).catch(() => undefined);
      throw error;
    }
    await this.outbox.remove(eventIds);
    return events.length;
  }
}
