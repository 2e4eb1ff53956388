import { Redis } from 'ioredis';
import { loadConfig } from '#libs/config';
import { RedisOtpStore } from '../../../src/accounts/infrastructure/redis/redis-otp.store';
import { randomMobile } from '../../support/random';

describe('RedisOtpStore', () => {
  const config = loadConfig(process.env);
  const redis = new Redis(config.redis.url);
  const store = new RedisOtpStore(redis, config);
  const phone = () => `+98${randomMobile().slice(1)}`;

  afterAll(async () => {
    await redis.quit();
  });

  it('counts every one of many simultaneous attempts exactly once', async () => {
    const p = phone();
    await store.save(p, 'hash', Date.now() + 120_000);
    const attempts = await Promise.all(Array.from({ length: 20 }, () => store.takeAttempt(p)));
    expect(attempts.map((a) => a?.attempts).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('keeps only the hash, never the code, and expires the key by itself', async () => {
    const p = phone();
    const expiresAt = Date.now() + 120_000;
    await store.save(p, 'keyed-hash', expiresAt);
    const key = `${config.redis.prefix}:otp:code:${p}`;
    expect(await redis.hgetall(key)).toEqual({ hash: 'keyed-hash', expiresAt: String(expiresAt), attempts: '0' });
    expect(await redis.pttl(key)).toBeGreaterThan(120_000);
  });

  it('resets attempts when a new code is saved', async () => {
    const p = phone();
    await store.save(p, 'one', Date.now() + 120_000);
    await store.takeAttempt(p);
    await store.save(p, 'two', Date.now() + 120_000);
    await expect(store.takeAttempt(p)).resolves.toMatchObject({ codeHash: 'two', attempts: 1 });
  });

  it('starts a cooldown once and reports the time left to later callers', async () => {
    const p = phone();
    await expect(store.startCooldown(p, 60)).resolves.toEqual({ started: true });
    const second = await store.startCooldown(p, 60);
    expect(second.started).toBe(false);
    expect(second.started === false && second.retryAfterMs).toBeGreaterThan(58_000);
  });

  it('answers nothing for a phone with no code', async () => {
    await expect(store.takeAttempt(phone())).resolves.toBeUndefined();
  });
});
