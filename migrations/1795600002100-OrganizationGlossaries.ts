import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each organization's glossary for the style checks: one row, its entries as a JSON array of
 * `{term, preferred, forbidden}` (at most 500, replaced whole by a PUT). organization_id points into
 * the accounts context by id only, as content_policies does.
 */
export class OrganizationGlossaries1795600002100 implements MigrationInterface {
  name = 'OrganizationGlossaries1795600002100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "organization_glossaries" (
        "organization_id" uuid NOT NULL,
        "entries" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_by" uuid NOT NULL,
        CONSTRAINT "pk_organization_glossaries" PRIMARY KEY ("organization_id")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "organization_glossaries"`);
  }
}
