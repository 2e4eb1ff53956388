import { Injectable } from '@nestjs/common';
import { Clock, type Actor } from '#libs/ddd';
import { resolveReportWindow, type WindowBound } from '../../domain/report-window';
import { UsageLimits } from '../../domain/usage-limits';
import { utcOffsetMinutesOf, type UsageCalendar } from '../../domain/usage-period';
import { UsageLimitsRepository } from '../ports/usage-limits.repository';
import { UsageReports, type UsageGroupBy, type UsageReport } from '../ports/usage-reports';
import { periodContaining } from '../services/usage-periods';

export interface UsageReportQuery {
  from?: WindowBound;
  to?: WindowBound;
  groupBy?: UsageGroupBy;
}

export interface UsageReportView extends UsageReport {
  from: Date;
  to: Date;
  groupBy: UsageGroupBy | null;
  calendar: UsageCalendar;
}

/** An organization's usage in a window (its current period by default), in total and per day, member, model or project. */
@Injectable()
export class GetUsageReportUseCase {
  constructor(
    private readonly limits: UsageLimitsRepository,
    private readonly reports: UsageReports,
    private readonly clock: Clock,
  ) {}

  async execute(_actor: Actor, organizationId: string, query: UsageReportQuery): Promise<UsageReportView> {
    const { calendar } = (await this.limits.findByOrganization(organizationId)) ?? UsageLimits.defaults(organizationId);
    const window = resolveReportWindow(
      query,
      calendar,
      (instant) => periodContaining(instant, calendar),
      this.clock.now(),
    );
    const groupBy = query.groupBy ?? null;
    const report = await this.reports.report(organizationId, window, groupBy, utcOffsetMinutesOf(calendar));
    return { ...report, ...window, groupBy, calendar };
  }
}
