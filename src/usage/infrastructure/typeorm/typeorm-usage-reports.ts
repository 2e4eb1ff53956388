import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readFromReplica } from '#libs/database';
import { Money } from '#libs/ddd';
import {
  UsageReports,
  type OrganizationOfUser,
  type UsageGroupBy,
  type UsageReport,
  type UsageTotals,
  type UserWindow,
} from '../../application/ports/usage-reports';
import type { UsageCalendar } from '../../domain/usage-period';

interface TotalsRow {
  requests: string;
  prompt_tokens: string;
  cached_tokens: string;
  completion_tokens: string;
  total_tokens: string;
  cost_micros: string;
}

const SUMS = `count(*) AS requests,
  coalesce(sum(prompt_tokens), 0) AS prompt_tokens,
  coalesce(sum(cached_tokens), 0) AS cached_tokens,
  coalesce(sum(completion_tokens), 0) AS completion_tokens,
  coalesce(sum(total_tokens), 0) AS total_tokens,
  coalesce(sum(cost_micros), 0) AS cost_micros`;

// Fixed SQL per grouping, never built from input. A day is the local date `$4` minutes east of UTC.
const LOCAL_DAY = `((created_at AT TIME ZONE 'UTC') + make_interval(mins => $4::int))::date`;
const GROUP_KEYS: Record<UsageGroupBy, { key: string; label: string; order: string }> = {
  day: { key: LOCAL_DAY, label: `to_char(${LOCAL_DAY}, 'YYYY-MM-DD')`, order: 'key' },
  user: { key: 'user_id', label: 'user_id::text', order: 'cost_micros DESC, key' },
  model: { key: 'model', label: 'model', order: 'cost_micros DESC, key' },
  project: { key: 'project_id', label: 'project_id::text', order: 'cost_micros DESC, key' },
};

const toTotals = (row: TotalsRow | undefined): UsageTotals => ({
  requests: Number(row?.requests ?? 0),
  promptTokens: Number(row?.prompt_tokens ?? 0),
  cachedTokens: Number(row?.cached_tokens ?? 0),
  completionTokens: Number(row?.completion_tokens ?? 0),
  totalTokens: Number(row?.total_tokens ?? 0),
  cost: Money.fromMicros(row?.cost_micros ?? 0),
});

@Injectable()
export class TypeOrmUsageReports extends UsageReports {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async report(
    organizationId: string,
    window: { from: Date; to: Date },
    groupBy: UsageGroupBy | null,
    dayOffsetMinutes: number,
  ): Promise<UsageReport> {
    const where = 'organization_id = $1 AND created_at >= $2 AND created_at < $3';
    if (!groupBy) {
      const rows = (await this.read(`SELECT ${SUMS} FROM usage_records WHERE ${where}`, [
        organizationId,
        window.from,
        window.to,
      ])) as TotalsRow[];
      return { totals: toTotals(rows[0]), groups: [] };
    }
    // One pass computes both the groups and the grand total (the empty grouping set).
    const { key, label, order } = GROUP_KEYS[groupBy];
    const parameters: unknown[] = [organizationId, window.from, window.to];
    if (groupBy === 'day') parameters.push(dayOffsetMinutes);
    const rows = (await this.read(
      `SELECT ${label} AS key, grouping(${key}) = 1 AS is_total, ${SUMS}
         FROM usage_records
        WHERE ${where}
        GROUP BY GROUPING SETS ((${key}), ())
        ORDER BY is_total DESC, ${order}`,
      parameters,
    )) as (TotalsRow & { key: string | null; is_total: boolean })[];
    const total = rows.find((row) => row.is_total);
    return {
      totals: toTotals(total),
      groups: rows.filter((row) => !row.is_total).map((row) => ({ key: row.key ?? '', ...toTotals(row) })),
    };
  }

  /** Reports are reads without rules: a read replica serves them when there is one. */
  private read(sql: string, parameters: unknown[]): Promise<unknown> {
    return readFromReplica(this.dataSource, (manager) => manager.query(sql, parameters));
  }

  async organizationsUsedBy(userId: string, since: Date): Promise<OrganizationOfUser[]> {
    const rows = (await this.read(
      `SELECT r.organization_id, coalesce(l.calendar, 'gregorian') AS calendar, l.per_user_monthly_token_limit
         FROM (SELECT DISTINCT organization_id FROM usage_records WHERE user_id = $1 AND created_at >= $2) r
         LEFT JOIN usage_limits l ON l.organization_id = r.organization_id`,
      [userId, since],
    )) as { organization_id: string; calendar: UsageCalendar; per_user_monthly_token_limit: string | null }[];
    return rows.map((row) => ({
      organizationId: row.organization_id,
      calendar: row.calendar,
      perUserMonthlyTokenLimit:
        row.per_user_monthly_token_limit === null ? null : Number(row.per_user_monthly_token_limit),
    }));
  }

  async userTotalsIn(userId: string, windows: UserWindow[]): Promise<Map<string, UsageTotals>> {
    if (!windows.length) return new Map();
    const rows = (await this.read(
      `SELECT w.organization_id, ${SUMS}
         FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS w(organization_id, window_start, window_end)
         JOIN usage_records r
           ON r.user_id = $1 AND r.organization_id = w.organization_id AND r.created_at >= w.window_start AND r.created_at < w.window_end
        GROUP BY w.organization_id`,
      [
        userId,
        windows.map((w) => w.organizationId),
        windows.map((w) => w.from.toISOString()),
        windows.map((w) => w.to.toISOString()),
      ],
    )) as (TotalsRow & { organization_id: string })[];
    return new Map(rows.map((row) => [row.organization_id, toTotals(row)]));
  }
}
