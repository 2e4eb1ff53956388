import { FixedClock } from '../../../../../test/fakes/accounts/recording-ports';
import { RecordingContentEvents } from '../../../../../test/fakes/content/recording-content-events';
import { InlineUnitOfWork } from '../../../../../test/fakes/inline-unit-of-work';
import { ContentReviews, type OverdueReview } from '../../ports/content-reviews';
import { AnnounceOverdueReviewsUseCase } from './announce-overdue-reviews.use-case';

const NOW = new Date('2026-12-07T10:00:00Z');

/** Hands out the due reviews a batch at a time, as the claim does; records whether each claim ran inside a unit of work. */
class QueuedReviews extends ContentReviews {
  readonly claims: { at: Date; limit: number; inRun: boolean }[] = [];

  constructor(
    private due: OverdueReview[],
    private readonly uow: InlineUnitOfWork,
  ) {
    super();
  }

  listWaiting(): never {
    throw new Error('not used');
  }

  claimOverdue(now: Date, limit: number): Promise<OverdueReview[]> {
    this.claims.push({ at: now, limit, inRun: this.uow.inRun });
    const batch = this.due.slice(0, limit);
    this.due = this.due.slice(limit);
    return Promise.resolve(batch);
  }
}

const review = (n: number): OverdueReview => ({
  contentId: `00000000-0000-4000-8000-00000000000${n}`,
  organizationId: '11111111-1111-4111-8111-111111111111',
  projectId: 'p',
  workspaceId: 'w',
  title: `متن ${n}`,
  version: 2,
  reviewDueAt: new Date('2026-12-06T13:30:00Z'),
  waitingSince: new Date('2026-12-01T08:00:00Z'),
  createdBy: 'u',
});

describe('AnnounceOverdueReviewsUseCase', () => {
  const setUp = (due: OverdueReview[]) => {
    const uow = new InlineUnitOfWork();
    const reviews = new QueuedReviews(due, uow);
    const events = new RecordingContentEvents();
    return {
      uow,
      reviews,
      events,
      announce: new AnnounceOverdueReviewsUseCase(reviews, events, new FixedClock(NOW.getTime()), uow),
    };
  };

  it('announces each claimed review as content.review_overdue, with an id stable per content and due date', async () => {
    const { announce, events } = setUp([review(1)]);

    expect(await announce.execute()).toEqual({ announced: 1 });
    expect(events.published).toEqual([
      {
        id: `review-overdue_${review(1).contentId}_${Date.parse('2026-12-06T13:30:00Z')}`,
        organizationId: review(1).organizationId,
        type: 'content.review_overdue',
        data: {
          contentId: review(1).contentId,
          projectId: 'p',
          workspaceId: 'w',
          title: 'متن 1',
          status: 'REVIEW',
          version: 2,
          reviewDueAt: '2026-12-06T13:30:00.000Z',
          waitingSince: '2026-12-01T08:00:00.000Z',
          createdBy: 'u',
        },
      },
    ]);
  });

  it('claims and announces batch by batch, each in a unit of work, until a batch comes back short', async () => {
    const { announce, events, reviews, uow } = setUp([1, 2, 3, 4, 5].map(review));

    expect(await announce.execute({ batchSize: 2 })).toEqual({ announced: 5 });
    expect(reviews.claims.map((claim) => claim.limit)).toEqual([2, 2, 2]);
    expect(reviews.claims.every((claim) => claim.inRun && claim.at.getTime() === NOW.getTime())).toBe(true);
    expect(uow.runs).toBe(3);
    expect(events.published).toHaveLength(5);
  });

  it('stops after maxBatches, leaving the rest to the next run', async () => {
    const { announce, reviews } = setUp([1, 2, 3, 4, 5].map(review));
    expect(await announce.execute({ batchSize: 2, maxBatches: 2 })).toEqual({ announced: 4 });
    expect(reviews.claims).toHaveLength(2);
  });

  it('announces nothing when nothing is due', async () => {
    const { announce, events } = setUp([]);
    expect(await announce.execute()).toEqual({ announced: 0 });
    expect(events.published).toEqual([]);
  });
});
