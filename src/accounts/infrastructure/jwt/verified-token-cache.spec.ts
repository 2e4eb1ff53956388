import { VerifiedTokenCache } from './verified-token-cache';

describe('VerifiedTokenCache', () => {
  const expiresAt = new Date('2026-12-07T01:00:00Z');
  let now = expiresAt.getTime() - 60_000;
  const clock = () => now;

  beforeEach(() => {
    now = expiresAt.getTime() - 60_000;
  });

  it('answers a verified token with its claims until it expires', () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('token-a', { userId: 'u1', expiresAt });
    expect(cache.get('token-a')).toEqual({ userId: 'u1', expiresAt });
    now = expiresAt.getTime() - 1;
    expect(cache.get('token-a')?.userId).toBe('u1');
  });

  it('forgets a token from the instant it expires, as verifying again would refuse it', () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('token-a', { userId: 'u1', expiresAt });
    now = expiresAt.getTime();
    expect(cache.get('token-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('knows nothing of a token it was not given, even one differing by a character', () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('token-a', { userId: 'u1', expiresAt });
    expect(cache.get('token-b')).toBeUndefined();
    expect(cache.get('token-a ')).toBeUndefined();
  });

  it('never keeps a token without an expiry', () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('token-a', { userId: 'u1' });
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('drops the oldest token when full', () => {
    const cache = new VerifiedTokenCache(2, clock);
    cache.set('first', { userId: 'u1', expiresAt });
    cache.set('second', { userId: 'u2', expiresAt });
    cache.set('third', { userId: 'u3', expiresAt });
    expect(cache.size).toBe(2);
    expect(cache.get('first')).toBeUndefined();
    expect(cache.get('second')?.userId).toBe('u2');
    expect(cache.get('third')?.userId).toBe('u3');
  });

  it('keeps the step-up time a token carries', () => {
    const cache = new VerifiedTokenCache(10, clock);
    const steppedUpAt = new Date(now - 1_000);
    cache.set('token-a', { userId: 'u1', expiresAt, steppedUpAt });
    expect(cache.get('token-a')?.steppedUpAt).toEqual(steppedUpAt);
  });
});
