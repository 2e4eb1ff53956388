import { Injectable, Logger, Optional } from '@nestjs/common';
import type { PublishedGenerationEvent } from '../../domain/generation-event';
import {
  GenerationEvents,
  type GenerationEventListener,
  type GenerationSubscription,
} from '../ports/generation-events';
import { GenerationSource } from '../ports/generation-source';
import { errorSummary } from './support';

export interface WatchGenerationOptions {
  /** The last event id the watcher saw (SSE `Last-Event-ID`): later events still kept are replayed. */
  after?: string;
}

/**
 * Streams a content's generation events to one watcher: first a `status` event with the content's
 * current state, then every event as it is published. The caller has already been authorized.
 *
 * GenerationSource is optional so that the endpoint works before the content context provides
 * it; without it the first event is simply the next one published.
 */
@Injectable()
export class WatchGenerationUseCase {
  private readonly logger = new Logger(WatchGenerationUseCase.name);

  constructor(
    private readonly events: GenerationEvents,
    @Optional() private readonly source?: GenerationSource,
  ) {}

  async execute(
    contentId: string,
    listener: GenerationEventListener,
    options: WatchGenerationOptions = {},
  ): Promise<GenerationSubscription> {
    // Subscribe before reading the state, and hold live events back until the state is out: then
    // nothing published in between is lost, and nothing arrives before the state it follows.
    let held: PublishedGenerationEvent[] | undefined = [];
    const subscription = await this.events.subscribe(
      contentId,
      (event) => (held ? held.push(event) : listener(event)),
      options,
    );
    try {
      const current = await this.source?.load(contentId);
      if (current) listener({ type: 'status', status: current.status, lastError: current.lastError });
    } catch (error) {
      this.logger.warn(
        { contentId, err: errorSummary(error) },
        'Could not read the current state of a watched content',
      );
    }
    const pending = held;
    held = undefined;
    for (const event of pending) listener(event);
    return subscription;
  }
}
