import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import { resolveReportWindow, type WindowBound } from '../../domain/report-window';
import { UsageLimits } from '../../domain/usage-limits';
import type { UsageCalendar } from '../../domain/usage-period';
import { UsageLimitsRepository } from '../ports/usage-limits.repository';
import { periodContaining } from '../services/usage-periods';

export interface ReportWindow {
  from: Date;
  to: Date;
  calendar: UsageCalendar;
}

/**
 * The window `[from, to)` of an organization's report, by the usage reports' own rules: dates are
 * whole days in the organization calendar's time zone (UTC, or Asia/Tehran for jalali), a missing
 * `from` is the start of the period holding `to`, a missing `to` the end of the current period, and
 * an empty window or one longer than 400 days is 400 VALIDATION_FAILED. For other contexts'
 * reports (editorial analytics), so that every report of an organization cuts time alike.
 */
@Injectable()
export class ResolveReportWindowUseCase {
  constructor(
    private readonly limits: UsageLimitsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(organizationId: string, bounds: { from?: WindowBound; to?: WindowBound }): Promise<ReportWindow> {
    const { calendar } = (await this.limits.findByOrganization(organizationId)) ?? UsageLimits.defaults(organizationId);
    const window = resolveReportWindow(
      bounds,
      calendar,
      (instant) => periodContaining(instant, calendar),
      this.clock.now(),
    );
    return { ...window, calendar };
  }
}
