import {
  GenerationEvents,
  type GenerationEventListener,
  type GenerationSubscription,
} from '../../src/ai/application/ports/generation-events';
import type { GenerationEvent } from '../../src/ai/domain/generation-event';

/** Passes live events on to `inner` and counts the publishes, by event type. */
export class CountingGenerationEvents extends GenerationEvents {
  private readonly byType = new Map<GenerationEvent['type'], number>();

  constructor(private readonly inner: GenerationEvents) {
    super();
  }

  publish(contentId: string, event: GenerationEvent): Promise<string> {
    this.byType.set(event.type, (this.byType.get(event.type) ?? 0) + 1);
    return this.inner.publish(contentId, event);
  }

  subscribe(
    contentId: string,
    listener: GenerationEventListener,
    options?: { after?: string },
  ): Promise<GenerationSubscription> {
    return this.inner.subscribe(contentId, listener, options);
  }

  /** Publishes of `type`, or of every type. */
  count(type?: GenerationEvent['type']): number {
    if (type) return this.byType.get(type) ?? 0;
    return [...this.byType.values()].reduce((sum, count) => sum + count, 0);
  }
}
