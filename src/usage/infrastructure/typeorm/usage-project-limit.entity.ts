import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A project's limits. The project belongs to the content context and the organization to accounts:
 * both are referenced by id only. Decided under the organization's usage_limits row lock.
 */
@Entity('usage_project_limits')
@Index('idx_usage_project_limits_organization', ['organizationId'])
export class UsageProjectLimitEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'pk_usage_project_limits' })
  projectId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'monthly_token_limit', type: 'bigint', nullable: true })
  monthlyTokenLimit!: string | null;

  @Column({ name: 'monthly_cost_limit_micros', type: 'bigint', nullable: true })
  monthlyCostLimitMicros!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
