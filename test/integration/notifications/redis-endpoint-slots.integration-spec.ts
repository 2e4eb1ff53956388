import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '#libs/config';
import { RedisEndpointSlots } from '../../../src/notifications/infrastructure/redis/redis-endpoint-slots';

describe('RedisEndpointSlots (per-endpoint delivery concurrency)', () => {
  const config = loadConfig({ ...process.env, WEBHOOK_ENDPOINT_CONCURRENCY: '2' });
  const redis = new Redis(config.redis.url);
  const slots = new RedisEndpointSlots(redis, config);
  const later = () => Date.now() + 60_000;

  afterAll(async () => {
    await redis.quit();
  });

  it('gives out as many slots as configured for one endpoint, and others their own', async () => {
    const [slow, other] = [randomUUID(), randomUUID()];
    const taken = await Promise.all(['a', 'b', 'c', 'd'].map((job) => slots.take(slow, job, Date.now(), later())));
    expect(taken.filter(Boolean)).toHaveLength(2);
    await expect(slots.take(other, 'e', Date.now(), later())).resolves.toBe(true);
  });

  it('frees a slot on release, and lets its holder take it again without counting twice', async () => {
    const endpoint = randomUUID();
    await slots.take(endpoint, 'a', Date.now(), later());
    await expect(slots.take(endpoint, 'a', Date.now(), later())).resolves.toBe(true);
    await slots.take(endpoint, 'b', Date.now(), later());
    await expect(slots.take(endpoint, 'c', Date.now(), later())).resolves.toBe(false);
    await slots.release(endpoint, 'a');
    await expect(slots.take(endpoint, 'c', Date.now(), later())).resolves.toBe(true);
  });

  it('frees a slot by itself once it lapses (a worker that died holding it)', async () => {
    const endpoint = randomUUID();
    const now = Date.now();
    await slots.take(endpoint, 'a', now, now + 1_000);
    await slots.take(endpoint, 'b', now, now + 1_000);
    await expect(slots.take(endpoint, 'c', now + 500, later())).resolves.toBe(false);
    await expect(slots.take(endpoint, 'c', now + 1_001, later())).resolves.toBe(true);
  });
});
