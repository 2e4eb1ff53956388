import { Injectable } from '@nestjs/common';
import { Clock, type Actor, type Page, type PageRequest } from '#libs/ddd';
import { ContentReviews, type WaitingReview } from '../../ports/content-reviews';
import { ReviewerOrganizations } from '../../ports/reviewer-organizations';

export interface MyReviewsQuery {
  /** Only this organization's contents: one where the caller is not ADMIN gives an empty page (a filter of the caller's own scope, not an address). */
  organizationId?: string;
  /** true: only overdue ones (due date passed); false: only the others. */
  overdue?: boolean;
}

/** A waiting review, and whether it is overdue now. */
export interface MyReview extends WaitingReview {
  overdue: boolean;
}

/**
 * `GET /me/reviews`: the contents in REVIEW in every organization where the caller is ADMIN (read
 * afresh: a demoted ADMIN sees nothing on the very next request), longest waiting first.
 */
@Injectable()
export class ListMyReviewsUseCase {
  constructor(
    private readonly reviewers: ReviewerOrganizations,
    private readonly reviews: ContentReviews,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, query: MyReviewsQuery, page: PageRequest): Promise<Page<MyReview>> {
    const now = this.clock.now();
    const admin = await this.reviewers.adminOrganizationIdsOf(actor.userId);
    const organizationIds = query.organizationId ? admin.filter((id) => id === query.organizationId) : admin;
    const found = await this.reviews.listWaiting({ organizationIds, overdue: query.overdue, now }, page);
    return {
      ...found,
      items: found.items.map((item) => ({
        ...item,
        overdue: item.reviewDueAt !== null && item.reviewDueAt.getTime() < now.getTime(),
      })),
    };
  }
}
