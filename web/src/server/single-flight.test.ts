import { describe, expect, it } from 'vitest';
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
});
