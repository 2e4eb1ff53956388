import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Registry } from 'prom-client';
import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit, inTransaction, managerOf, PreparedStatement, queryPrepared } from '#libs/database';
import { isUuid, Money } from '#libs/ddd';
import {
  UsageLedger,
  type AdmitReservation,
  type HeldReservation,
  type NewReservation,
  type NewUsageRecord,
  type RecordedThreshold,
  type SettleOutcome,
} from '../../application/ports/usage-ledger';
import type { PeriodSpend, ThresholdReached } from '../../domain/usage-limits';
import type { UsageCalendar, UsagePeriod } from '../../domain/usage-period';
import { UsageLimitExceededError, type LimitExceededDetails } from '../../domain/usage.errors';
import { UsageMetrics } from '../prometheus/usage-metrics';
import { lockLimitsRow, projectLimitsOf } from './typeorm-usage-limits.repository';

interface SpendRow {
  used_tokens: string;
  used_cost: string;
  used_user_tokens: string;
  reserved_tokens: string;
  reserved_cost: string;
  reserved_user_tokens: string;
  used_project_tokens: string;
  used_project_cost: string;
  reserved_project_tokens: string;
  reserved_project_cost: string;
}

// One statement, so one snapshot: a settle committing between two separate sums could otherwise be
// missed by both (its record after the first, its reservation gone before the second). Live
// reservations count whatever period they were made in (one made just before a month ends is
// spent in the next) and for as long as they are RESERVED, however long their job is queued.
const SPEND_SQL = `
  WITH used AS (
    SELECT coalesce(sum(total_tokens), 0) AS tokens,
           coalesce(sum(cost_micros), 0) AS cost,
           coalesce(sum(total_tokens) FILTER (WHERE user_id = $4), 0) AS user_tokens,
           coalesce(sum(total_tokens) FILTER (WHERE project_id = $5), 0) AS project_tokens,
           coalesce(sum(cost_micros) FILTER (WHERE project_id = $5), 0) AS project_cost
      FROM usage_records
     WHERE organization_id = $1 AND created_at >= $2 AND created_at < $3
  ), held AS (
    SELECT coalesce(sum(tokens), 0) AS tokens,
           coalesce(sum(cost_micros), 0) AS cost,
           coalesce(sum(tokens) FILTER (WHERE user_id = $4), 0) AS user_tokens,
           coalesce(sum(tokens) FILTER (WHERE project_id = $5), 0) AS project_tokens,
           coalesce(sum(cost_micros) FILTER (WHERE project_id = $5), 0) AS project_cost
      FROM usage_reservations
     WHERE organization_id = $1 AND status = 'RESERVED'
  )
  SELECT used.tokens AS used_tokens, used.cost AS used_cost, used.user_tokens AS used_user_tokens,
         held.tokens AS reserved_tokens, held.cost AS reserved_cost, held.user_tokens AS reserved_user_tokens,
         used.project_tokens AS used_project_tokens, used.project_cost AS used_project_cost,
         held.project_tokens AS reserved_project_tokens, held.project_cost AS reserved_project_cost
    FROM used, held`;

async function spendIn(
  manager: EntityManager | DataSource,
  organizationId: string,
  userId: string | null,
  period: UsagePeriod,
  projectId: string | null = null,
): Promise<PeriodSpend> {
  const [row] = (await manager.query(SPEND_SQL, [
    organizationId,
    period.start,
    period.end,
    userId,
    projectId,
  ])) as SpendRow[];
  if (!row) throw new Error('The spend query returned no row');
  return {
    organization: {
      usedTokens: Number(row.used_tokens),
      usedCost: Money.fromMicros(row.used_cost),
      reservedTokens: Number(row.reserved_tokens),
      reservedCost: Money.fromMicros(row.reserved_cost),
    },
    user: { usedTokens: Number(row.used_user_tokens), reservedTokens: Number(row.reserved_user_tokens) },
    ...(projectId === null
      ? {}
      : {
          project: {
            usedTokens: Number(row.used_project_tokens),
            usedCost: Money.fromMicros(row.used_project_cost),
            reservedTokens: Number(row.reserved_project_tokens),
            reservedCost: Money.fromMicros(row.reserved_project_cost),
          },
        }),
  };
}

interface RecordedRow {
  cost_micros: string;
  price_fallback: boolean;
  created_at: Date;
}

function outcomeOf(row: RecordedRow): Omit<SettleOutcome, 'recorded'> {
  return { cost: Money.fromMicros(row.cost_micros), priceFallback: row.price_fallback, recordedAt: row.created_at };
}

/**
 * For an organization whose limits row says "no limit" and "no project with a limit": the
 * reservation in one statement, under a share lock of that row (a change of the organization's or a
 * project's limits updates that row, so the lock's recheck sees it).
 */
