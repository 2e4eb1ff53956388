import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Written by hand: an organization's own OpenAI-compatible provider (one row: base URL, the key as
 * DataCipher ciphertext `enc:v1:<key id>:…`, its models and prices as a JSON array), and which
 * provider served each usage record. organization_id points into the accounts context by id only,
 * as organization_glossaries does. Existing records were all served by the deployment's provider:
 * the constant default fills them without rewriting the table (PostgreSQL 11+).
 */
export class OrganizationAiProviders1795600002500 implements MigrationInterface {
  name = 'OrganizationAiProviders1795600002500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "organization_ai_providers" (
        "organization_id" uuid NOT NULL,
        "base_url" character varying(2000) NOT NULL,
        "api_key" text NOT NULL,
        "models" jsonb NOT NULL,
        "updated_by" uuid NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_organization_ai_providers" PRIMARY KEY ("organization_id")
      )
    `);
    await queryRunner.query(
      `ALTER TABLE "usage_records" ADD "provider" character varying(16) NOT NULL DEFAULT 'deployment'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "usage_records" DROP COLUMN "provider"`);
    await queryRunner.query(`DROP TABLE "organization_ai_providers"`);
  }
}
