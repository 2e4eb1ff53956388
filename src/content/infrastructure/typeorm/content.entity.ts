import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LastError, PiiReport, ReviewDecision } from '../../domain/content';
import type { ContentStatus } from '../../domain/content-status';
import { ProjectEntity } from './project.entity';
import { PromptEntity } from './prompt.entity';

/**
 * organization_id and workspace_id point into the accounts context without a foreign key: contexts
 * share no tables. Inside this context, a project's contents and their versions go with it.
 */
@Entity('contents')
@Check('chk_contents_status', `"status" IN ('DRAFT', 'IN_PROGRESS', 'REVIEW', 'APPROVED', 'REJECTED')`)
@Index('idx_contents_organization', ['organizationId'])
// Contents created in a window of an organization: editorial analytics' `created`.
@Index('idx_contents_organization_created', ['organizationId', 'createdAt'])
@Index('idx_contents_project_created', ['projectId', 'createdAt', 'id'])
@Index('idx_contents_project_status', ['projectId', 'status', 'createdAt', 'id'])
@Index('idx_contents_project_author', ['projectId', 'createdBy', 'createdAt', 'id'])
// A list filtered by author and status, counted and paged from the index alone.
@Index('idx_contents_project_author_status', ['projectId', 'createdBy', 'status', 'createdAt', 'id'])
// GIN over (project_id, search_vector): TypeORM cannot declare a GIN index, so the migration owns it.
@Index('idx_contents_search', { synchronize: false })
@Index('idx_contents_created_by', ['createdBy'])
@Index('idx_contents_prompt', ['promptId'])
@Index('idx_contents_running_generations', ['generationStartedAt'], { where: `status = 'IN_PROGRESS'` })
// The review inbox: an organization's contents in REVIEW, longest waiting first.
@Index('idx_contents_review_inbox', ['organizationId', 'reviewSince', 'id'], { where: `status = 'REVIEW'` })
// The overdue scan: only contents in REVIEW with a due date not yet announced (see review_overdue_notified_for).
@Index('idx_contents_review_overdue', ['reviewDueAt'], {
  where: `status = 'REVIEW' AND review_due_at IS NOT NULL AND review_overdue_notified_for IS DISTINCT FROM review_due_at`,
})
export class ContentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_contents' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  prompt!: string;

  @Column({ name: 'prompt_id', type: 'uuid', nullable: true })
  promptId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  variables!: Record<string, string> | null;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ContentStatus;

  @Column({ type: 'varchar', length: 100 })
  model!: string;

  @Column({ type: 'double precision', nullable: true })
  temperature!: number | null;

  @Column({ name: 'max_tokens', type: 'integer', nullable: true })
  maxTokens!: number | null;

  @Column({ name: 'current_version', type: 'integer', default: 0 })
  currentVersion!: number;

  /** The model that wrote the current body: its newest version's (null after a manual edit, or before any). */
  @Column({ name: 'body_model', type: 'varchar', length: 100, nullable: true })
  bodyModel!: string | null;

  @Column({ name: 'last_error', type: 'jsonb', nullable: true })
  lastError!: (Omit<LastError, 'at'> & { at: string }) | null;

  /** Personal data in the body (types and offsets only). */
  @Column({ type: 'jsonb', default: () => `'{"found": false, "findings": []}'` })
  pii!: PiiReport;

  /** Normalised title, prompt and body for full-text search; written by a trigger, never by the app. */
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string | null;

  /** Personal data in the prompt (types and offsets only). */
  @Column({ name: 'prompt_pii', type: 'jsonb', default: () => `'{"found": false, "findings": []}'` })
  promptPii!: PiiReport;

  @Column({ name: 'last_review', type: 'jsonb', nullable: true })
  lastReview!: (Omit<ReviewDecision, 'at'> & { at: string }) | null;

  @Column({ name: 'generation_job_id', type: 'varchar', length: 100, nullable: true })
  generationJobId!: string | null;

  @Column({ name: 'generation_started_at', type: 'timestamptz', nullable: true })
  generationStartedAt!: Date | null;

  @Column({ name: 'resume_status', type: 'varchar', length: 16, nullable: true })
  resumeStatus!: ContentStatus | null;

  /** When the review should be done by; null: no due date. */
  @Column({ name: 'review_due_at', type: 'timestamptz', nullable: true })
  reviewDueAt!: Date | null;

  /** When the content last entered REVIEW. */
  @Column({ name: 'review_since', type: 'timestamptz', nullable: true })
  reviewSince!: Date | null;

  /**
   * The due date whose passing content.review_overdue announced: written only by the overdue scan
   * (claiming the row), never by the application's row writes. A new due date differs from it, so it
   * is announced again once it passes: once per due date.
   */
  @Column({
    name: 'review_overdue_notified_for',
    type: 'timestamptz',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  reviewOverdueNotifiedFor?: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  /** Bumped by every write; an update that finds another value lost a race and is refused. */
  @Column({ name: 'row_version', type: 'integer', default: 1 })
  rowVersion!: number;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_contents_project' })
  project?: ProjectEntity;

  @ManyToOne(() => PromptEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'prompt_id', foreignKeyConstraintName: 'fk_contents_prompt' })
  promptTemplate?: PromptEntity | null;
}
