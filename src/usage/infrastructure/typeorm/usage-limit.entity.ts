import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UsageCalendar } from '../../domain/usage-period';

/** An organization's limits; its row is also the lock that serialises the organization's reservations. */
@Entity('usage_limits')
export class UsageLimitEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'pk_usage_limits' })
  organizationId!: string;

  @Column({ name: 'monthly_token_limit', type: 'bigint', nullable: true })
  monthlyTokenLimit!: string | null;

  @Column({ name: 'monthly_cost_limit_micros', type: 'bigint', nullable: true })
  monthlyCostLimitMicros!: string | null;

  @Column({ name: 'per_user_monthly_token_limit', type: 'bigint', nullable: true })
  perUserMonthlyTokenLimit!: string | null;

  /** Whether a project of the organization has a limit: then no reservation takes the lock-free path for organizations without limits. */
  @Column({ name: 'has_project_limits', type: 'boolean', default: false })
  hasProjectLimits?: boolean;

  @Column({ type: 'varchar', length: 16, default: 'gregorian' })
  calendar!: UsageCalendar;

  /** null (like updated_by) while the row holds the defaults: created by a reservation, never changed by anyone. */
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
