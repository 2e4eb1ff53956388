import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContentVersionEntity } from './content-version.entity';

@Entity('content_comments')
@Index('idx_content_comments_content_created', ['contentId', 'createdAt', 'id'])
@Check('chk_content_comments_range', `"range_start" >= 0 AND "range_end" > "range_start"`)
export class ContentCommentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_content_comments' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'content_id', type: 'uuid' })
  contentId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'range_start', type: 'integer' })
  rangeStart!: number;

  @Column({ name: 'range_end', type: 'integer' })
  rangeEnd!: number;

  @Column({ type: 'text' })
  quote!: string;

  @Column({ type: 'text' })
  prefix!: string;

  @Column({ type: 'text' })
  suffix!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @ManyToOne(() => ContentVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'content_id', referencedColumnName: 'contentId', foreignKeyConstraintName: 'fk_content_comments_version' },
    { name: 'version', referencedColumnName: 'number', foreignKeyConstraintName: 'fk_content_comments_version' },
  ])
  contentVersion?: ContentVersionEntity;
}
