import type { Page, PageRequest } from '#libs/ddd';

/** A content waiting for review (status REVIEW), as the review inbox lists it. */
export interface WaitingReview {
  contentId: string;
  title: string;
  projectId: string;
  workspaceId: string;
  organizationId: string;
  /** The version under review (the current one). */
  version: number;
  /** When the content entered REVIEW this time. */
  waitingSince: Date;
  reviewDueAt: Date | null;
}

export interface WaitingReviewFilter {
  /** The organizations whose contents to list (none: an empty page, nothing is read). */
  organizationIds: string[];
  /** true: only those whose due date is before `now`; false: only the others (no due date, or not passed yet). */
  overdue?: boolean;
  now: Date;
}

/** A content in REVIEW whose due date has passed, claimed by the overdue scan to be announced once. */
export interface OverdueReview {
  contentId: string;
  organizationId: string;
  projectId: string;
  workspaceId: string;
  title: string;
  version: number;
  reviewDueAt: Date;
  waitingSince: Date | null;
  createdBy: string;
}

/** The review side of contents: the inbox, and the overdue scan's claim. */
export abstract class ContentReviews {
  /** Longest waiting first (waitingSince, then id), with the total. */
  abstract listWaiting(filter: WaitingReviewFilter, page: PageRequest): Promise<Page<WaitingReview>>;
  /**
   * Across organizations: at most `limit` contents in REVIEW whose due date is before `now` and has not
   * been announced yet, marked announced (for that due date) as they are returned. Run it inside the
   * unit of work that announces them: the mark commits with the announcement or not at all, and rows
   * another transaction is marking are skipped, so each due date is announced once however many
   * scans run at the same time.
   */
  abstract claimOverdue(now: Date, limit: number): Promise<OverdueReview[]>;
}
