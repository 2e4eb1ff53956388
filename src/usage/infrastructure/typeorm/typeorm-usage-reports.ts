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
import { TEHRAN_UTC_OFFSET_MINUTES, type UsageCalendar } from '../../domain/usage-period';

interface TotalsRow {
  requests: string;
  prompt_tokens: string;
  cached_tokens: string;
  completion_tokens: string;
  reasoning_tokens: string;
  total_tokens: string;
  cost_micros: string;
}

const SUMS = `count(*) AS requests,
  coalesce(sum(prompt_tokens), 0) AS prompt_tokens,
  coalesce(sum(cached_tokens), 0) AS cached_tokens,
  coalesce(sum(completion_tokens), 0) AS completion_tokens,
  coalesce(sum(reasoning_tokens), 0) AS reasoning_tokens,
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

/**
 * Minutes east of UTC whose local days usage_daily_rollups holds: each calendar's (see the
 * UsageDailyRollups migration, which must add and backfill any other).
 */
export const ROLLED_UP_UTC_OFFSETS: readonly number[] = [0, TEHRAN_UTC_OFFSET_MINUTES];

/**
 * The same sums over the daily roll-up for the whole local days of the window, plus the records of
 * its two partial days at the edges ($5, $6: where the whole days start and end; $7, $8: the same as
 * dates). Each part names its group `k`: the roll-up's day is the same local date LOCAL_DAY gives.
 */
const ROLLUP_SUMS = `coalesce(sum(requests), 0) AS requests,
  coalesce(sum(prompt_tokens), 0) AS prompt_tokens,
  coalesce(sum(cached_tokens), 0) AS cached_tokens,
  coalesce(sum(completion_tokens), 0) AS completion_tokens,
  coalesce(sum(reasoning_tokens), 0) AS reasoning_tokens,
  coalesce(sum(total_tokens), 0) AS total_tokens,
  coalesce(sum(cost_micros), 0) AS cost_micros`;
const PART_COLUMNS = 'prompt_tokens, cached_tokens, completion_tokens, reasoning_tokens, total_tokens, cost_micros';
const partsOf = (rollupKey: string, recordKey: string) => `(
  SELECT ${rollupKey}requests, ${PART_COLUMNS} FROM usage_daily_rollups
   WHERE organization_id = $1 AND utc_offset_minutes = $4::int AND day >= $7::date AND day < $8::date
  UNION ALL
  SELECT ${recordKey}1, ${PART_COLUMNS} FROM usage_records WHERE organization_id = $1 AND created_at >= $2 AND created_at < $5
  UNION ALL
  SELECT ${recordKey}1, ${PART_COLUMNS} FROM usage_records WHERE organization_id = $1 AND created_at >= $6 AND created_at < $3
) AS parts`;
const ROLLUP_GROUP_KEYS: Record<UsageGroupBy, { rollupKey: string; recordKey: string; label: string }> = {
  day: { rollupKey: 'day', recordKey: LOCAL_DAY, label: `to_char(k, 'YYYY-MM-DD')` },
  user: { rollupKey: 'user_id', recordKey: 'user_id', label: 'k::text' },
  model: { rollupKey: 'model', recordKey: 'model', label: 'k' },
  project: { rollupKey: 'project_id', recordKey: 'project_id', label: 'k::text' },
};

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The whole local days (`offsetMinutes` east of UTC) inside `[from, to)`, as instants and dates; none when no day fits. */
export function wholeDaysIn(
  window: { from: Date; to: Date },
  offsetMinutes: number,
): { from: Date; to: Date; firstDay: string; endDay: string } | undefined {
  const shift = offsetMinutes * MINUTE_MS;
  const first = Math.ceil((window.from.getTime() + shift) / DAY_MS);
  const end = Math.floor((window.to.getTime() + shift) / DAY_MS);
  if (first >= end) return undefined;
  const date = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  return {
    from: new Date(first * DAY_MS - shift),
    to: new Date(end * DAY_MS - shift),
    firstDay: date(first),
    endDay: date(end),
  };
}

const toTotals = (row: TotalsRow | undefined): UsageTotals => ({
  requests: Number(row?.requests ?? 0),
  promptTokens: Number(row?.prompt_tokens ?? 0),
  cachedTokens: Number(row?.cached_tokens ?? 0),
  completionTokens: Number(row?.completion_tokens ?? 0),
  reasoningTokens: Number(row?.reasoning_tokens ?? 0),
  totalTokens: Number(row?.total_tokens ?? 0),
  cost: Money.fromMicros(row?.cost_micros ?? 0),
});

type GroupedRow = TotalsRow & { key: string | null; is_total: boolean };

const toReport = (rows: GroupedRow[]): UsageReport => ({
  totals: toTotals(rows.find((row) => row.is_total)),
  groups: rows.filter((row) => !row.is_total).map((row) => ({ key: row.key ?? '', ...toTotals(row) })),
});

@Injectable()
export class TypeOrmUsageReports extends UsageReports {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /**
   * Whole local days come from the daily roll-up (a year is at most 366 rows per member, model and
   * project), the partial days at the window's edges from the records; the answer is the one
   * `reportFromRecords` gives, to the micro-dollar. A window without a whole day, or cut at an
   * offset not rolled up, reads the records alone.
   */
  async report(
    organizationId: string,
    window: { from: Date; to: Date },
    groupBy: UsageGroupBy | null,
    dayOffsetMinutes: number,
  ): Promise<UsageReport> {
    const days = ROLLED_UP_UTC_OFFSETS.includes(dayOffsetMinutes) ? wholeDaysIn(window, dayOffsetMinutes) : undefined;
    if (!days) return this.reportFromRecords(organizationId, window, groupBy, dayOffsetMinutes);
    const parameters: unknown[] = [
      organizationId,
      window.from,
      window.to,
      dayOffsetMinutes,
      days.from,
      days.to,
      days.firstDay,
      days.endDay,
    ];
    if (!groupBy) {
      const rows = (await this.read(`SELECT ${ROLLUP_SUMS} FROM ${partsOf('', '')}`, parameters)) as TotalsRow[];
      return { totals: toTotals(rows[0]), groups: [] };
    }
    const { rollupKey, recordKey, label } = ROLLUP_GROUP_KEYS[groupBy];
    const rows = (await this.read(
      `SELECT ${label} AS key, grouping(k) = 1 AS is_total, ${ROLLUP_SUMS}
         FROM ${partsOf(`${rollupKey} AS k, `, `${recordKey} AS k, `)}
        GROUP BY GROUPING SETS ((k), ())
        ORDER BY is_total DESC, ${GROUP_KEYS[groupBy].order}`,
      parameters,
    )) as GroupedRow[];
    return toReport(rows);
  }

  /** The same report summed from the records alone (what `report` answered before the roll-up; its reference). */
  async reportFromRecords(
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
    )) as GroupedRow[];
    return toReport(rows);
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
