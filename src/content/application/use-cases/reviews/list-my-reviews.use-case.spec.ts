import type { Page, PageRequest } from '#libs/ddd';
import { FixedClock } from '../../../../../test/fakes/accounts/recording-ports';
import { ContentReviews, type WaitingReview, type WaitingReviewFilter } from '../../ports/content-reviews';
import { ReviewerOrganizations } from '../../ports/reviewer-organizations';
import { ListMyReviewsUseCase } from './list-my-reviews.use-case';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-11-24T10:00:00Z');

class Reviewers extends ReviewerOrganizations {
  constructor(private readonly admin: string[]) {
    super();
  }

  adminOrganizationIdsOf(): Promise<string[]> {
    return Promise.resolve(this.admin);
  }
}

class AskedReviews extends ContentReviews {
  readonly asked: WaitingReviewFilter[] = [];

  constructor(private readonly items: WaitingReview[] = []) {
    super();
  }

  listWaiting(filter: WaitingReviewFilter, page: PageRequest): Promise<Page<WaitingReview>> {
    this.asked.push(filter);
    return Promise.resolve({ items: this.items, total: this.items.length, ...page });
  }

  claimOverdue(): Promise<never[]> {
    return Promise.resolve([]);
  }
}

const review = (reviewDueAt: Date | null): WaitingReview => ({
  contentId: 'c',
  title: 'متن',
  projectId: 'p',
  workspaceId: 'w',
  organizationId: ORG_A,
  version: 1,
  waitingSince: new Date('2026-11-20T10:00:00Z'),
  reviewDueAt,
});

describe('ListMyReviewsUseCase', () => {
  const page = { page: 1, limit: 20 };
  const run = (admin: string[], reviews: AskedReviews, query = {}) =>
    new ListMyReviewsUseCase(new Reviewers(admin), reviews, new FixedClock(NOW.getTime())).execute(
      { userId: 'u' },
      query,
      page,
    );

  it('asks for the contents of every organization where the caller is ADMIN', async () => {
    const reviews = new AskedReviews();
    await run([ORG_A, ORG_B], reviews, { overdue: true });
    expect(reviews.asked).toEqual([{ organizationIds: [ORG_A, ORG_B], overdue: true, now: NOW }]);
  });

  it('narrows to the organization asked for, and to none when the caller is not its ADMIN', async () => {
    const reviews = new AskedReviews();
    await run([ORG_A, ORG_B], reviews, { organizationId: ORG_B });
    await run([ORG_A], reviews, { organizationId: ORG_B });
    expect(reviews.asked.map((filter) => filter.organizationIds)).toEqual([[ORG_B], []]);
  });

  it('marks a review overdue once its due date has passed', async () => {
    const found = await run(
      [ORG_A],
      new AskedReviews([review(new Date(NOW.getTime() - 1)), review(NOW), review(null)]),
    );
    expect(found.items.map((item) => item.overdue)).toEqual([true, false, false]);
  });
});
