import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Written by hand: a project's monthly budget (usage_project_limits: token and cost limits, null =
 * none), keyed by the project's id with its organization's id beside it (the content context owns
 * projects; usage points at them by id only, as it does at organizations). Reservations remember
 * their project so that held budget counts against it; rows from before have none (NULL) and
 * count against no project. The partial index serves the project's held sums as
 * idx_usage_reservations_live serves the organization's; the records' index the project's used sums.
 * usage_limits.has_project_limits (on the row reservations lock) tells the lock-free path for
 * organizations without limits that a project of theirs has one, so it steps aside.
 */
export class ProjectUsageLimits1795600002600 implements MigrationInterface {
  name = 'ProjectUsageLimits1795600002600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "usage_project_limits" (
        "project_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "monthly_token_limit" bigint,
        "monthly_cost_limit_micros" bigint,
        "updated_at" TIMESTAMP WITH TIME ZONE,
        "updated_by" uuid,
        CONSTRAINT "pk_usage_project_limits" PRIMARY KEY ("project_id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "idx_usage_project_limits_organization" ON "usage_project_limits" ("organization_id")`,
    );
    await queryRunner.query(`ALTER TABLE "usage_limits" ADD "has_project_limits" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "usage_reservations" ADD "project_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "idx_usage_reservations_live_project" ON "usage_reservations" ("project_id") WHERE "status" = 'RESERVED'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_usage_records_project_created" ON "usage_records" ("project_id", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_usage_records_project_created"`);
    await queryRunner.query(`DROP INDEX "idx_usage_reservations_live_project"`);
    await queryRunner.query(`ALTER TABLE "usage_reservations" DROP COLUMN "project_id"`);
    await queryRunner.query(`ALTER TABLE "usage_limits" DROP COLUMN "has_project_limits"`);
    await queryRunner.query(`DROP INDEX "idx_usage_project_limits_organization"`);
    await queryRunner.query(`DROP TABLE "usage_project_limits"`);
  }
}
