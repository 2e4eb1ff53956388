import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The recovery of lost generation jobs asks every minute for contents IN_PROGRESS since before a
 * moment; a partial index keeps that a look at the few running rows, not a scan of all contents.
 */
export class RunningGenerationsIndex1795600000100 implements MigrationInterface {
  name = 'RunningGenerationsIndex1795600000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_contents_running_generations" ON "contents" ("generation_started_at") WHERE status = 'IN_PROGRESS'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_contents_running_generations"`);
  }
}
