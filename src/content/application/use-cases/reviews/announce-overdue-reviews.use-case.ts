import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork } from '#libs/ddd';
import { ContentEvents } from '../../ports/content-events';
import { ContentReviews, type OverdueReview } from '../../ports/content-reviews';

export interface AnnounceOverdueReviewsInput {
  /** Contents claimed and announced per transaction. */
  batchSize?: number;
  /** Transactions per run at most; the next run takes the rest. */
  maxBatches?: number;
}

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_MAX_BATCHES = 20;

/** The webhook's (and the in-app notification's) `data`: ids, title, dates; never the body. */
export function overdueEventData(review: OverdueReview): Record<string, unknown> {
  return {
    contentId: review.contentId,
    projectId: review.projectId,
    workspaceId: review.workspaceId,
    title: review.title,
    status: 'REVIEW',
    version: review.version,
    reviewDueAt: review.reviewDueAt.toISOString(),
    waitingSince: review.waitingSince?.toISOString() ?? null,
    createdBy: review.createdBy,
  };
}

/**
 * Announces `content.review_overdue` for each content in REVIEW whose due date has passed, once per
 * due date: each batch is claimed (marked announced for its due date) and announced in one
 * transaction, so a crash before the commit leaves it to the next run, and scans running at the same
 * time in several workers never claim the same content. A new due date is announced again once it
 * passes; the same one never is, even if the content leaves REVIEW and comes back.
 */
@Injectable()
export class AnnounceOverdueReviewsUseCase {
  constructor(
    private readonly reviews: ContentReviews,
    private readonly events: ContentEvents,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: AnnounceOverdueReviewsInput = {}): Promise<{ announced: number }> {
    const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
    let announced = 0;
    for (let batch = 0; batch < (input.maxBatches ?? DEFAULT_MAX_BATCHES); batch++) {
      const now = this.clock.now();
      const claimed = await this.uow.run(async () => {
        const due = await this.reviews.claimOverdue(now, batchSize);
        for (const review of due)
          await this.events.publish({
            // Stable per content and due date: announced again, it would be a duplicate delivered once.
            id: `review-overdue_${review.contentId}_${review.reviewDueAt.getTime()}`,
            organizationId: review.organizationId,
            type: 'content.review_overdue',
            data: overdueEventData(review),
          });
        return due.length;
      });
      announced += claimed;
      if (claimed < batchSize) break;
    }
    return { announced };
  }
}
