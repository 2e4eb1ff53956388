import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A webhook event committed with the change that caused it, waiting for the relay to queue its
 * deliveries (one per endpoint subscribed when it happened). The relay deletes the row once they are
 * queued; the deliveries themselves are logged in webhook_deliveries.
 */
@Entity({ name: 'webhook_outbox' })
@Index('idx_webhook_outbox_prefix_created', ['queuePrefix', 'createdAt'])
export class WebhookOutboxEntity {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 100, primaryKeyConstraintName: 'pk_webhook_outbox' })
  eventId!: string;

  /** The REDIS_PREFIX of the process that wrote it: relayed into the queues under that prefix only. */
  @Column({ name: 'queue_prefix', type: 'varchar', length: 100 })
  queuePrefix!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'endpoint_ids', type: 'uuid', array: true })
  endpointIds!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set while a relay holds the row; a lease that ran out (the relay died) frees it for another. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  /** How many times a relay took it: more than one means a relay failed or died with it. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;
}
