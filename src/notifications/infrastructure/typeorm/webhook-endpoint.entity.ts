import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'webhook_endpoints' })
@Index('idx_webhook_endpoints_org_created', ['organizationId', 'createdAt'])
export class WebhookEndpointEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_webhook_endpoints' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'text', array: true })
  events!: string[];

  /** Encrypted with DataCipher (`enc:v1:…`); a value from before encryption reads as it is. */
  @Column({ type: 'varchar', length: 500 })
  secret!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
