import type { GenerationEvent, PublishedGenerationEvent } from '../../domain/generation-event';

export type GenerationEventListener = (event: PublishedGenerationEvent) => void;

export interface GenerationSubscription {
  /** Stops delivery. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Live events of a content's generation, shared by every process: a worker publishes, any API
 * instance delivers to its watchers. Delivery is at most once and best effort: the content's
 * durable state is always what GET /contents/:id answers.
 */
export abstract class GenerationEvents {
  /**
   * Publishes to every current watcher of the content. Resolves with the event's id. Events of one
   * content are published in the order of the calls, whether or not the caller waits for each: a
   * caller may go on without waiting, and what it publishes next still comes after.
   */
  abstract publish(contentId: string, event: GenerationEvent): Promise<string>;

  /**
   * Delivers the content's events, in publication order, until `close()`. With `after` (an id a
   * watcher saw last), recent events published after it are replayed first, when still kept.
   * Resolves once delivery is live: anything published afterwards reaches `listener`.
   */
  abstract subscribe(
    contentId: string,
    listener: GenerationEventListener,
    options?: { after?: string },
  ): Promise<GenerationSubscription>;
}
