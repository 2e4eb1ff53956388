import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '#libs/config';
import { TypeOrmUnitOfWork } from '#libs/database';
import { bullPrefix, bullProducerConnectionOptions } from '#libs/queue';
import { RelayWebhookOutboxUseCase } from '../../../src/notifications/application/webhooks/relay-webhook-outbox.use-case';
import {
  WebhookQueue,
  type OutboxEvent,
  type WebhookDelivery,
} from '../../../src/notifications/application/webhooks/webhook-ports';
import { BullMqWebhookQueue } from '../../../src/notifications/infrastructure/bullmq/bullmq-webhook.queue';
import {
  TypeOrmWebhookOutbox,
  WebhookOutboxSignal,
} from '../../../src/notifications/infrastructure/typeorm/typeorm-webhook-outbox';
import { WEBHOOK_DELIVERY_QUEUE } from '../../../src/notifications/infrastructure/bullmq/webhook.queue';
import { eventually } from '../../support/eventually';
import { openTestDataSource } from '../../support/test-data-source';

/** The real queue, slowed a little so that two relays' rounds overlap, and counting what each relay sent. */
class CountingQueue extends WebhookQueue {
  readonly sent: WebhookDelivery[] = [];

  constructor(
    private readonly inner: WebhookQueue,
    private readonly delayMs = 5,
  ) {
    super();
  }

  async enqueue(deliveries: WebhookDelivery[]): Promise<void> {
    await sleep(this.delayMs);
    await this.inner.enqueue(deliveries);
    this.sent.push(...deliveries);
  }
}

/** An outbox whose relay "dies" between queueing and removing: the removal never happens. */
class CrashBeforeRemove extends TypeOrmWebhookOutbox {
  override remove(): Promise<void> {
    return Promise.reject(new Error('relay process killed'));
  }
}

/**
 * The outbox and its relay on the real PostgreSQL and Redis: two data sources stand for two worker
 * processes, each with its own relay; deliveries go to a real BullMQ queue of this file's own name.
 */
