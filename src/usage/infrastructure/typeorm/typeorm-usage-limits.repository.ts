import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, managerOf } from '#libs/database';
import { ProjectUsageLimitsRepository } from '../../application/ports/project-usage-limits.repository';
import { UsageLimitsRepository } from '../../application/ports/usage-limits.repository';
import { ProjectUsageLimits } from '../../domain/project-usage-limits';
import type { UsageLimits } from '../../domain/usage-limits';
import type { UsageLimitEntity } from './usage-limit.entity';
import type { UsageProjectLimitEntity } from './usage-project-limit.entity';
import { ProjectUsageLimitsMapper, UsageLimitsMapper } from './usage-limits.mapper';

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

const PROJECT_LIMITS_COLUMNS = `project_id AS "projectId", organization_id AS "organizationId",
  monthly_token_limit AS "monthlyTokenLimit", monthly_cost_limit_micros AS "monthlyCostLimitMicros",
  updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/**
 * The project's limits in that organization (undefined when it has none). Read inside the
 * transaction that holds the organization's row lock (lockLimitsRow), which serialises every
 * reservation and every change of the organization's and its projects' limits.
 */
export async function projectLimitsOf(
  manager: EntityManager | DataSource,
  organizationId: string,
  projectId: string,
): Promise<ProjectUsageLimits | undefined> {
  const rows = (await manager.query(
    `SELECT ${PROJECT_LIMITS_COLUMNS} FROM usage_project_limits WHERE project_id = $1 AND organization_id = $2`,
    [projectId, organizationId],
  )) as UsageProjectLimitEntity[];
  return rows[0] ? ProjectUsageLimitsMapper.toDomain(rows[0]) : undefined;
}

@Injectable()
export class TypeOrmProjectUsageLimitsRepository extends ProjectUsageLimitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  findByProject(organizationId: string, projectId: string): Promise<ProjectUsageLimits | undefined> {
    return projectLimitsOf(managerOf(this.dataSource), organizationId, projectId);
  }

  update(
    organizationId: string,
    projectId: string,
    change: (limits: ProjectUsageLimits) => boolean,
  ): Promise<ProjectUsageLimits> {
    return inTransaction(this.dataSource, async (manager) => {
      // The organization's row: a change waits for reservations deciding now, and they see it after.
      await lockLimitsRow(manager, organizationId);
      const limits =
        (await projectLimitsOf(manager, organizationId, projectId)) ??
        ProjectUsageLimits.defaults(projectId, organizationId);
      if (!change(limits)) return limits;
      const row = ProjectUsageLimitsMapper.toPersistence(limits);
      await manager.query(
        `INSERT INTO usage_project_limits (project_id, organization_id, monthly_token_limit, monthly_cost_limit_micros, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (project_id) DO UPDATE
            SET monthly_token_limit = EXCLUDED.monthly_token_limit, monthly_cost_limit_micros = EXCLUDED.monthly_cost_limit_micros,
                updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
          WHERE usage_project_limits.organization_id = EXCLUDED.organization_id`,
        [
          row.projectId,
          row.organizationId,
          row.monthlyTokenLimit,
          row.monthlyCostLimitMicros,
          row.updatedAt,
          row.updatedBy,
        ],
      );
      await manager.query(
        `UPDATE usage_limits SET has_project_limits = EXISTS (
           SELECT 1 FROM usage_project_limits p
            WHERE p.organization_id = $1 AND (p.monthly_token_limit IS NOT NULL OR p.monthly_cost_limit_micros IS NOT NULL))
          WHERE organization_id = $1`,
        [organizationId],
      );
      return limits;
    });
  }
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
