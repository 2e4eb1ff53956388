import { Injectable } from '@nestjs/common';
import { Clock, type Actor } from '#libs/ddd';
import { forecastReadWindow, forecastUsage, type UsageForecast } from '../../domain/usage-forecast';
import { UsageLimits } from '../../domain/usage-limits';
import { utcOffsetMinutesOf } from '../../domain/usage-period';
import { UsageLimitsRepository } from '../ports/usage-limits.repository';
import { UsageReports } from '../ports/usage-reports';
import { periodContaining } from '../services/usage-periods';

export interface UsageForecastView extends UsageForecast {
  limits: UsageLimits;
}

/**
 * The organization's usage at the end of its current period at the present burn rate, and when
 * its token or cost limit runs out (the method: `forecastUsage`). Reads the per-day sums the usage
 * report gives (the daily roll-up for whole days, the records for today), so it costs what a report of
 * the period costs.
 */
@Injectable()
export class GetUsageForecastUseCase {
  constructor(
    private readonly limits: UsageLimitsRepository,
    private readonly reports: UsageReports,
    private readonly clock: Clock,
  ) {}

  async execute(_actor: Actor, organizationId: string): Promise<UsageForecastView> {
    const limits = (await this.limits.findByOrganization(organizationId)) ?? UsageLimits.defaults(organizationId);
    const now = this.clock.now();
    const period = periodContaining(now, limits.calendar);
    const utcOffsetMinutes = utcOffsetMinutesOf(limits.calendar);
    const window = forecastReadWindow(period, now, utcOffsetMinutes);
    const report = await this.reports.report(organizationId, window, 'day', utcOffsetMinutes);
    const forecast = forecastUsage({
      period,
      now,
      utcOffsetMinutes,
      days: report.groups.map((group) => ({ day: group.key, tokens: group.totalTokens, cost: group.cost })),
      limits: { tokens: limits.monthlyTokenLimit, cost: limits.monthlyCostLimit },
    });
    return { ...forecast, limits };
  }
}
