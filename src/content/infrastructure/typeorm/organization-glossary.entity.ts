import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GlossaryEntry } from '../../domain/style';

@Entity({ name: 'organization_glossaries' })
export class OrganizationGlossaryEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'pk_organization_glossaries' })
  organizationId!: string;

  @Column({ type: 'jsonb' })
  entries!: GlossaryEntry[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;
}
