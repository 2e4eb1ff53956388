import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Written by hand: a daily roll-up of usage records, so that a year's report reads one row per day,
 * member, model and project instead of every record.
 *
 * A day is the local date `utc_offset_minutes` east of UTC, exactly as the reports cut it
 * (`((created_at AT TIME ZONE 'UTC') + offset)::date`). Each record is rolled up once per offset a
 * calendar uses (0 for gregorian, 210 for jalali: Asia/Tehran has kept +03:30 since 2022), so an
 * organization that changes calendars finds its days already cut the new way. A calendar with
 * another offset needs a migration that adds it here and backfills it.
 *
 * The database keeps the roll-up, in the statement that inserts the records: an AFTER INSERT
 * statement trigger sums the transition table (only the rows really inserted, so a settle whose call
 * key exists adds nothing) and adds the sums with INSERT … ON CONFLICT DO UPDATE SET x = x +
 * EXCLUDED.x, locking rows in key order so that concurrent inserts wait for each other instead of
 * deadlocking. Every writer of usage records (the settle, the seeds of tests and benchmarks) keeps
 * it exact without knowing of it. Records become append-only (UPDATE and DELETE refused), and
 * TRUNCATE empties the roll-up too, so the sums never go stale.
 *
 * The primary key covers the sums (INCLUDE), so a report is an index-only scan of one key range.
 * CREATE TRIGGER blocks writes to usage_records until this migration commits, and the backfill runs
 * after it: no record is missed or counted twice.
 */
const OFFSETS = '(VALUES (0), (210)) AS o(minutes)';
const COLUMNS = `organization_id, utc_offset_minutes, day, user_id, model, project_id,
                 requests, prompt_tokens, cached_tokens, completion_tokens, total_tokens, cost_micros`;
const rollUp = (records: string) => `
  SELECT r.organization_id, o.minutes, ((r.created_at AT TIME ZONE 'UTC') + make_interval(mins => o.minutes))::date,
         r.user_id, r.model, r.project_id,
         count(*), sum(r.prompt_tokens), sum(r.cached_tokens), sum(r.completion_tokens), sum(r.total_tokens), sum(r.cost_micros)
    FROM ${records} r CROSS JOIN ${OFFSETS}
   GROUP BY 1, 2, 3, 4, 5, 6`;

export class UsageDailyRollups1795600001300 implements MigrationInterface {
  name = 'UsageDailyRollups1795600001300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "usage_daily_rollups" (
                "organization_id" uuid NOT NULL,
                "utc_offset_minutes" smallint NOT NULL,
                "day" date NOT NULL,
                "user_id" uuid NOT NULL,
                "model" character varying(64) NOT NULL,
                "project_id" uuid NOT NULL,
                "requests" bigint NOT NULL,
                "prompt_tokens" bigint NOT NULL,
                "cached_tokens" bigint NOT NULL,
                "completion_tokens" bigint NOT NULL,
                "total_tokens" bigint NOT NULL,
                "cost_micros" bigint NOT NULL,
                CONSTRAINT "pk_usage_daily_rollups"
                    PRIMARY KEY ("organization_id", "utc_offset_minutes", "day", "user_id", "model", "project_id")
                    INCLUDE ("requests", "prompt_tokens", "cached_tokens", "completion_tokens", "total_tokens", "cost_micros")
            )
        `);
    await queryRunner.query(`
            CREATE FUNCTION usage_daily_rollups_add() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO usage_daily_rollups AS u (${COLUMNS})
              ${rollUp('inserted_usage_records')}
               ORDER BY 1, 2, 3, 4, 5, 6
              ON CONFLICT ON CONSTRAINT pk_usage_daily_rollups DO UPDATE SET
                requests = u.requests + EXCLUDED.requests,
                prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
                cached_tokens = u.cached_tokens + EXCLUDED.cached_tokens,
                completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
                total_tokens = u.total_tokens + EXCLUDED.total_tokens,
                cost_micros = u.cost_micros + EXCLUDED.cost_micros;
              RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER usage_records_rollup AFTER INSERT ON "usage_records"
            REFERENCING NEW TABLE AS inserted_usage_records
            FOR EACH STATEMENT EXECUTE FUNCTION usage_daily_rollups_add()
        `);
    await queryRunner.query(`
            CREATE FUNCTION usage_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'usage_records is append-only: usage_daily_rollups sums every record once';
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER usage_records_append_only BEFORE UPDATE OR DELETE ON "usage_records"
            FOR EACH ROW EXECUTE FUNCTION usage_records_append_only()
        `);
    await queryRunner.query(`
            CREATE FUNCTION usage_daily_rollups_clear() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              TRUNCATE usage_daily_rollups;
              RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER usage_records_truncate AFTER TRUNCATE ON "usage_records"
            FOR EACH STATEMENT EXECUTE FUNCTION usage_daily_rollups_clear()
        `);
    await queryRunner.query(`INSERT INTO usage_daily_rollups (${COLUMNS}) ${rollUp('usage_records')}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER usage_records_truncate ON "usage_records"`);
    await queryRunner.query(`DROP FUNCTION usage_daily_rollups_clear()`);
    await queryRunner.query(`DROP TRIGGER usage_records_append_only ON "usage_records"`);
    await queryRunner.query(`DROP FUNCTION usage_records_append_only()`);
    await queryRunner.query(`DROP TRIGGER usage_records_rollup ON "usage_records"`);
    await queryRunner.query(`DROP FUNCTION usage_daily_rollups_add()`);
    await queryRunner.query(`DROP TABLE "usage_daily_rollups"`);
  }
}