describe('webhook outbox and relay (PostgreSQL, Redis)', () => {
  let config: AppConfig;
  let processA: DataSource;
  let processB: DataSource;
  let queue: Queue<WebhookDelivery>;
  let deliveryQueue: BullMqWebhookQueue;
  const organizationId = randomUUID();

  const outboxOf = (dataSource: DataSource) => new TypeOrmWebhookOutbox(dataSource, new WebhookOutboxSignal(), config);
  const event = (endpointIds = [randomUUID(), randomUUID()]): OutboxEvent => ({
    eventId: `msg_${randomUUID()}`,
    organizationId,
    type: 'content.approved',
    occurredAt: new Date('2026-11-24T10:00:00Z').toISOString(),
    data: { contentId: randomUUID() },
    endpointIds,
  });
  const waiting = async (eventIds: string[]) =>
    (
      (await processA.query('SELECT event_id FROM webhook_outbox WHERE event_id = ANY($1::varchar[])', [
        eventIds,
      ])) as unknown[]
    ).length;
  const jobIdsOf = async (events: OutboxEvent[]) => {
    const ids = events.flatMap((e) => e.endpointIds.map((endpointId) => `${e.eventId}__${endpointId}`));
    const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
    return jobs.filter((job) => job !== undefined).map((job) => job.id);
  };

  beforeAll(async () => {
    const base = loadConfig(process.env);
    config = loadConfig({ ...process.env, REDIS_PREFIX: `${base.redis.prefix}-outbox-${randomUUID().slice(0, 8)}` });
    [processA, processB] = await Promise.all([openTestDataSource(), openTestDataSource()]);
    queue = new Queue<WebhookDelivery>(WEBHOOK_DELIVERY_QUEUE, {
      connection: bullProducerConnectionOptions(config),
      prefix: bullPrefix(config),
    });
    deliveryQueue = new BullMqWebhookQueue(queue, config);
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await processA?.destroy();
    await processB?.destroy();
  });

  it('adds an event only when the transaction that adds it commits, and tells the relay after the commit', async () => {
    const signal = new WebhookOutboxSignal();
    const raised: string[] = [];
    signal.listen(() => raised.push('raised'));
    const outbox = new TypeOrmWebhookOutbox(processA, signal, config);
    const uow = new TypeOrmUnitOfWork(processA);
    const [kept, dropped] = [event(), event()];

    await uow.run(async () => {
      await outbox.add(kept);
      expect(raised).toEqual([]);
    });
    await expect(
      uow.run(async () => {
        await outbox.add(dropped);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    expect(raised).toEqual(['raised']);
    expect(await waiting([kept.eventId])).toBe(1);
    expect(await waiting([dropped.eventId])).toBe(0);
    await outbox.remove([kept.eventId]);
  });

  it('turns each event into one job per endpoint, exactly once, with two relays draining at the same time', async () => {
    const events = Array.from({ length: 60 }, () => event());
    const outbox = outboxOf(processA);
    for (const e of events) await outbox.add(e);
    const queueA = new CountingQueue(deliveryQueue);
    const queueB = new CountingQueue(deliveryQueue);
    const relayA = new RelayWebhookOutboxUseCase(outboxOf(processA), queueA);
    const relayB = new RelayWebhookOutboxUseCase(outboxOf(processB), queueB);
    const drain = async (relay: RelayWebhookOutboxUseCase) => {
      while ((await relay.execute({ batchSize: 5, leaseMs: 60_000 })) > 0);
    };

    await Promise.all([drain(relayA), drain(relayB), drain(relayA), drain(relayB)]);

    const sent = [...queueA.sent, ...queueB.sent].map((d) => `${d.eventId}__${d.endpointId}`);
    expect(sent).toHaveLength(events.length * 2);
    expect(new Set(sent).size).toBe(sent.length);
    // Both relays took part: the claims really were concurrent, and none took another's events.
    expect(queueA.sent.length).toBeGreaterThan(0);
    expect(queueB.sent.length).toBeGreaterThan(0);
    expect((await jobIdsOf(events)).length).toBe(events.length * 2);
    expect(await waiting(events.map((e) => e.eventId))).toBe(0);
  });

  it('delivers once when a relay dies after queueing and before removing: another relay takes over after the lease', async () => {
    const events = [event(), event([randomUUID()])];
    const outbox = outboxOf(processA);
    for (const e of events) await outbox.add(e);
    const dying = new RelayWebhookOutboxUseCase(
      new CrashBeforeRemove(processA, new WebhookOutboxSignal(), config),
      deliveryQueue,
    );
    const survivorQueue = new CountingQueue(deliveryQueue, 0);
    const survivor = new RelayWebhookOutboxUseCase(outboxOf(processB), survivorQueue);
    const leaseMs = 300;

    await expect(dying.execute({ batchSize: 10, leaseMs })).rejects.toThrow('relay process killed');
    const jobsAfterCrash = await jobIdsOf(events);
    expect(jobsAfterCrash).toHaveLength(3);
    // While the dead relay's lease lasts, nobody else takes its events.
    expect(await survivor.execute({ batchSize: 10, leaseMs })).toBe(0);

    // Once it ends, the survivor takes them, queues them again under the same job ids, and removes them.
    await eventually('the survivor to relay the dead relay’s events', async () =>
      (await survivor.execute({ batchSize: 10, leaseMs })) > 0 ? true : undefined,
    );
    expect(survivorQueue.sent).toHaveLength(3);
    expect(await waiting(events.map((e) => e.eventId))).toBe(0);
    const jobs = await jobIdsOf(events);
    expect(jobs.sort()).toEqual(jobsAfterCrash.sort());
    const forThese = (await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized'])).filter((job) =>
      events.some((e) => job.data.eventId === e.eventId),
    );
    expect(forThese).toHaveLength(3);
  });

  it('leaves rows written under another REDIS_PREFIX (another deployment’s queues) to that prefix’s relays', async () => {
    const other = loadConfig({ ...process.env, REDIS_PREFIX: `test-other-${randomUUID().slice(0, 8)}` });
    const theirs = event();
    await new TypeOrmWebhookOutbox(processA, new WebhookOutboxSignal(), other).add(theirs);
    const mine = new CountingQueue(deliveryQueue, 0);

    while (
      (await new RelayWebhookOutboxUseCase(outboxOf(processB), mine).execute({ batchSize: 10, leaseMs: 60_000 })) > 0
    );

    expect(mine.sent.filter((d) => d.eventId === theirs.eventId)).toEqual([]);
    const claimedByTheirs = await new TypeOrmWebhookOutbox(processB, new WebhookOutboxSignal(), other).claim(
      10,
      60_000,
    );
    expect(claimedByTheirs.map((e) => e.eventId)).toEqual([theirs.eventId]);
    await outboxOf(processA).remove([theirs.eventId]);
  });

  it('gives the events back at once when the queue is unavailable, and relays them on the next round', async () => {
    const events = [event()];
    const outbox = outboxOf(processA);
    for (const e of events) await outbox.add(e);
    let down = true;
    const flaky = new (class extends WebhookQueue {
      async enqueue(deliveries: WebhookDelivery[]): Promise<void> {
        if (down) throw new Error('Redis unavailable');
        await deliveryQueue.enqueue(deliveries);
      }
    })();
    const relay = new RelayWebhookOutboxUseCase(outboxOf(processA), flaky);

    await expect(relay.execute({ batchSize: 10, leaseMs: 60_000 })).rejects.toThrow('Redis unavailable');
    expect(await waiting(events.map((e) => e.eventId))).toBe(1);

    down = false;
    // No lease to wait out: the failed round released them.
    await expect(relay.execute({ batchSize: 10, leaseMs: 60_000 })).resolves.toBe(1);
    expect(await jobIdsOf(events)).toHaveLength(2);
  });
});
