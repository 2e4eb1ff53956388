import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Written by hand (other contexts' entities were in progress): usage records, limits,
 * reservations and threshold events. organization_id, user_id, project_id and content_id point
 * into the accounts and content contexts by id only, without foreign keys: usage records are the
 * billing history and outlive what they refer to.
 *
 * idx_usage_records_org_created is declared with `synchronize: false` in the entity because
 * TypeORM cannot express INCLUDE: it covers every column the reports and the budget sums read, so
 * they are index-only scans. Insert-only tables are vacuumed by insert count (PostgreSQL 13+);
 * a lower scale factor keeps the visibility map, and so the index-only scans, current on a big table.
 */
export class Usage1795543202651 implements MigrationInterface {
  name = 'Usage1795543202651';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "usage_records" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "project_id" uuid NOT NULL,
                "content_id" uuid,
                "model" character varying(64) NOT NULL,
                "prompt_tokens" integer NOT NULL,
                "cached_tokens" integer NOT NULL,
                "completion_tokens" integer NOT NULL,
                "total_tokens" integer NOT NULL,
                "cost_micros" bigint NOT NULL,
                "call_key" character varying(128) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_usage_records_call_key" UNIQUE ("call_key"),
                CONSTRAINT "pk_usage_records" PRIMARY KEY ("id")
            ) WITH (autovacuum_vacuum_insert_scale_factor = 0.01)
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_usage_records_org_created" ON "usage_records" ("organization_id", "created_at")
            INCLUDE ("user_id", "project_id", "model", "prompt_tokens", "cached_tokens", "completion_tokens", "total_tokens", "cost_micros")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_usage_records_user_created" ON "usage_records" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "usage_limits" (
                "organization_id" uuid NOT NULL,
                "monthly_token_limit" bigint,
                "monthly_cost_limit_micros" bigint,
                "per_user_monthly_token_limit" bigint,
                "calendar" character varying(16) NOT NULL DEFAULT 'gregorian',
                "updated_at" TIMESTAMP WITH TIME ZONE,
                "updated_by" uuid,
                CONSTRAINT "pk_usage_limits" PRIMARY KEY ("organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "usage_reservations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "period_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "tokens" bigint NOT NULL,
                "cost_micros" bigint NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'RESERVED',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "settled_at" TIMESTAMP WITH TIME ZONE,
                "released_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_usage_reservations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_usage_reservations_live" ON "usage_reservations" ("organization_id", "expires_at") WHERE "status" = 'RESERVED'
        `);
    await queryRunner.query(`
            CREATE TABLE "usage_threshold_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "period_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "scope" character varying(80) NOT NULL,
                "threshold" smallint NOT NULL,
                "limit_value" bigint NOT NULL,
                "used_value" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_usage_threshold_events_once" UNIQUE ("organization_id", "period_start", "scope", "threshold"),
                CONSTRAINT "pk_usage_threshold_events" PRIMARY KEY ("id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "usage_threshold_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_usage_reservations_live"
        `);
    await queryRunner.query(`
            DROP TABLE "usage_reservations"
        `);
    await queryRunner.query(`
            DROP TABLE "usage_limits"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_usage_records_user_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_usage_records_org_created"
        `);
    await queryRunner.query(`
            DROP TABLE "usage_records"
        `);
  }
}
