import { Money } from '#libs/ddd';
import { ProjectUsageLimits } from '../../domain/project-usage-limits';
import { UsageLimits } from '../../domain/usage-limits';
import type { UsageLimitEntity } from './usage-limit.entity';
import type { UsageProjectLimitEntity } from './usage-project-limit.entity';

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

/** bigint columns arrive as strings; limits are safe integers by the domain's own rule. */
export const UsageLimitsMapper = {
  toDomain(row: UsageLimitEntity): UsageLimits {
    return UsageLimits.restore({
      organizationId: row.organizationId,
      monthlyTokenLimit: toNumber(row.monthlyTokenLimit),
      monthlyCostLimit: row.monthlyCostLimitMicros === null ? null : Money.fromMicros(row.monthlyCostLimitMicros),
      perUserMonthlyTokenLimit: toNumber(row.perUserMonthlyTokenLimit),
      calendar: row.calendar,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    });
  },
  toPersistence(limits: UsageLimits): UsageLimitEntity {
    return {
      organizationId: limits.organizationId,
      monthlyTokenLimit: limits.monthlyTokenLimit === null ? null : String(limits.monthlyTokenLimit),
      monthlyCostLimitMicros: limits.monthlyCostLimit === null ? null : limits.monthlyCostLimit.micros.toString(),
      perUserMonthlyTokenLimit:
        limits.perUserMonthlyTokenLimit === null ? null : String(limits.perUserMonthlyTokenLimit),
      calendar: limits.calendar,
      updatedAt: limits.updatedAt,
      updatedBy: limits.updatedBy,
    };
  },
};

export const ProjectUsageLimitsMapper = {
  toDomain(row: UsageProjectLimitEntity): ProjectUsageLimits {
    return ProjectUsageLimits.restore({
      projectId: row.projectId,
      organizationId: row.organizationId,
      monthlyTokenLimit: toNumber(row.monthlyTokenLimit),
      monthlyCostLimit: row.monthlyCostLimitMicros === null ? null : Money.fromMicros(row.monthlyCostLimitMicros),
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    });
  },
  toPersistence(limits: ProjectUsageLimits): UsageProjectLimitEntity {
    return {
      projectId: limits.projectId,
      organizationId: limits.organizationId,
      monthlyTokenLimit: limits.monthlyTokenLimit === null ? null : String(limits.monthlyTokenLimit),
      monthlyCostLimitMicros: limits.monthlyCostLimit === null ? null : limits.monthlyCostLimit.micros.toString(),
      updatedAt: limits.updatedAt,
      updatedBy: limits.updatedBy,
    };
  },
};
