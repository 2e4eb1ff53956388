import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, managerOf } from '#libs/database';
import { UsageLimitsRepository } from '../../application/ports/usage-limits.repository';
import type { UsageLimits } from '../../domain/usage-limits';
import type { UsageLimitEntity } from './usage-limit.entity';
import { UsageLimitsMapper } from './usage-limits.mapper';

const LIMITS_COLUMNS = `organization_id AS "organizationId", monthly_token_limit AS "monthlyTokenLimit",
  monthly_cost_limit_micros AS "monthlyCostLimitMicros", per_user_monthly_token_limit AS "perUserMonthlyTokenLimit",
  calendar, updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/**
 * Locks the organization's limits row for the rest of the transaction, creating it with the
 * defaults first when the organization has none. Whoever holds the lock decides alone.
 */
export async function lockLimitsRow(manager: EntityManager, organizationId: string): Promise<UsageLimits> {
  const select = async () =>
    (await manager.query(`SELECT ${LIMITS_COLUMNS} FROM usage_limits WHERE organization_id = $1 FOR UPDATE`, [
      organizationId,
    ])) as UsageLimitEntity[];
  let rows = await select();
  if (!rows[0]) {
    await manager.query(
      'INSERT INTO usage_limits (organization_id) VALUES ($1) ON CONFLICT (organization_id) DO NOTHING',
      [organizationId],
    );
    rows = await select();
  }
  const row = rows[0];
  if (!row) throw new Error(`usage_limits row of ${organizationId} vanished under its lock`);
  return UsageLimitsMapper.toDomain(row);
}

@Injectable()
export class TypeOrmUsageLimitsRepository extends UsageLimitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async findByOrganization(organizationId: string): Promise<UsageLimits | undefined> {
    const rows = (await managerOf(this.dataSource).query(
      `SELECT ${LIMITS_COLUMNS} FROM usage_limits WHERE organization_id = $1`,
      [organizationId],
    )) as UsageLimitEntity[];
    return rows[0] ? UsageLimitsMapper.toDomain(rows[0]) : undefined;
  }

  update(organizationId: string, change: (limits: UsageLimits) => boolean): Promise<UsageLimits> {
    return inTransaction(this.dataSource, async (manager) => {
      const limits = await lockLimitsRow(manager, organizationId);
      if (!change(limits)) return limits;
      const row = UsageLimitsMapper.toPersistence(limits);
      await manager.query(
        `UPDATE usage_limits
            SET monthly_token_limit = $2, monthly_cost_limit_micros = $3, per_user_monthly_token_limit = $4,
                calendar = $5, updated_at = $6, updated_by = $7
          WHERE organization_id = $1`,
        [
          row.organizationId,
          row.monthlyTokenLimit,
          row.monthlyCostLimitMicros,
          row.perUserMonthlyTokenLimit,
          row.calendar,
          row.updatedAt,
          row.updatedBy,
        ],
      );
      return limits;
    });
  }
}