const RESERVE_WHERE_UNLIMITED =
  new PreparedStatement(`INSERT INTO usage_reservations (id, organization_id, user_id, period_start, tokens, cost_micros, status, created_at, project_id)
       SELECT COALESCE($7::uuid, gen_random_uuid()), l.organization_id, $2,
              CASE l.calendar WHEN 'jalali' THEN $8::timestamptz ELSE $3::timestamptz END, $4, $5, 'RESERVED', $6, $9::uuid
         FROM (SELECT organization_id, calendar FROM usage_limits
                WHERE organization_id = $1 AND monthly_token_limit IS NULL AND monthly_cost_limit_micros IS NULL
                  AND per_user_monthly_token_limit IS NULL AND NOT has_project_limits
                  FOR SHARE) l
       RETURNING id`);

const SETTLE = new PreparedStatement(`WITH recorded AS (
         INSERT INTO usage_records (organization_id, user_id, project_id, content_id, model, prompt_tokens, cached_tokens,
                                    completion_tokens, total_tokens, cost_micros, call_key, usage_estimated, price_fallback, created_at,
                                    reasoning_tokens, provider)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $16, $17)
         ON CONFLICT ON CONSTRAINT uq_usage_records_call_key DO NOTHING
         RETURNING cost_micros, price_fallback, created_at
       ), settled AS (
         -- A reservation released after a timeout whose call did complete is settled all the same: the record is what counts.
         UPDATE usage_reservations SET status = 'SETTLED', settled_at = $14
          WHERE id = $15::uuid AND organization_id = $1 AND status <> 'SETTLED' AND EXISTS (SELECT 1 FROM recorded)
       )
       SELECT cost_micros, price_fallback, created_at,
              EXISTS (SELECT 1 FROM usage_limits l
                       WHERE l.organization_id = $1
                         AND (l.monthly_token_limit IS NOT NULL OR l.monthly_cost_limit_micros IS NOT NULL
                              OR l.per_user_monthly_token_limit IS NOT NULL OR l.has_project_limits)) AS has_limits
         FROM recorded`);

const RELEASE = new PreparedStatement(
  `UPDATE usage_reservations SET status = 'RELEASED', released_at = $2 WHERE id = $1 AND status = 'RESERVED'`,
);

const IS_HELD = new PreparedStatement(`SELECT 1 FROM usage_reservations WHERE id = $1 AND status = 'RESERVED'`);

/**
 * Counts what it records (UsageMetrics into `registry`; a private registry when none is given, e.g.
 * in tests): reservations refused, and, once their transaction commits, the tokens and cost of each
 * usage record and each threshold crossed.
 */
