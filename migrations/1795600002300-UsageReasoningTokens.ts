import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Written by hand: usage records keep the reasoning tokens of each call
 * (`usage.completion_tokens_details.reasoning_tokens`). They are part of `completion_tokens` and are
 * charged at the output price, so no cost changes; they are kept to be reported. Records written
 * before have none recorded (0), and so has their roll-up: no backfill.
 *
 * The daily roll-up sums them too: its trigger function is replaced (same name, the trigger stays),
 * and its primary key, which INCLUDEs every sum so that reports are index-only scans, is rebuilt with
 * the new column, as is the records' covering index idx_usage_records_org_created. Rebuilding them
 * blocks writes to both tables for the time it takes, inside this migration's transaction.
 */
const RECORD_SUMS = `"user_id", "project_id", "model", "prompt_tokens", "cached_tokens", "completion_tokens", "total_tokens", "cost_micros"`;
const ROLLUP_KEY = `"organization_id", "utc_offset_minutes", "day", "user_id", "model", "project_id"`;
const ROLLUP_SUMS = `"requests", "prompt_tokens", "cached_tokens", "completion_tokens", "total_tokens", "cost_micros"`;

const rollupFunction = (withReasoning: boolean) => `
  CREATE OR REPLACE FUNCTION usage_daily_rollups_add() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO usage_daily_rollups AS u (organization_id, utc_offset_minutes, day, user_id, model, project_id,
           requests, prompt_tokens, cached_tokens, completion_tokens, total_tokens, cost_micros${withReasoning ? ', reasoning_tokens' : ''})
    SELECT r.organization_id, o.minutes, ((r.created_at AT TIME ZONE 'UTC') + make_interval(mins => o.minutes))::date,
           r.user_id, r.model, r.project_id,
           count(*), sum(r.prompt_tokens), sum(r.cached_tokens), sum(r.completion_tokens), sum(r.total_tokens),
           sum(r.cost_micros)${withReasoning ? ', sum(r.reasoning_tokens)' : ''}
      FROM inserted_usage_records r CROSS JOIN (VALUES (0), (210)) AS o(minutes)
     GROUP BY 1, 2, 3, 4, 5, 6
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT pk_usage_daily_rollups DO UPDATE SET
      requests = u.requests + EXCLUDED.requests,
      prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
      cached_tokens = u.cached_tokens + EXCLUDED.cached_tokens,
      completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
      total_tokens = u.total_tokens + EXCLUDED.total_tokens,
      cost_micros = u.cost_micros + EXCLUDED.cost_micros${withReasoning ? ',\n      reasoning_tokens = u.reasoning_tokens + EXCLUDED.reasoning_tokens' : ''};
    RETURN NULL;
  END
  $$`;

export class UsageReasoningTokens1795600002300 implements MigrationInterface {
  name = 'UsageReasoningTokens1795600002300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "usage_records" ADD "reasoning_tokens" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "usage_daily_rollups" ADD "reasoning_tokens" bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`DROP INDEX "public"."idx_usage_records_org_created"`);
    await queryRunner.query(`
            CREATE INDEX "idx_usage_records_org_created" ON "usage_records" ("organization_id", "created_at")
            INCLUDE (${RECORD_SUMS}, "reasoning_tokens")
        `);
    await queryRunner.query(`ALTER TABLE "usage_daily_rollups" DROP CONSTRAINT "pk_usage_daily_rollups"`);
    await queryRunner.query(`
            ALTER TABLE "usage_daily_rollups" ADD CONSTRAINT "pk_usage_daily_rollups"
            PRIMARY KEY (${ROLLUP_KEY}) INCLUDE (${ROLLUP_SUMS}, "reasoning_tokens")
        `);
    await queryRunner.query(rollupFunction(true));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rollupFunction(false));
    await queryRunner.query(`ALTER TABLE "usage_daily_rollups" DROP CONSTRAINT "pk_usage_daily_rollups"`);
    await queryRunner.query(`
            ALTER TABLE "usage_daily_rollups" ADD CONSTRAINT "pk_usage_daily_rollups"
            PRIMARY KEY (${ROLLUP_KEY}) INCLUDE (${ROLLUP_SUMS})
        `);
    await queryRunner.query(`DROP INDEX "public"."idx_usage_records_org_created"`);
    await queryRunner.query(`
            CREATE INDEX "idx_usage_records_org_created" ON "usage_records" ("organization_id", "created_at")
            INCLUDE (${RECORD_SUMS})
        `);
    await queryRunner.query(`ALTER TABLE "usage_daily_rollups" DROP COLUMN "reasoning_tokens"`);
    await queryRunner.query(`ALTER TABLE "usage_records" DROP COLUMN "reasoning_tokens"`);
  }
}
