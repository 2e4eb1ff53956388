import { Injectable } from '@nestjs/common';
import type { Actor, Money } from '#libs/ddd';
import {
  GetContentCostsUseCase,
  ResolveReportWindowUseCase,
  type UsageCalendar,
  type WindowBound,
} from '../../../../usage';
import { REJECTION_CATEGORIES } from '../../../domain/content-status';
import { approvalRate, costPerApproved, rejectionsByCategory, round } from '../../../domain/editorial-figures';
import {
  EditorialAnalytics,
  type EditorialCounts,
  type EditorialGroupBy,
  type Percentiles,
} from '../../ports/editorial-analytics';

export interface EditorialAnalyticsQuery {
  from?: WindowBound;
  to?: WindowBound;
  groupBy?: EditorialGroupBy;
}

export interface EditorialFigures {
  created: number;
  generated: number;
  approved: number;
  rejected: number;
  approvalRate: number | null;
  timeToApprovalSec: Percentiles;
  timeInReviewSec: Percentiles;
  rejectionsByCategory: Record<string, number>;
  revisionsPerApproved: number | null;
  costPerApproved: Money | null;
}

export interface EditorialAnalyticsView {
  totals: EditorialFigures;
  groups: (EditorialFigures & { key: string | null })[];
  from: Date;
  to: Date;
  groupBy: EditorialGroupBy | null;
  calendar: UsageCalendar;
}

/**
 * How an organization's editorial work went in a window (its current usage period by default):
 * contents created and generated, decisions, approval rate, time to approval and in review,
 * rejections by category, revisions and usage cost per approved content; in total and per project,
 * author or model. Three statements: the organization's calendar (usage's window rules), the
 * content figures, then the approved contents' usage cost (from the usage context).
 */
@Injectable()
export class GetEditorialAnalyticsUseCase {
  constructor(
    private readonly analytics: EditorialAnalytics,
    private readonly reportWindow: ResolveReportWindowUseCase,
    private readonly contentCosts: GetContentCostsUseCase,
  ) {}

  async execute(
    _actor: Actor,
    organizationId: string,
    query: EditorialAnalyticsQuery,
  ): Promise<EditorialAnalyticsView> {
    const { from, to, calendar } = await this.reportWindow.execute(organizationId, query);
    const groupBy = query.groupBy ?? null;
    const { totals, groups } = await this.analytics.counts(organizationId, { from, to }, groupBy);
    const costs = await this.contentCosts.execute({ organizationId, contentIds: totals.approvedContentIds });
    const figures = (counts: EditorialCounts): EditorialFigures => ({
      created: counts.created,
      generated: counts.generated,
      approved: counts.approved,
      rejected: counts.rejected,
      approvalRate: approvalRate(counts),
      timeToApprovalSec: seconds(counts.timeToApprovalSec),
      timeInReviewSec: seconds(counts.timeInReviewSec),
      rejectionsByCategory: rejectionsByCategory(REJECTION_CATEGORIES, counts.rejectionsByCategory),
      revisionsPerApproved: round(counts.revisionsPerApproved, 2),
      costPerApproved: costPerApproved(counts, (id) => costs.get(id) as Money),
    });
    return {
      totals: figures(totals),
      groups: groups.map((group) => ({ key: group.key, ...figures(group) })),
      from,
      to,
      groupBy,
      calendar,
    };
  }
}

/** Durations to the millisecond. */
const seconds = ({ p50, p90 }: Percentiles): Percentiles => ({ p50: round(p50, 3), p90: round(p90, 3) });
