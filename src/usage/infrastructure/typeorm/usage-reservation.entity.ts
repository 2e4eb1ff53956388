import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReservationStatus } from '../../domain/reservation';

/** A generation's worst case, held against the limits from before its call until it is settled or released. */
@Entity('usage_reservations')
// Only live reservations are ever summed or swept; the partial indexes stay small however many
// settled rows pile up: one per organization for the budget sums, one in age order for recovery.
@Index('idx_usage_reservations_live', ['organizationId'], { where: `"status" = 'RESERVED'` })
@Index('idx_usage_reservations_live_project', ['projectId'], { where: `"status" = 'RESERVED'` })
@Index('idx_usage_reservations_held_created', ['createdAt', 'id'], { where: `"status" = 'RESERVED'` })
export class UsageReservationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_usage_reservations' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The generation's project, so that its held budget counts against the project's limits; null before project limits existed. */
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

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
}
