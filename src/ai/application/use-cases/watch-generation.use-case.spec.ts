import { Logger } from '@nestjs/common';
import { InMemoryGenerationEvents } from '../../../../test/fakes/ai/in-memory-generation-ports';
import type { GenerationEvent, PublishedGenerationEvent } from '../../domain/generation-event';
import { WatchGenerationUseCase } from './watch-generation.use-case';

describe('WatchGenerationUseCase', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const topic = '7f1d7c4e-4b44-4b8e-9a55-3f4f0c8a9e01';
  const review: GenerationEvent = { type: 'status', status: 'REVIEW', lastError: null };

  it('sends the current status first, then the events as they are published', async () => {
    const events = new InMemoryGenerationEvents();
    const seen: PublishedGenerationEvent[] = [];

    const subscription = await new WatchGenerationUseCase(events).execute(topic, (event) => seen.push(event), {
      current: () => Promise.resolve(review),
    });
    await events.publish(topic, { type: 'delta', text: 'سلام' });
    await subscription.close();
    await events.publish(topic, { type: 'delta', text: 'after close' });

    expect(seen).toEqual([review, { type: 'delta', text: 'سلام', id: '1-0' }]);
  });

  it('holds events published while the status is read until the status is out', async () => {
    const events = new InMemoryGenerationEvents();
    const seen: PublishedGenerationEvent[] = [];
    const current = async () => {
      await events.publish(topic, { type: 'status', status: 'IN_PROGRESS', lastError: null });
      return review;
    };

    await new WatchGenerationUseCase(events).execute(topic, (event) => seen.push(event), { current });

    expect(seen.map((event) => (event.type === 'status' ? event.status : event.type))).toEqual([
      'REVIEW',
      'IN_PROGRESS',
    ]);
  });

  it('works without a current state, and when reading it fails', async () => {
    const events = new InMemoryGenerationEvents();
    const watch = new WatchGenerationUseCase(events);
    for (const current of [undefined, () => Promise.reject(new Error('database unavailable'))]) {
      const seen: PublishedGenerationEvent[] = [];
      const subscription = await watch.execute(topic, (event) => seen.push(event), { current });
      await events.publish(topic, { type: 'delta', text: 'x' });
      await subscription.close();
      expect(seen.map((event) => event.type)).toEqual(['delta']);
    }
  });
});
