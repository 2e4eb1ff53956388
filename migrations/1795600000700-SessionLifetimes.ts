import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A refresh-token family (one sign-in) gets an absolute end, copied to every token of the family:
 * refreshing moves a token's own `expires_at` (the idle lifetime) but never past it. Existing
 * tokens get their own expiry as the family's end, so no session is lengthened.
 */
export class SessionLifetimes1795600000700 implements MigrationInterface {
  name = 'SessionLifetimes1795600000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "family_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "refresh_tokens" SET "family_expires_at" = "expires_at"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ALTER COLUMN "family_expires_at" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "family_expires_at"`);
  }
}
