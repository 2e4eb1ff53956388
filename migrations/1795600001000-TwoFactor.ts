import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Authenticator apps for users (secret encrypted by the app) and the organization rule requiring them of ADMINs. */
export class TwoFactor1795600001000 implements MigrationInterface {
  name = 'TwoFactor1795600001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_two_factor" (
      "user_id" uuid NOT NULL,
      "secret" text NOT NULL,
      "confirmed_at" TIMESTAMP WITH TIME ZONE,
      "last_used_step" bigint,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_user_two_factor" PRIMARY KEY ("user_id"),
      CONSTRAINT "FK_user_two_factor_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD "require_admin_two_factor" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "require_admin_two_factor"`);
    await queryRunner.query(`DROP TABLE "user_two_factor"`);
  }
}
