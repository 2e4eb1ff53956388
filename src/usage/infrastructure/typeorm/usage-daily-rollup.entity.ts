import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The sums of the usage records of one organization, local day, member, model and project; a day
 * is the date `utcOffsetMinutes` east of UTC (0 and 210: each record is rolled up once per offset a
 * calendar uses). Written only by the database: a statement trigger on usage_records adds every
 * inserted record (see the UsageDailyRollups migration). The primary key also INCLUDEs the sums,
 * which TypeORM cannot declare, so that reports are index-only scans; the migration owns that.
 */
@Entity('usage_daily_rollups')
export class UsageDailyRollupEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'pk_usage_daily_rollups' })
  organizationId!: string;

  @PrimaryColumn({ name: 'utc_offset_minutes', type: 'smallint', primaryKeyConstraintName: 'pk_usage_daily_rollups' })
  utcOffsetMinutes!: number;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_usage_daily_rollups' })
  day!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_usage_daily_rollups' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_usage_daily_rollups' })
  model!: string;

  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'pk_usage_daily_rollups' })
  projectId!: string;

  @Column({ type: 'bigint' })
  requests!: string;

  @Column({ name: 'prompt_tokens', type: 'bigint' })
  promptTokens!: string;

  @Column({ name: 'cached_tokens', type: 'bigint' })
  cachedTokens!: string;

  @Column({ name: 'completion_tokens', type: 'bigint' })
  completionTokens!: string;

  @Column({ name: 'reasoning_tokens', type: 'bigint', default: 0 })
  reasoningTokens!: string;

  @Column({ name: 'total_tokens', type: 'bigint' })
  totalTokens!: string;

  /** Integer micro-USD. */
  @Column({ name: 'cost_micros', type: 'bigint' })
  costMicros!: string;
}
