import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContentEntity } from './content.entity';

/**
 * A narrow copy of a content's search vector (without positions) and of what a search filters on,
 * ~20 to a page where contents rows fit ~5: counting a common word's matches visits a quarter of the
 * pages. Written only by the database: row triggers on contents keep it (see the
 * ContentSearchEntries migration), and it goes with its content.
 */
@Entity('content_search_entries')
// GIN over (project_id, search_vector): TypeORM cannot declare a GIN index, so the migration owns it.
@Index('idx_content_search_entries_search', { synchronize: false })
export class ContentSearchEntryEntity {
  @PrimaryColumn({ name: 'content_id', type: 'uuid', primaryKeyConstraintName: 'pk_content_search_entries' })
  contentId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** `strip(contents.search_vector)`. */
  @Column({ name: 'search_vector', type: 'tsvector' })
  searchVector!: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'fk_content_search_entries_content' })
  content?: ContentEntity;
}
