import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReservationStatus } from '../../domain/reservation';

/** A generation's worst case, held against the limits from before its call until it is settled, released or expired. */
@Entity('usage_reservations')
// Only live reservations are ever summed; the partial index keeps that sum small however many settled rows pile up.
@Index('idx_usage_reservations_live', ['organizationId', 'expiresAt'], { where: `"status" = 'RESERVED'` })
export class UsageReservationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_usage_reservations' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'period_start', type: 'timestamptz' })
  periodStart!: Date;

  @Column({ type: 'bigint' })
  tokens!: string;

  @Column({ name: 'cost_micros', type: 'bigint' })
  costMicros!: string;

  @Column({ type: 'varchar', length: 10, default: 'RESERVED' })
  status!: ReservationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
