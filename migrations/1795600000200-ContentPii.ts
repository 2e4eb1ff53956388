import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Personal data found in a content's prompt (its body's findings already have a column), and the
 * organizations' content policies. organization_id points into the accounts context by id only.
 */
export class ContentPii1795600000200 implements MigrationInterface {
  name = 'ContentPii1795600000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "contents" ADD "prompt_pii" jsonb NOT NULL DEFAULT '{"found": false, "findings": []}'`,
    );
    await queryRunner.query(`
      CREATE TABLE "content_policies" (
        "organization_id" uuid NOT NULL,
        "block_prompts_with_pii" boolean NOT NULL DEFAULT false,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_by" uuid NOT NULL,
        CONSTRAINT "pk_content_policies" PRIMARY KEY ("organization_id")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "content_policies"`);
    await queryRunner.query(`ALTER TABLE "contents" DROP COLUMN "prompt_pii"`);
  }
}
