import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A limit reached to 80 % or 100 %; the unique key makes each crossing happen once per period. */
@Entity('usage_threshold_events')
@Unique('uq_usage_threshold_events_once', ['organizationId', 'periodStart', 'scope', 'threshold'])
export class UsageThresholdEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_usage_threshold_events' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'period_start', type: 'timestamptz' })
  periodStart!: Date;

  /** `organization:tokens`, `organization:cost` or `user:<userId>:tokens`. */
  @Column({ type: 'varchar', length: 80 })
  scope!: string;

  @Column({ type: 'smallint' })
  threshold!: number;

  /** The limit when it was crossed: tokens, or micro-USD for cost. */
  @Column({ name: 'limit_value', type: 'bigint' })
  limitValue!: string;

  @Column({ name: 'used_value', type: 'bigint' })
  usedValue!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
