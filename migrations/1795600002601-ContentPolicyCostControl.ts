import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Written by hand: the content policy's ceiling per generation (micro-USD, NULL = none) and its
 * model allow-list (a JSON array of model ids, NULL = any model). Existing policies keep neither.
 */
export class ContentPolicyCostControl1795600002601 implements MigrationInterface {
  name = 'ContentPolicyCostControl1795600002601';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "content_policies" ADD "max_cost_per_generation_micros" bigint`);
    await queryRunner.query(`ALTER TABLE "content_policies" ADD "allowed_models" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "content_policies" DROP COLUMN "allowed_models"`);
    await queryRunner.query(`ALTER TABLE "content_policies" DROP COLUMN "max_cost_per_generation_micros"`);
  }
}
