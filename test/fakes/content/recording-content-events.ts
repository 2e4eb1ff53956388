import { ContentEvents, type ContentEvent } from '../../../src/content/application/ports/content-events';

export class RecordingContentEvents extends ContentEvents {
  readonly published: ContentEvent[] = [];

  publish(event: ContentEvent): Promise<void> {
    this.published.push(event);
    return Promise.resolve();
  }
}
