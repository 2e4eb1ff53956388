import { AI_BODY, makeContent, makeContentIn, SAMPLE_USAGE, T0 } from '../../../test/factories/content.factory';
import { isReviewOverdue } from './content';
import type { ContentStatus } from './content-status';

const LATER = new Date('2026-11-24T11:00:00Z');
const DUE = new Date('2026-11-25T09:30:00Z');
const EDITOR = '0b8f5a57-94a1-4e8e-b6a4-2f4f3b4f0c11';

describe('Content: review due date and waiting time', () => {
  it('starts with no due date and not waiting for review', () => {
    expect(makeContent().snapshot()).toMatchObject({ reviewDueAt: null, reviewSince: null });
  });

  it('waits for review from the moment a generation completes', () => {
    const content = makeContent();
    content.startGeneration('job-1', T0);
    content.completeGeneration(
      { jobId: 'job-1', body: AI_BODY, model: 'gpt-4.1-mini', usage: SAMPLE_USAGE, by: EDITOR },
      LATER,
    );
    expect(content.snapshot()).toMatchObject({ status: 'REVIEW', reviewSince: LATER });
  });

  it('waits again from the next completion after a new generation', () => {
    const content = makeContentIn('REVIEW');
    const third = new Date('2026-11-26T08:00:00Z');
    content.startGeneration('job-2', LATER);
    content.completeGeneration(
      { jobId: 'job-2', body: `${AI_BODY} دوباره`, model: 'gpt-4.1-mini', usage: SAMPLE_USAGE, by: EDITOR },
      third,
    );
    expect(content.snapshot().reviewSince).toEqual(third);
  });

  it('keeps waiting since it first entered when a generation from REVIEW fails back to it', () => {
    const content = makeContentIn('REVIEW');
    content.startGeneration('job-2', LATER);
    content.failGeneration('job-2', { code: 'OPENAI_TIMEOUT', message: 'timeout' }, LATER);
    expect(content.snapshot()).toMatchObject({ status: 'REVIEW', reviewSince: T0 });
  });

  it.each<ContentStatus>(['DRAFT', 'IN_PROGRESS', 'REVIEW', 'REJECTED'])(
    'sets and clears a due date in %s',
    (status) => {
      const content = makeContentIn(status);
      expect(content.scheduleReview(DUE, LATER)).toBe(true);
      expect(content.snapshot()).toMatchObject({ reviewDueAt: DUE, updatedAt: LATER });
      expect(content.scheduleReview(null, LATER)).toBe(true);
      expect(content.snapshot().reviewDueAt).toBeNull();
    },
  );

  it('reports no change for the same due date', () => {
    const content = makeContentIn('REVIEW');
    content.scheduleReview(DUE, LATER);
    expect(content.scheduleReview(new Date(DUE.getTime()), new Date('2026-11-24T12:00:00Z'))).toBe(false);
    expect(content.snapshot().updatedAt).toEqual(LATER);
  });

  it('refuses a due date on APPROVED content (final)', () => {
    const content = makeContentIn('APPROVED');
    expect(() => content.scheduleReview(DUE, LATER)).toThrow(
      expect.objectContaining({ code: 'CONTENT_INVALID_TRANSITION', kind: 'conflict' }),
    );
  });

  it('refuses an invalid date', () => {
    expect(() => makeContentIn('REVIEW').scheduleReview(new Date('nope'), LATER)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('is overdue only in REVIEW with its due date passed', () => {
    const before = new Date(DUE.getTime() - 1);
    const after = new Date(DUE.getTime() + 1);
    const inReview = makeContentIn('REVIEW');
    inReview.scheduleReview(DUE, LATER);
    expect([inReview.isReviewOverdue(before), inReview.isReviewOverdue(DUE), inReview.isReviewOverdue(after)]).toEqual([
      false,
      false,
      true,
    ]);
    const rejected = makeContentIn('REJECTED');
    rejected.scheduleReview(DUE, LATER);
    expect(rejected.isReviewOverdue(after)).toBe(false);
    expect(isReviewOverdue({ status: 'REVIEW', reviewDueAt: null }, after)).toBe(false);
  });
});