@Injectable()
export class TypeOrmUsageLedger extends UsageLedger {
  private readonly metrics: UsageMetrics;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    registry: Registry = new Registry(),
  ) {
    super();
    this.metrics = new UsageMetrics(registry);
  }

  async reserve(reservation: NewReservation, admit: AdmitReservation, now: Date): Promise<{ reservationId: string }> {
    try {
      return await this.reserveUnderLock(reservation, admit, now);
    } catch (error) {
      if (error instanceof UsageLimitExceededError) {
        const { limit, setting } = error.details as unknown as LimitExceededDetails;
        this.metrics.refusedBy(limit === 'project' ? `project.${setting}` : setting);
      }
      throw error;
    }
  }

  private reserveUnderLock(
    reservation: NewReservation,
    admit: AdmitReservation,
    now: Date,
  ): Promise<{ reservationId: string }> {
    return inTransaction(this.dataSource, async (manager) => {
      const limits = await lockLimitsRow(manager, reservation.organizationId);
      const projectId = reservation.projectId ?? null;
      const project = projectId === null ? undefined : await projectLimitsOf(manager, limits.organizationId, projectId);
      const period = await admit(
        limits,
        (p) => spendIn(manager, reservation.organizationId, reservation.userId, p, projectId),
        project,
      );
      const rows = (await manager.query(
        `INSERT INTO usage_reservations (id, organization_id, user_id, period_start, tokens, cost_micros, status, created_at, project_id)
         VALUES (COALESCE($7::uuid, gen_random_uuid()), $1, $2, $3, $4, $5, 'RESERVED', $6, $8) RETURNING id`,
        [
          reservation.organizationId,
          reservation.userId,
          period.start,
          reservation.tokens,
          reservation.cost.micros.toString(),
          now,
          reservation.id ?? null,
          projectId,
        ],
      )) as { id: string }[];
      const id = rows[0]?.id;
      if (!id) throw new Error('The reservation insert returned no id');
      return { reservationId: id };
    });
  }

  async reserveWhereUnlimited(
    reservation: NewReservation,
    periodOf: (calendar: UsageCalendar) => UsagePeriod,
    now: Date,
  ): Promise<{ reservationId: string } | undefined> {
    const { rows } = await queryPrepared<{ id: string }>(this.dataSource, RESERVE_WHERE_UNLIMITED, [
      reservation.organizationId,
      reservation.userId,
      periodOf('gregorian').start,
      reservation.tokens,
      reservation.cost.micros.toString(),
      now,
      reservation.id ?? null,
      periodOf('jalali').start,
      reservation.projectId ?? null,
    ]);
    const id = rows[0]?.id;
    return id ? { reservationId: id } : undefined;
  }

  /**
   * One statement, so atomic without a transaction of its own: the record is inserted unless its call
   * key exists, and only then is the reservation settled (a data-modifying CTE runs whole or not at
   * all). A call key seen before changes nothing and reads the existing record. The insert also adds
   * the record to usage_daily_rollups (a statement trigger, in this statement and its transaction).
   */
  async settle(record: NewUsageRecord, reservationId: string | null): Promise<SettleOutcome> {
    const reservation = reservationId !== null && isUuid(reservationId) ? reservationId : null;
    const { rows: inserted } = await queryPrepared<RecordedRow & { has_limits: boolean }>(this.dataSource, SETTLE, [
      record.organizationId,
      record.userId,
      record.projectId,
      record.contentId,
      record.model,
      record.promptTokens,
      record.cachedTokens,
      record.completionTokens,
      record.promptTokens + record.completionTokens,
      record.cost.micros.toString(),
      record.callKey,
      record.usageEstimated,
      record.priceFallback,
      record.createdAt,
      reservation,
      record.reasoningTokens,
      record.provider ?? 'deployment',
    ]);
    const row = inserted[0];
    if (row) {
      const costMicros = BigInt(row.cost_micros);
      afterCommit(this.dataSource, () => this.metrics.recorded(record, costMicros));
      return { recorded: true, ...outcomeOf(row), organizationHasLimits: row.has_limits };
    }
    const [existing] = (await managerOf(this.dataSource).query(
      'SELECT cost_micros, price_fallback, created_at FROM usage_records WHERE call_key = $1',
      [record.callKey],
    )) as RecordedRow[];
    if (!existing) throw new Error(`usage record ${record.callKey} conflicted but cannot be read`);
    return { recorded: false, ...outcomeOf(existing) };
  }

  async release(reservationId: string, at: Date): Promise<boolean> {
    if (!isUuid(reservationId)) return false;
    const { rowCount } = await queryPrepared(this.dataSource, RELEASE, [reservationId, at]);
    return rowCount > 0;
  }

  async isHeld(reservationId: string): Promise<boolean> {
    if (!isUuid(reservationId)) return false;
    const { rows } = await queryPrepared(this.dataSource, IS_HELD, [reservationId]);
    return rows.length > 0;
  }

  async listHeld(createdBefore: Date, limit: number): Promise<HeldReservation[]> {
    // Answered from the partial index idx_usage_reservations_held_created, in its order.
    const rows = (await managerOf(this.dataSource).query(
      `SELECT id, organization_id, created_at FROM usage_reservations
        WHERE status = 'RESERVED' AND created_at < $1
        ORDER BY created_at, id
        LIMIT $2`,
      [createdBefore, limit],
    )) as { id: string; organization_id: string; created_at: Date }[];
    return rows.map((row) => ({
      reservationId: row.id,
      organizationId: row.organization_id,
      createdAt: row.created_at,
    }));
  }

  spendIn(
    organizationId: string,
    userId: string | null,
    period: UsagePeriod,
    projectId: string | null = null,
  ): Promise<PeriodSpend> {
    return spendIn(managerOf(this.dataSource), organizationId, userId, period, projectId);
  }

  async lockThresholds(organizationId: string): Promise<void> {
    // A transaction-scoped advisory lock of its own: it does not wait for reservations (the limits row lock).
    await managerOf(this.dataSource).query(
      `SELECT pg_advisory_xact_lock(hashtextextended('usage-thresholds:' || $1, 0))`,
      [organizationId],
    );
  }

  async recordThresholds(
    organizationId: string,
    period: UsagePeriod,
    reached: ThresholdReached[],
    at: Date,
  ): Promise<RecordedThreshold[]> {
    if (!reached.length) return [];
    const rows = (await managerOf(this.dataSource).query(
      `INSERT INTO usage_threshold_events (organization_id, period_start, scope, threshold, limit_value, used_value, created_at)
       SELECT $1, $2, e.scope, e.threshold, e.limit_value, e.used_value, $3
         FROM unnest($4::varchar[], $5::smallint[], $6::bigint[], $7::bigint[]) AS e(scope, threshold, limit_value, used_value)
       ON CONFLICT ON CONSTRAINT uq_usage_threshold_events_once DO NOTHING
       RETURNING id, scope, threshold, created_at`,
      [
        organizationId,
        period.start,
        at,
        reached.map((r) => r.scope),
        reached.map((r) => r.threshold),
        reached.map((r) => r.limitValue.toString()),
        reached.map((r) => r.usedValue.toString()),
      ],
    )) as { id: string; scope: string; threshold: number; created_at: Date }[];
    const recorded = reached.flatMap((event) => {
      const row = rows.find((r) => r.scope === event.scope && r.threshold === event.threshold);
      return row ? [{ ...event, id: row.id, createdAt: row.created_at }] : [];
    });
    afterCommit(this.dataSource, () => {
      for (const event of recorded)
        this.metrics.crossed(event.kind === 'project' ? `project.${event.limit}` : event.limit, event.threshold);
    });
    return recorded;
  }
}
