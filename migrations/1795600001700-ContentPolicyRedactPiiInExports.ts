import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An organization's content policy can force every export of its contents to mask personal data
 * (`redactPiiInExports`); off for the policies already stored, as it is by default.
 */
export class ContentPolicyRedactPiiInExports1795600001700 implements MigrationInterface {
  name = 'ContentPolicyRedactPiiInExports1795600001700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "content_policies" ADD "redact_pii_in_exports" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "content_policies" DROP COLUMN "redact_pii_in_exports"`);
  }
}
