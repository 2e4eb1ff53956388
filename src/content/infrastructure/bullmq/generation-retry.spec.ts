import { UnrecoverableError } from 'bullmq';
import { DomainError } from '#libs/ddd';
import { GenerationFailure } from '../../../ai';
import {
  failureOf,
  generationBackoffDelay,
  isFinalFailure,
  MAX_RETRY_AFTER_MS,
  PermanentGenerationError,
  toQueueError,
} from './generation-retry';

const rateLimited = (retryAfterMs?: number) =>
  new GenerationFailure('transient', 'rate_limited', 'OpenAI 429', retryAfterMs);

describe('generation retries', () => {
  describe('generationBackoffDelay', () => {
    it('waits at least the provider’s retry-after, plus at most 10 % (≤ 1 s) of jitter', () => {
      expect(generationBackoffDelay(1, rateLimited(7_000), () => 0)).toBe(7_000);
      expect(generationBackoffDelay(1, rateLimited(7_000), () => 0.999)).toBe(7_700);
      expect(generationBackoffDelay(3, rateLimited(30_000), () => 0.999)).toBe(30_999);
      expect(generationBackoffDelay(1, rateLimited(0), () => 0.5)).toBe(0);
    });

    it('honours retry-after whatever the attempt number, and caps an absurd one', () => {
      expect(generationBackoffDelay(4, rateLimited(1_500), () => 0)).toBe(1_500);
      expect(generationBackoffDelay(1, rateLimited(3_600_000), () => 0)).toBe(MAX_RETRY_AFTER_MS);
    });

    it('backs off exponentially with jitter without a retry-after', () => {
      const low = (attempt: number) => generationBackoffDelay(attempt, rateLimited(), () => 0);
      const high = (attempt: number) => generationBackoffDelay(attempt, rateLimited(), () => 1);
      expect([1, 2, 3, 4].map(high)).toEqual([2_000, 4_000, 8_000, 16_000]);
      expect([1, 2, 3, 4].map(low)).toEqual([1_000, 2_000, 4_000, 8_000]);
      expect(high(10)).toBe(60_000);
      expect(generationBackoffDelay(2, new Error('database unavailable'), () => 1)).toBe(4_000);
    });
  });

  describe('toQueueError', () => {
    it('turns permanent failures into UnrecoverableError and leaves transient ones alone', () => {
      const quota = new GenerationFailure('permanent', 'insufficient_quota', 'OpenAI 429 insufficient_quota');
      const permanent = toQueueError(quota);
      expect(permanent).toBeInstanceOf(UnrecoverableError);
      expect(permanent).toMatchObject({ name: 'UnrecoverableError', failure: quota });

      const transient = rateLimited(1000);
      expect(toQueueError(transient)).toBe(transient);
      const other = new Error('boom');
      expect(toQueueError(other)).toBe(other);
    });
  });

  it('ends the job at once when a rule of the content refuses the result, since a retry would be refused too', () => {
    const refused = toQueueError(
      new DomainError('VALIDATION_FAILED', 'invalid', 'body must be at most 200000 characters'),
    );
    expect(refused).toBeInstanceOf(PermanentGenerationError);
    expect(failureOf(refused as Error)).toEqual({ code: 'internal', kind: 'permanent' });
    // A write that lost a race is worth another attempt.
    const busy = new DomainError('CONTENT_BUSY', 'conflict', 'The content kept changing');
    expect(toQueueError(busy)).toBe(busy);
  });

  describe('isFinalFailure', () => {
    const job = (attemptsMade: number) => ({ attemptsMade, opts: { attempts: 5 } });

    it('is final after the last attempt or for an unrecoverable error, not before', () => {
      expect(isFinalFailure(job(1), rateLimited())).toBe(false);
      expect(isFinalFailure(job(4), rateLimited())).toBe(false);
      expect(isFinalFailure(job(5), rateLimited())).toBe(true);
      expect(
        isFinalFailure(job(1), new PermanentGenerationError(new GenerationFailure('permanent', 'auth', 'OpenAI 401'))),
      ).toBe(true);
      // A job whose worker died too often: BullMQ fails it with this error on the next pick-up.
      expect(isFinalFailure(job(0), new UnrecoverableError('job stalled more than allowable limit'))).toBe(true);
    });
  });

  describe('failureOf', () => {
    it('names the failure for the content', () => {
      expect(failureOf(rateLimited())).toEqual({ code: 'rate_limited', kind: 'transient' });
      expect(
        failureOf(new PermanentGenerationError(new GenerationFailure('permanent', 'content_not_found', 'gone'))),
      ).toEqual({ code: 'content_not_found', kind: 'permanent' });
      expect(failureOf(new UnrecoverableError('job stalled more than allowable limit'))).toEqual({
        code: 'worker_lost',
        kind: 'transient',
      });
      expect(failureOf(new Error('database unavailable'))).toEqual({ code: 'internal', kind: 'transient' });
      expect(failureOf(undefined)).toEqual({ code: 'internal', kind: 'transient' });
    });
  });
});
