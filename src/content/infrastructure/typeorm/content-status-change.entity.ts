import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ContentStatus } from '../../domain/content-status';
import type { StatusChangeCause } from '../../domain/status-change';
import { ContentEntity } from './content.entity';

/**
 * Append-only: every status change of a content, written in the statement that writes the content
 * (see ContentRowStatements.update), deleted only with its content. What editorial analytics reads.
 */
@Entity('content_status_changes')
@Index('idx_content_status_changes_org_occurred', ['organizationId', 'occurredAt'])
@Index('idx_content_status_changes_content_occurred', ['contentId', 'occurredAt'])
export class ContentStatusChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_content_status_changes' })
  id!: string;

  @Column({ name: 'content_id', type: 'uuid' })
  contentId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16 })
  fromStatus!: ContentStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus!: ContentStatus;

  @Column({ type: 'varchar', length: 32 })
  cause!: StatusChangeCause;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  model!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'rejection_category', type: 'varchar', length: 16, nullable: true })
  rejectionCategory!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'fk_content_status_changes_content' })
  content?: ContentEntity;
}
