import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Comments anchored to a range of one version of a content's body: the range (UTF-16 code units)
 * with its quote and up to 32 characters of context each side, so the anchor can be found again in
 * later versions. They go with their version, and so with their content.
 */
export class ContentComments1795600001900 implements MigrationInterface {
  name = 'ContentComments1795600001900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "content_comments" (
      "id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "content_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "range_start" integer NOT NULL,
      "range_end" integer NOT NULL,
      "quote" text NOT NULL,
      "prefix" text NOT NULL,
      "suffix" text NOT NULL,
      "body" text NOT NULL,
      "author_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "resolved_by" uuid,
      "resolved_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "pk_content_comments" PRIMARY KEY ("id"),
      CONSTRAINT "chk_content_comments_range" CHECK ("range_start" >= 0 AND "range_end" > "range_start"),
      CONSTRAINT "fk_content_comments_version" FOREIGN KEY ("content_id", "version")
        REFERENCES "content_versions"("content_id", "number") ON DELETE CASCADE ON UPDATE NO ACTION
    )`);
    await queryRunner.query(
      `CREATE INDEX "idx_content_comments_content_created" ON "content_comments" ("content_id", "created_at", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "content_comments"`);
  }
}
