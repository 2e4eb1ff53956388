import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The review inbox and its due dates: `review_due_at` (set by an editor), `review_since` (when the
 * content last entered REVIEW: how long it has waited) and `review_overdue_notified_for` (the due date
 * whose passing was announced as content.review_overdue, written only by the overdue scan). Contents
 * already in REVIEW wait since their newest version was written (their updated_at without versions).
 * Two partial indexes: the inbox (an organization's contents in REVIEW by waiting time) and the scan
 * (only contents in REVIEW whose due date has not been announced, so announced ones cost it nothing).
 */
export class ContentReviewInbox1795600002000 implements MigrationInterface {
  name = 'ContentReviewInbox1795600002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contents" ADD "review_due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "contents" ADD "review_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "contents" ADD "review_overdue_notified_for" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      UPDATE "contents" c
         SET "review_since" = coalesce(
               (SELECT v.created_at FROM "content_versions" v WHERE v.content_id = c.id AND v.number = c.current_version),
               c.updated_at)
       WHERE c.status = 'REVIEW'
    `);
    await queryRunner.query(
      `CREATE INDEX "idx_contents_review_inbox" ON "contents" ("organization_id", "review_since", "id") WHERE status = 'REVIEW'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_contents_review_overdue" ON "contents" ("review_due_at") WHERE status = 'REVIEW' AND review_due_at IS NOT NULL AND review_overdue_notified_for IS DISTINCT FROM review_due_at`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_contents_review_overdue"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contents_review_inbox"`);
    await queryRunner.query(`ALTER TABLE "contents" DROP COLUMN "review_overdue_notified_for"`);
    await queryRunner.query(`ALTER TABLE "contents" DROP COLUMN "review_since"`);
    await queryRunner.query(`ALTER TABLE "contents" DROP COLUMN "review_due_at"`);
  }
}
