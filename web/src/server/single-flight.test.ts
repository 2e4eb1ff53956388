import { afterEach, describe, expect, it, vi } from 'vitest';
import { SingleFlight } from './single-flight';

describe('SingleFlight (one token refresh at a time)', () => {
  it('runs one refresh for concurrent callers with the same token and shares its answer', async () => {
    const flight = new SingleFlight<string>();
    let calls = 0;
    let release: (value: string) => void = () => undefined;
    const work = () => {
      calls += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([flight.run('token-1', work), flight.run('token-1', work)]);
    release('new-pair');
    expect(await both).toEqual(['new-pair', 'new-pair']);
    expect(calls).toBe(1);
  });

  it('starts again once the previous run has finished, and keeps keys apart', async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    const work = async () => ++calls;
    expect(await flight.run('a', work)).toBe(1);
    expect(await flight.run('a', work)).toBe(2);
    expect(await Promise.all([flight.run('b', work), flight.run('c', work)])).toEqual([3, 4]);
  });

  describe('keeping an answer for a while', () => {
    afterEach(() => vi.useRealTimers());

    it('gives a kept answer to callers that come just after it settled, then runs again', async () => {
      vi.useFakeTimers();
      const flight = new SingleFlight<{ ok: boolean; pair: number }>({ keepFor: 10_000, keep: (value) => value.ok });
      let calls = 0;
      const work = async () => ({ ok: true, pair: ++calls });
      expect(await flight.run('token-1', work)).toEqual({ ok: true, pair: 1 });
      await vi.advanceTimersByTimeAsync(9_000);
      // A request sent with the old token before the browser had the new cookies: no second refresh.
      expect(await flight.run('token-1', work)).toEqual({ ok: true, pair: 1 });
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await flight.run('token-1', work)).toEqual({ ok: true, pair: 2 });
    });

    it('forgets at once an answer it is not to keep, and a work that threw', async () => {
      const flight = new SingleFlight<{ ok: boolean }>({ keepFor: 10_000, keep: (value) => value.ok });
      let calls = 0;
      const refused = async () => {
        calls += 1;
        return { ok: false };
      };
      await flight.run('token-1', refused);
      await flight.run('token-1', refused);
      expect(calls).toBe(2);

      await expect(flight.run('token-2', () => Promise.reject(new Error('network')))).rejects.toThrow('network');
      expect(await flight.run('token-2', async () => ({ ok: true }))).toEqual({ ok: true });
    });
  });
});
