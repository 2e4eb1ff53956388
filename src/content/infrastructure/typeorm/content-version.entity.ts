import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { GenerationUsage } from '../../domain/content-version';
import type { VersionSource } from '../../domain/content-status';
import { ContentEntity } from './content.entity';

/** Append-only in practice: rows are inserted and deleted with their content, never updated. */
@Entity('content_versions')
@Check('chk_content_versions_source', `"source" IN ('ai', 'manual', 'approval', 'restore')`)
@Unique('uq_content_versions_job', ['contentId', 'generationJobId'])
export class ContentVersionEntity {
  @PrimaryColumn({ name: 'content_id', type: 'uuid', primaryKeyConstraintName: 'pk_content_versions' })
  contentId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_content_versions' })
  number!: number;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 16 })
  source!: VersionSource;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  model!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  usage!: GenerationUsage | null;

  @Column({ name: 'generation_job_id', type: 'varchar', length: 100, nullable: true })
  generationJobId!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** A "restore" version: the number of the version whose text it brought back. */
  @Column({ name: 'restored_from', type: 'integer', nullable: true })
  restoredFrom!: number | null;

  /** An "approval" version: the number of the version the reviewer read and approved. */
  @Column({ name: 'approved_version', type: 'integer', nullable: true })
  approvedVersion!: number | null;

  /** An "approval" version: SHA-256 (lowercase hex) of the approved body as UTF-8. */
  @Column({ name: 'body_sha256', type: 'varchar', length: 64, nullable: true })
  bodySha256!: string | null;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'fk_content_versions_content' })
  content?: ContentEntity;
}
