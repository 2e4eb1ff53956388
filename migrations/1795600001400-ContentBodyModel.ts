import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The model that wrote a content's current body, kept on the contents row (`body_model`) and written
 * in the statement that appends its versions: reading a content is then one primary-key lookup,
 * instead of one plus a probe of content_versions for its newest version. Backfilled from each
 * content's newest version (null for a manual one, and for a content without versions).
 */
export class ContentBodyModel1795600001400 implements MigrationInterface {
  name = 'ContentBodyModel1795600001400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contents" ADD "body_model" character varying(100)`);
    await queryRunner.query(`
      UPDATE "contents" c SET "body_model" = newest.model
        FROM (SELECT DISTINCT ON (content_id) content_id, model
                FROM "content_versions"
               ORDER BY content_id, number DESC) newest
       WHERE newest.content_id = c.id AND newest.model IS NOT NULL
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contents" DROP COLUMN "body_model"`);
  }
}
