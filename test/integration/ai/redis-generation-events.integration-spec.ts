import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '#libs/config';
import type { PublishedGenerationEvent } from '../../../src/ai/domain/generation-event';
import {
  KEPT_EVENTS_TTL_MS,
  RedisGenerationEvents,
} from '../../../src/ai/infrastructure/redis/redis-generation-events';
import { eventually } from '../../support/eventually';

/** Each instance stands for one process (its own shared connection, its own subscriber connection). */
describe('RedisGenerationEvents', () => {
  const config = loadConfig(process.env);
  const connections: Redis[] = [];
  const processes: RedisGenerationEvents[] = [];

  function aProcess(): RedisGenerationEvents {
    const redis = new Redis(config.redis.url);
    connections.push(redis);
    const events = new RedisGenerationEvents(redis, config);
    processes.push(events);
    return events;
  }

  const admin = new Redis(config.redis.url);

  afterAll(async () => {
    await Promise.all(processes.map((events) => events.onApplicationShutdown()));
    await Promise.all([...connections, admin].map((redis) => redis.quit()));
  });

  const subscribers = async (contentId: string) => {
    const [, count] = (await admin.pubsub('NUMSUB', `${config.redis.prefix}:ai:events:${contentId}`)) as [
      string,
      number,
    ];
    return Number(count);
  };

  function collect(): { seen: PublishedGenerationEvent[]; listener: (event: PublishedGenerationEvent) => void } {
    const seen: PublishedGenerationEvent[] = [];
    return { seen, listener: (event) => seen.push(event) };
  }

  it('delivers the same events, in order and with the same ids, to watchers on two other processes', async () => {
    const worker = aProcess();
    const apiA = aProcess();
    const apiB = aProcess();
    const contentId = randomUUID();
    const a = collect();
    const b = collect();
    const subA = await apiA.subscribe(contentId, a.listener);
    const subB = await apiB.subscribe(contentId, b.listener);

    const ids = [
      await worker.publish(contentId, {
        type: 'status',
        status: 'IN_PROGRESS',
        lastError: null,
        jobId: 'job-1',
        attempt: 1,
      }),
      await worker.publish(contentId, { type: 'delta', text: 'سلام ' }),
      await worker.publish(contentId, { type: 'delta', text: 'دنیا' }),
      await worker.publish(contentId, {
        type: 'done',
        jobId: 'job-1',
        model: 'gpt-4.1-mini',
        finishReason: 'stop',
        usage: { promptTokens: 5, completionTokens: 2, cachedTokens: 0, totalTokens: 7 },
      }),
    ];
    await eventually('both watchers to see four events', async () => a.seen.length === 4 && b.seen.length === 4);

    expect(a.seen).toEqual(b.seen);
    expect(a.seen.map((event) => event.id)).toEqual(ids);
    expect(a.seen.map((event) => event.type)).toEqual(['status', 'delta', 'delta', 'done']);
    expect(a.seen[1]).toEqual({ type: 'delta', text: 'سلام ', id: ids[1] });
    await subA.close();
    await subB.close();
  });

  it('keeps other contents’ events apart', async () => {
    const events = aProcess();
    const mine = randomUUID();
    const watcher = collect();
    const subscription = await events.subscribe(mine, watcher.listener);

    await events.publish(randomUUID(), { type: 'delta', text: 'not mine' });
    await events.publish(mine, { type: 'delta', text: 'mine' });
    await eventually('my event', async () => watcher.seen.length === 1);

    expect(watcher.seen.map((event) => (event.type === 'delta' ? event.text : ''))).toEqual(['mine']);
    await subscription.close();
  });

  it('multiplexes the watchers of one process over one subscription, and unsubscribes after the last one leaves', async () => {
    const worker = aProcess();
    const api = aProcess();
    const contentId = randomUUID();
    const watchers = [collect(), collect(), collect()];
    const subscriptions = await Promise.all(watchers.map((watcher) => api.subscribe(contentId, watcher.listener)));

    expect(await subscribers(contentId)).toBe(1);

    await subscriptions[0]?.close();
    await subscriptions[1]?.close();
    await subscriptions[1]?.close(); // twice is harmless
    await worker.publish(contentId, { type: 'delta', text: 'x' });
    await eventually('the remaining watcher to get the event', async () => watchers[2]?.seen.length === 1);
    expect(await subscribers(contentId)).toBe(1);
    expect(watchers[0]?.seen).toEqual([]);

    await subscriptions[2]?.close();
    expect(await subscribers(contentId)).toBe(0);
  });

  it('resubscribes a channel that was just left', async () => {
    const api = aProcess();
    const contentId = randomUUID();
    const first = await api.subscribe(contentId, () => undefined);
    const closing = first.close();
    const watcher = collect();
    const second = await api.subscribe(contentId, watcher.listener);
    await closing;

    await api.publish(contentId, { type: 'delta', text: 'still here' });
    await eventually('the event after resubscribing', async () => watcher.seen.length === 1);
    expect(await subscribers(contentId)).toBe(1);
    await second.close();
  });

  it('replays what a reconnecting watcher missed after its Last-Event-ID, then goes live', async () => {
    const worker = aProcess();
    const api = aProcess();
    const contentId = randomUUID();
    const first = await worker.publish(contentId, { type: 'delta', text: 'one ' });
    await worker.publish(contentId, { type: 'delta', text: 'two ' });
    await worker.publish(contentId, { type: 'delta', text: 'three ' });
    const watcher = collect();

    const subscription = await api.subscribe(contentId, watcher.listener, { after: first });
    await worker.publish(contentId, { type: 'delta', text: 'four' });
    await eventually('the replay and the live event', async () => watcher.seen.length === 3);

    expect(watcher.seen.map((event) => (event.type === 'delta' ? event.text : ''))).toEqual(['two ', 'three ', 'four']);
    await subscription.close();
  });

  it('ignores a malformed Last-Event-ID', async () => {
    const api = aProcess();
    const contentId = randomUUID();
    await api.publish(contentId, { type: 'delta', text: 'old' });
    const watcher = collect();

    const subscription = await api.subscribe(contentId, watcher.listener, { after: 'not-an-id' });
    await api.publish(contentId, { type: 'delta', text: 'new' });
    await eventually('the live event', async () => watcher.seen.length === 1);

    expect(watcher.seen.map((event) => (event.type === 'delta' ? event.text : ''))).toEqual(['new']);
    await subscription.close();
  });

  it('keeps recent events under the deployment prefix, with an expiry', async () => {
    const events = aProcess();
    const contentId = randomUUID();

    await events.publish(contentId, { type: 'delta', text: 'x' });

    const key = `${config.redis.prefix}:ai:events-log:${contentId}`;
    expect(await admin.xlen(key)).toBe(1);
    const ttl = await admin.pttl(key);
    expect(ttl).toBeGreaterThan(KEPT_EVENTS_TTL_MS - 5_000);
    expect(ttl).toBeLessThanOrEqual(KEPT_EVENTS_TTL_MS);
  });
});
