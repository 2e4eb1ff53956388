export const EDITORIAL_GROUP_BY = ['project', 'author', 'model'] as const;
export type EditorialGroupBy = (typeof EDITORIAL_GROUP_BY)[number];

/** Two percentiles of a duration, in seconds; null when nothing was measured. */
export interface Percentiles {
  p50: number | null;
  p90: number | null;
}

/** What the content tables say about a window, for the whole organization or one group. */
export interface EditorialCounts {
  created: number;
  generated: number;
  approved: number;
  rejected: number;
  timeToApprovalSec: Percentiles;
  timeInReviewSec: Percentiles;
  /** Rejections per category; categories without one are absent. */
  rejectionsByCategory: Record<string, number>;
  /** Average of the body versions written before the approved one; null without approvals. */
  revisionsPerApproved: number | null;
  /** The contents approved in the window (each once: APPROVED is final). */
  approvedContentIds: string[];
}

export interface EditorialGroupCounts extends EditorialCounts {
  /** A project id, the author's user id, or a model name (null: a version written by hand). */
  key: string | null;
}

/** Read-only figures over contents and their status changes, computed in SQL. */
export abstract class EditorialAnalytics {
  /** In `[from, to)`, for the organization and, with `groupBy`, per group (else `groups` is empty). */
  abstract counts(
    organizationId: string,
    window: { from: Date; to: Date },
    groupBy: EditorialGroupBy | null,
  ): Promise<{ totals: EditorialCounts; groups: EditorialGroupCounts[] }>;
}
