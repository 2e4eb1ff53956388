import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Reservations no longer lapse after 30 minutes: a reservation holds budget until it is settled or
 * released, however long its job is queued, so `expires_at` goes and the live-reservation index is
 * keyed by organization alone. A second partial index serves the recovery sweep, which asks for
 * the oldest reservations still held. Usage records gain two flags: tokens counted locally because
 * the provider sent no usage, and a cost at the fallback price because the model had none.
 */
export class UsageReservationsHoldUntilEnded1795600000500 implements MigrationInterface {
  name = 'UsageReservationsHoldUntilEnded1795600000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_usage_reservations_live"`);
    await queryRunner.query(`ALTER TABLE "usage_reservations" DROP COLUMN "expires_at"`);
    await queryRunner.query(
      `CREATE INDEX "idx_usage_reservations_live" ON "usage_reservations" ("organization_id") WHERE "status" = 'RESERVED'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_usage_reservations_held_created" ON "usage_reservations" ("created_at", "id") WHERE "status" = 'RESERVED'`,
    );
    await queryRunner.query(`ALTER TABLE "usage_records" ADD "usage_estimated" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "usage_records" ADD "price_fallback" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "usage_records" DROP COLUMN "price_fallback"`);
    await queryRunner.query(`ALTER TABLE "usage_records" DROP COLUMN "usage_estimated"`);
    await queryRunner.query(`DROP INDEX "public"."idx_usage_reservations_held_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_usage_reservations_live"`);
    // Held reservations get back the 30 minutes they had from their creation.
    await queryRunner.query(`ALTER TABLE "usage_reservations" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "usage_reservations" SET "expires_at" = "created_at" + interval '30 minutes'`);
    await queryRunner.query(`ALTER TABLE "usage_reservations" ALTER COLUMN "expires_at" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "idx_usage_reservations_live" ON "usage_reservations" ("organization_id", "expires_at") WHERE "status" = 'RESERVED'`,
    );
  }
}
