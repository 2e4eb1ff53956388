import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One completed OpenAI call. Organizations, users, projects and contents are other contexts'
 * tables: they are referenced by id only, with no foreign key. Append-only (the database refuses
 * UPDATE and DELETE): a statement trigger adds each inserted record to usage_daily_rollups.
 */
@Entity('usage_records')
@Unique('uq_usage_records_call_key', ['callKey'])
// Covering index for the reports and the budget sums: (organization_id, created_at) INCLUDE (…) lets
// PostgreSQL answer them from the index alone. TypeORM cannot declare INCLUDE, so the migration
// owns its exact definition and the schema check leaves it alone.
@Index('idx_usage_records_org_created', { synchronize: false })
@Index('idx_usage_records_user_created', ['userId', 'createdAt'])
// The usage of given contents (editorial analytics' cost per approved content).
@Index('idx_usage_records_org_content', ['organizationId', 'contentId'])
// A project's used budget in a period.
@Index('idx_usage_records_project_created', ['projectId', 'createdAt'])
export class UsageRecordEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_usage_records' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'content_id', type: 'uuid', nullable: true })
  contentId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  model!: string;

  @Column({ name: 'prompt_tokens', type: 'integer' })
  promptTokens!: number;

  @Column({ name: 'cached_tokens', type: 'integer' })
  cachedTokens!: number;

  @Column({ name: 'completion_tokens', type: 'integer' })
  completionTokens!: number;

  /** The part of the completion tokens the model spent reasoning (`usage.completion_tokens_details.reasoning_tokens`). */
  @Column({ name: 'reasoning_tokens', type: 'integer', default: 0 })
  reasoningTokens!: number;

  @Column({ name: 'total_tokens', type: 'integer' })
  totalTokens!: number;

  /** Integer micro-USD; pg returns bigint as a string. */
  @Column({ name: 'cost_micros', type: 'bigint' })
  costMicros!: string;

  /** The OpenAI response id: a retried job can never record the same call twice. */
  @Column({ name: 'call_key', type: 'varchar', length: 128 })
  callKey!: string;

  /** The tokens were counted locally because the provider's answer carried no usage. */
  @Column({ name: 'usage_estimated', type: 'boolean', default: false })
  usageEstimated!: boolean;

  /** The model had no price: the call was charged at USAGE_FALLBACK_PRICE. */
  @Column({ name: 'price_fallback', type: 'boolean', default: false })
  priceFallback!: boolean;

  /** Which provider served the call: `deployment` (OPENAI_BASE_URL) or `organization` (its own ai-provider). */
  @Column({ type: 'varchar', length: 16, default: 'deployment' })
  provider!: 'deployment' | 'organization';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
