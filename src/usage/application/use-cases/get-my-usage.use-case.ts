import { Injectable } from '@nestjs/common';
import { Clock, Money, type Actor } from '#libs/ddd';
import type { UsageCalendar, UsagePeriod } from '../../domain/usage-period';
import { UsageReports, type UsageTotals } from '../ports/usage-reports';
import { periodContaining } from '../services/usage-periods';

export interface MyOrganizationUsage {
  organizationId: string;
  calendar: UsageCalendar;
  period: UsagePeriod;
  perUserMonthlyTokenLimit: number | null;
  totals: UsageTotals;
}

export interface MyUsage {
  totals: UsageTotals;
  organizations: MyOrganizationUsage[];
}

// Every period (a Gregorian or Persian month) is at most 31 days long, so no current period started earlier.
const LONGEST_PERIOD_MS = 32 * 86_400_000;

/** The caller's own usage in the current period of each organization they used tokens in, and the sum. */
@Injectable()
export class GetMyUsageUseCase {
  constructor(
    private readonly reports: UsageReports,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor): Promise<MyUsage> {
    const now = this.clock.now();
    const organizations = await this.reports.organizationsUsedBy(
      actor.userId,
      new Date(now.getTime() - LONGEST_PERIOD_MS),
    );
    const periods = new Map(organizations.map((o) => [o.organizationId, periodContaining(now, o.calendar)]));
    const totals = await this.reports.userTotalsIn(
      actor.userId,
      [...periods].map(([organizationId, period]) => ({ organizationId, from: period.start, to: period.end })),
    );
    const rows: MyOrganizationUsage[] = organizations.flatMap((o) => {
      const own = totals.get(o.organizationId);
      const period = periods.get(o.organizationId);
      return own && period
        ? [
            {
              organizationId: o.organizationId,
              calendar: o.calendar,
              period,
              perUserMonthlyTokenLimit: o.perUserMonthlyTokenLimit,
              totals: own,
            },
          ]
        : [];
    });
    rows.sort(
      (a, b) => Number(b.totals.cost.micros - a.totals.cost.micros) || a.organizationId.localeCompare(b.organizationId),
    );
    return { totals: sumOf(rows.map((row) => row.totals)), organizations: rows };
  }
}

function sumOf(all: UsageTotals[]): UsageTotals {
  return all.reduce<UsageTotals>(
    (sum, t) => ({
      requests: sum.requests + t.requests,
      promptTokens: sum.promptTokens + t.promptTokens,
      cachedTokens: sum.cachedTokens + t.cachedTokens,
      reasoningTokens: sum.reasoningTokens + t.reasoningTokens,
      completionTokens: sum.completionTokens + t.completionTokens,
      totalTokens: sum.totalTokens + t.totalTokens,
      cost: sum.cost.add(t.cost),
    }),
    {
      requests: 0,
      promptTokens: 0,
      cachedTokens: 0,
      completionTokens: 0,
      reasoningTokens: 0,
      totalTokens: 0,
      cost: Money.zero,
    },
  );
}
