import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'content_policies' })
export class ContentPolicyEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'pk_content_policies' })
  organizationId!: string;

  @Column({ name: 'block_prompts_with_pii', type: 'boolean', default: false })
  blockPromptsWithPii!: boolean;

  @Column({ name: 'redact_pii_in_exports', type: 'boolean', default: false })
  redactPiiInExports!: boolean;

  @Column({ name: 'allow_self_approval', type: 'boolean', default: false })
  allowSelfApproval!: boolean;

  @Column({ name: 'max_cost_per_generation_micros', type: 'bigint', nullable: true })
  maxCostPerGenerationMicros!: string | null;

  @Column({ name: 'allowed_models', type: 'jsonb', nullable: true })
  allowedModels!: string[] | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;
}
