import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Written by hand (other contexts' entities were in progress): projects, prompt templates,
 * contents and their versions. organization_id, workspace_id and created_by point into the
 * accounts context without foreign keys; inside this context a project's contents and their
 * versions are deleted with it, and a deleted prompt leaves its contents with prompt_id NULL.
 */
export class Content1795543127543 implements MigrationInterface {
  name = 'Content1795543127543';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "projects" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "description" character varying(2000),
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_projects" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_projects_organization" ON "projects" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_projects_workspace_created" ON "projects" ("workspace_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "prompts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "category" character varying(64) NOT NULL,
                "template" text NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_prompts" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_prompts_organization" ON "prompts" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_prompts_workspace_category" ON "prompts" ("workspace_id", "category")
        `);
    await queryRunner.query(`
            CREATE TABLE "contents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "project_id" uuid NOT NULL,
                "title" character varying(300) NOT NULL,
                "prompt" text NOT NULL,
                "prompt_id" uuid,
                "variables" jsonb,
                "body" text,
                "status" character varying(16) NOT NULL,
                "model" character varying(100) NOT NULL,
                "temperature" double precision,
                "max_tokens" integer,
                "current_version" integer NOT NULL DEFAULT '0',
                "last_error" jsonb,
                "pii" jsonb NOT NULL DEFAULT '{"found": false, "findings": []}',
                "last_review" jsonb,
                "generation_job_id" character varying(100),
                "generation_started_at" TIMESTAMP WITH TIME ZONE,
                "resume_status" character varying(16),
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "row_version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "chk_contents_status" CHECK ("status" IN ('DRAFT', 'IN_PROGRESS', 'REVIEW', 'APPROVED', 'REJECTED')),
                CONSTRAINT "pk_contents" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_contents_organization" ON "contents" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_contents_project_created" ON "contents" ("project_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_contents_project_status" ON "contents" ("project_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_contents_created_by" ON "contents" ("created_by")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_contents_prompt" ON "contents" ("prompt_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "content_versions" (
                "content_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "organization_id" uuid NOT NULL,
                "source" character varying(16) NOT NULL,
                "body" text NOT NULL,
                "model" character varying(100),
                "usage" jsonb,
                "generation_job_id" character varying(100),
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_content_versions_job" UNIQUE ("content_id", "generation_job_id"),
                CONSTRAINT "chk_content_versions_source" CHECK ("source" IN ('ai', 'manual', 'approval')),
                CONSTRAINT "pk_content_versions" PRIMARY KEY ("content_id", "number")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "contents"
            ADD CONSTRAINT "fk_contents_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contents"
            ADD CONSTRAINT "fk_contents_prompt" FOREIGN KEY ("prompt_id") REFERENCES "prompts"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "content_versions"
            ADD CONSTRAINT "fk_content_versions_content" FOREIGN KEY ("content_id") REFERENCES "contents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "content_versions" DROP CONSTRAINT "fk_content_versions_content"
        `);
    await queryRunner.query(`
            ALTER TABLE "contents" DROP CONSTRAINT "fk_contents_prompt"
        `);
    await queryRunner.query(`
            ALTER TABLE "contents" DROP CONSTRAINT "fk_contents_project"
        `);
    await queryRunner.query(`
            DROP TABLE "content_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_contents_prompt"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_contents_created_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_contents_project_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_contents_project_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_contents_organization"
        `);
    await queryRunner.query(`
            DROP TABLE "contents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_prompts_workspace_category"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_prompts_organization"
        `);
    await queryRunner.query(`
            DROP TABLE "prompts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_projects_workspace_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_projects_organization"
        `);
    await queryRunner.query(`
            DROP TABLE "projects"
        `);
  }
}
