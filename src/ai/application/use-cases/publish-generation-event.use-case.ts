import { Injectable, Logger } from '@nestjs/common';
import { errorSummary } from '#libs/logging';
import type { GenerationEvent } from '../../domain/generation-event';
import { GenerationEvents } from '../ports/generation-events';

/**
 * Tells the live watchers of a topic (a content id) what happened. Best effort and never throws:
 * a watcher missing an event must never fail or retry the work it describes (and pay for a second
 * model call); the durable state is what the API answers.
 */
@Injectable()
export class PublishGenerationEventUseCase {
  private readonly logger = new Logger(PublishGenerationEventUseCase.name);

  constructor(private readonly events: GenerationEvents) {}

  async execute(topic: string, event: GenerationEvent): Promise<void> {
    try {
      await this.events.publish(topic, event);
    } catch (error) {
      this.logger.warn({ topic, event: event.type, err: errorSummary(error) }, 'Could not publish a live event');
    }
  }
}
