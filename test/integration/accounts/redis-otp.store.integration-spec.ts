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

  const later = () => Date.now() + 120_000;

  it('lets exactly one of many simultaneous attempts with the right code match, and consumes the code', async () => {
    const p = phone();
    await store.save(p, 'right', later());
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => store.attempt(p, 'right', Date.now(), 5)));
    expect(outcomes.filter((outcome) => outcome === 'matched')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'matched')).toEqual(Array(5).fill('missing'));
    await expect(store.attempt(p, 'right', Date.now(), 5)).resolves.toBe('missing');
  });

  it('counts every one of many simultaneous wrong attempts once: the sixth on refuses even the right code', async () => {
    const p = phone();
    await store.save(p, 'right', later());
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => store.attempt(p, 'wrong', Date.now(), 5)));
    expect(outcomes.filter((outcome) => outcome === 'invalid')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome === 'exhausted')).toHaveLength(15);
    await expect(store.attempt(p, 'right', Date.now(), 5)).resolves.toBe('exhausted');
  });

  it('refuses and removes an expired code, even the right one', async () => {
    const p = phone();
    const expiresAt = Date.now() + 120_000;
    await store.save(p, 'right', expiresAt);
    await expect(store.attempt(p, 'right', expiresAt, 5)).resolves.toBe('expired');
    await expect(store.attempt(p, 'right', Date.now(), 5)).resolves.toBe('missing');
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
    await store.save(p, 'one', later());
    for (let i = 0; i < 5; i++) await store.attempt(p, 'wrong', Date.now(), 5);
    await store.save(p, 'two', later());
    await expect(store.attempt(p, 'one', Date.now(), 5)).resolves.toBe('invalid');
    await expect(store.attempt(p, 'two', Date.now(), 5)).resolves.toBe('matched');
  });

  it('starts a cooldown once and reports the time left to later callers', async () => {
    const p = phone();
    await expect(store.startCooldown(p, 60)).resolves.toEqual({ started: true });
    const second = await store.startCooldown(p, 60);
    expect(second.started).toBe(false);
    expect(second.started === false && second.retryAfterMs).toBeGreaterThan(58_000);
  });

  it('answers nothing for a phone with no code', async () => {
    await expect(store.attempt(phone(), 'any', Date.now(), 5)).resolves.toBe('missing');
  });
});
