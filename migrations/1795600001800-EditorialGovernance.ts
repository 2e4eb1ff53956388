import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Editorial governance (issue 17):
 * - a version may be a "restore" of an earlier one (`restored_from` names it);
 * - an "approval" version records the number of the version the reviewer read (`approved_version`)
 *   and the SHA-256 of its body (`body_sha256`). The approvals already stored approved the version
 *   just before them (an approval copied the current body), so they are backfilled with that number
 *   and the hash of their own body, and so is the last review of each APPROVED content;
 * - the content policy gains `allow_self_approval`, off for the policies already stored, as it is by
 *   default.
 * Down turns the restore versions into manual ones (their numbers stay) before the check narrows.
 */
export class EditorialGovernance1795600001800 implements MigrationInterface {
  name = 'EditorialGovernance1795600001800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "content_versions" ADD "restored_from" integer`);
    await queryRunner.query(`ALTER TABLE "content_versions" ADD "approved_version" integer`);
    await queryRunner.query(`ALTER TABLE "content_versions" ADD "body_sha256" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "content_versions" DROP CONSTRAINT "chk_content_versions_source"`);
    await queryRunner.query(
      `ALTER TABLE "content_versions" ADD CONSTRAINT "chk_content_versions_source" CHECK ("source" IN ('ai', 'manual', 'approval', 'restore'))`,
    );
    await queryRunner.query(`
      UPDATE "content_versions"
         SET "approved_version" = "number" - 1,
             "body_sha256" = encode(sha256(convert_to("body", 'UTF8')), 'hex')
       WHERE "source" = 'approval' AND "number" > 1
    `);
    await queryRunner.query(`
      UPDATE "contents" c
         SET "last_review" = c."last_review" || jsonb_build_object('version', v."approved_version", 'bodySha256', v."body_sha256")
        FROM "content_versions" v
       WHERE c."status" = 'APPROVED' AND c."last_review" ->> 'decision' = 'APPROVED'
         AND v."content_id" = c."id" AND v."number" = c."current_version" AND v."source" = 'approval'
         AND v."approved_version" IS NOT NULL
    `);
    await queryRunner.query(`ALTER TABLE "content_policies" ADD "allow_self_approval" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "content_policies" DROP COLUMN "allow_self_approval"`);
    await queryRunner.query(`
      UPDATE "contents" SET "last_review" = "last_review" - 'version' - 'bodySha256' - 'category'
       WHERE "last_review" IS NOT NULL
    `);
    await queryRunner.query(`UPDATE "content_versions" SET "source" = 'manual' WHERE "source" = 'restore'`);
    await queryRunner.query(`ALTER TABLE "content_versions" DROP CONSTRAINT "chk_content_versions_source"`);
    await queryRunner.query(
      `ALTER TABLE "content_versions" ADD CONSTRAINT "chk_content_versions_source" CHECK ("source" IN ('ai', 'manual', 'approval'))`,
    );
    await queryRunner.query(`ALTER TABLE "content_versions" DROP COLUMN "body_sha256"`);
    await queryRunner.query(`ALTER TABLE "content_versions" DROP COLUMN "approved_version"`);
    await queryRunner.query(`ALTER TABLE "content_versions" DROP COLUMN "restored_from"`);
  }
}
