import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('prompts')
@Index('idx_prompts_organization', ['organizationId'])
@Index('idx_prompts_workspace_category', ['workspaceId', 'category'])
export class PromptEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_prompts' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  category!: string;

  @Column({ type: 'text' })
  template!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
