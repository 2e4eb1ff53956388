import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '#libs/config';
import { RedisRateLimiter } from '#libs/rate-limit';

describe('RedisRateLimiter', () => {
  const config = loadConfig(process.env);
  const redis = new Redis(config.redis.url);
  const limiter = new RedisRateLimiter(redis, config);

  afterAll(async () => {
    await redis.quit();
  });

  it('allows exactly the limit within a window, across concurrent callers', async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 15 }, () => limiter.consume(key, 10, 60_000)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(Math.min(...results.map((r) => r.remaining))).toBe(0);
  });

  it('says when the window resets', async () => {
    const result = await limiter.consume(`test:${randomUUID()}`, 1, 30_000);
    expect(result.resetInMs).toBeGreaterThan(29_000);
    expect(result.resetInMs).toBeLessThanOrEqual(30_000);
  });

  it('opens again after the window', async () => {
    // A window long enough that the second call lands inside it even on a loaded machine.
    const key = `test:${randomUUID()}`;
    const first = await limiter.consume(key, 1, 1_000);
    expect((await limiter.consume(key, 1, 1_000)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, first.resetInMs + 50));
    expect((await limiter.consume(key, 1, 1_000)).allowed).toBe(true);
  });
});
