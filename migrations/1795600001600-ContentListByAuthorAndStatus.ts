import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A project's contents by author and status, newest first: the list filtered by both (an author's
 * contents in review) counts its total and walks its page in this index alone, where it used to
 * intersect the author and status indexes and read every match from the table.
 */
export class ContentListByAuthorAndStatus1795600001600 implements MigrationInterface {
  name = 'ContentListByAuthorAndStatus1795600001600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_contents_project_author_status" ON "contents" ("project_id", "created_by", "status", "created_at", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_contents_project_author_status"`);
  }
}
