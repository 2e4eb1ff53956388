import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProviderModelInput } from '../../domain/organization-provider';

/** An organization's own OpenAI-compatible provider; `api_key` is DataCipher ciphertext. */
@Entity('organization_ai_providers')
export class OrganizationAiProviderEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'pk_organization_ai_providers' })
  organizationId!: string;

  @Column({ name: 'base_url', type: 'varchar', length: 2000 })
  baseUrl!: string;

  @Column({ name: 'api_key', type: 'text' })
  apiKey!: string;

  @Column({ type: 'jsonb' })
  models!: ProviderModelInput[];

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
