import { Injectable, Logger } from '@nestjs/common';
import { errorSummary } from '#libs/logging';
import type { GenerationEvent, PublishedGenerationEvent } from '../../domain/generation-event';
import {
  GenerationEvents,
  type GenerationEventListener,
  type GenerationSubscription,
} from '../ports/generation-events';

export interface WatchGenerationOptions {
  /** The last event id the watcher saw (SSE `Last-Event-ID`): later events still kept are replayed. */
  after?: string;
  /** Reads the topic's current state, sent first (the owner of the data knows it; a failure only skips it). */
  current?: () => Promise<GenerationEvent | undefined>;
}

/**
 * Streams the live events of a topic (a content id) to one watcher: first its current state, then
 * every event as it is published. The caller has already been authorized.
 */
@Injectable()
export class WatchGenerationUseCase {
  private readonly logger = new Logger(WatchGenerationUseCase.name);

  constructor(private readonly events: GenerationEvents) {}

  async execute(
    topic: string,
    listener: GenerationEventListener,
    options: WatchGenerationOptions = {},
  ): Promise<GenerationSubscription> {
    // Subscribe before reading the state, and hold live events back until the state is out: then
    // nothing published in between is lost, and nothing arrives before the state it follows.
    let held: PublishedGenerationEvent[] | undefined = [];
    const subscription = await this.events.subscribe(topic, (event) => (held ? held.push(event) : listener(event)), {
      after: options.after,
    });
    try {
      const current = await options.current?.();
      if (current) listener(current);
    } catch (error) {
      this.logger.warn({ topic, err: errorSummary(error) }, 'Could not read the current state of a watched topic');
    }
    const pending = held;
    held = undefined;
    for (const event of pending) listener(event);
    return subscription;
  }
}
