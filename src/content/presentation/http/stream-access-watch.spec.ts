import { Logger } from '@nestjs/common';
import type { ResolveMembershipUseCase } from '../../../accounts';
import { FixedClock } from '../../../../test/fakes/accounts/recording-ports';
import { StreamAccessWatch, type StreamEndReason } from './stream-access-watch';

describe('StreamAccessWatch', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  function watching(role: () => Promise<string | undefined>, sessionExpiresAt?: Date) {
    const clock = new FixedClock();
    const membership = { execute: jest.fn(role) } as unknown as ResolveMembershipUseCase;
    const ended: StreamEndReason[] = [];
    const watch = new StreamAccessWatch(membership, clock).start(
      { userId: 'u1', sessionExpiresAt },
      'o1',
      1_000,
      (reason) => ended.push(reason),
    );
    return { clock, membership, ended, watch };
  }

  it('ends the stream once the caller is no longer a member, at the next check', async () => {
    let role: string | undefined = 'VIEWER';
    const { ended, watch } = watching(() => Promise.resolve(role));
    jest.advanceTimersByTime(1_000);
    await settle();
    expect(ended).toEqual([]);
    role = undefined;
    jest.advanceTimersByTime(1_000);
    await settle();
    expect(ended).toEqual(['access_revoked']);
    jest.advanceTimersByTime(5_000);
    await settle();
    expect(ended).toEqual(['access_revoked']);
    watch.stop();
  });

  it('ends the stream when the access token expires', async () => {
    const { clock, ended, watch } = watching(
      () => Promise.resolve('VIEWER'),
      new Date(new FixedClock().now().getTime() + 1_500),
    );
    void clock;
    jest.advanceTimersByTime(1_499);
    await settle();
    expect(ended).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ended).toEqual(['session_expired']);
    watch.stop();
  });

  it('keeps the stream open when a check fails (a database hiccup), and stops checking once stopped', async () => {
    const { membership, ended, watch } = watching(() => Promise.reject(new Error('database unavailable')));
    jest.advanceTimersByTime(3_000);
    await settle();
    expect(ended).toEqual([]);
    watch.stop();
    const checks = (membership.execute as jest.Mock).mock.calls.length;
    jest.advanceTimersByTime(10_000);
    expect((membership.execute as jest.Mock).mock.calls.length).toBe(checks);
  });
});
