import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A membership is an invitation until its user signs in: the organization sees no name before.
 * Existing memberships count as accepted, so nobody's name disappears.
 */
export class MembershipInvitations1795600001100 implements MigrationInterface {
  name = 'MembershipInvitations1795600001100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memberships" ADD "accepted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "memberships" SET "accepted_at" = "created_at"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memberships" DROP COLUMN "accepted_at"`);
  }
}
