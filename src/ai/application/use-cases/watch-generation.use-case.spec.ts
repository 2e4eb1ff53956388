import { Logger } from '@nestjs/common';
import {
  InMemoryGenerationEvents,
  InMemoryGenerationSource,
  makeGenerationRequest,
} from '../../../../test/fakes/ai/in-memory-generation-ports';
import type { PublishedGenerationEvent } from '../../domain/generation-event';
import { GenerationSource, type GenerationRequest } from '../ports/generation-source';
import { WatchGenerationUseCase } from './watch-generation.use-case';

describe('WatchGenerationUseCase', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const request = makeGenerationRequest({ status: 'REVIEW', lastError: null, inProgress: false });

  it('sends the current status first, then the events as they are published', async () => {
    const events = new InMemoryGenerationEvents();
    const watch = new WatchGenerationUseCase(events, new InMemoryGenerationSource(request));
    const seen: PublishedGenerationEvent[] = [];

    const subscription = await watch.execute(request.contentId, (event) => seen.push(event));
    await events.publish(request.contentId, { type: 'delta', text: 'سلام' });
    await subscription.close();
    await events.publish(request.contentId, { type: 'delta', text: 'after close' });

    expect(seen).toEqual([
      { type: 'status', status: 'REVIEW', lastError: null },
      { type: 'delta', text: 'سلام', id: '1-0' },
    ]);
  });

  it('holds events published while the status is read until the status is out', async () => {
    const events = new InMemoryGenerationEvents();
    class SlowSource extends GenerationSource {
      async load(): Promise<GenerationRequest> {
        await events.publish(request.contentId, { type: 'status', status: 'IN_PROGRESS', lastError: null });
        return request;
      }
    }
    const seen: PublishedGenerationEvent[] = [];

    await new WatchGenerationUseCase(events, new SlowSource()).execute(request.contentId, (event) => seen.push(event));

    expect(seen.map((event) => (event.type === 'status' ? event.status : event.type))).toEqual([
      'REVIEW',
      'IN_PROGRESS',
    ]);
  });

  it('works without a GenerationSource, and when reading the status fails', async () => {
    const events = new InMemoryGenerationEvents();
    class BrokenSource extends GenerationSource {
      load(): Promise<GenerationRequest> {
        return Promise.reject(new Error('database unavailable'));
      }
    }
    for (const watch of [new WatchGenerationUseCase(events), new WatchGenerationUseCase(events, new BrokenSource())]) {
      const seen: PublishedGenerationEvent[] = [];
      const subscription = await watch.execute(request.contentId, (event) => seen.push(event));
      await events.publish(request.contentId, { type: 'delta', text: 'x' });
      await subscription.close();
      expect(seen.map((event) => event.type)).toEqual(['delta']);
    }
  });
});
