import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { TypeOrmUnitOfWork } from '#libs/database';
import { UsageDailyRollups1795600001300 } from '../../../migrations/1795600001300-UsageDailyRollups';
import { UsageReasoningTokens1795600002300 } from '../../../migrations/1795600002300-UsageReasoningTokens';
import { USAGE_GROUP_BY, type UsageGroupBy } from '../../../src/usage/application/ports/usage-reports';
import {
  SettleGenerationUsageUseCase,
  type SettleGenerationUsageInput,
} from '../../../src/usage/application/use-cases/settle-generation-usage.use-case';
import { PriceTable } from '../../../src/usage/domain/price-table';
import { TypeOrmUsageLedger } from '../../../src/usage/infrastructure/typeorm/typeorm-usage-ledger';
import {
  TypeOrmProjectUsageLimitsRepository,
  TypeOrmUsageLimitsRepository,
} from '../../../src/usage/infrastructure/typeorm/typeorm-usage-limits.repository';
import { TypeOrmUsageReports } from '../../../src/usage/infrastructure/typeorm/typeorm-usage-reports';
import { RecordingThresholdNotifier, SettableClock, deploymentPricesOnly } from '../../fakes/usage/usage-fakes';
import { rerunMigration } from '../../support/rerun-migration';
import { openTestDataSource } from '../../support/test-data-source';
import { seedUsageRecords, type UsageRecordSeed } from '../../support/usage-records';

const DAY_MS = 86_400_000;
const TEHRAN_MIDNIGHT_MS = DAY_MS - 210 * 60_000; // 20:30 UTC
const GROUPINGS: (UsageGroupBy | null)[] = [null, ...USAGE_GROUP_BY];

/** A small seeded generator (mulberry32): the same records and windows on every run. */
function generator(seed: number): { int: (below: number) => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { int, pick: (items) => items[int(items.length)] as (typeof items)[number] };
}

/**
 * The daily roll-up against the records it sums, on PostgreSQL: the statement trigger that keeps
 * it, the reports that read it, and the migration that backfills it.
 */
describe('usage daily roll-up (PostgreSQL)', () => {
  let dataSource: DataSource;
  let reports: TypeOrmUsageReports;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    reports = new TypeOrmUsageReports(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  /** Roll-up rows of the organization that differ from the sums of its records, both ways (empty when exact). */
  const rollupDrift = (organizationId: string) =>
    dataSource.query(
      `WITH summed AS (
         SELECT r.organization_id, o.minutes::smallint AS utc_offset_minutes,
                ((r.created_at AT TIME ZONE 'UTC') + make_interval(mins => o.minutes))::date AS day,
                r.user_id, r.model, r.project_id, count(*)::bigint AS requests,
                sum(r.prompt_tokens)::bigint AS prompt_tokens, sum(r.cached_tokens)::bigint AS cached_tokens,
                sum(r.completion_tokens)::bigint AS completion_tokens, sum(r.total_tokens)::bigint AS total_tokens,
                sum(r.cost_micros)::bigint AS cost_micros, sum(r.reasoning_tokens)::bigint AS reasoning_tokens
           FROM usage_records r CROSS JOIN (VALUES (0), (210)) AS o(minutes)
          WHERE r.organization_id = $1
          GROUP BY 1, 2, 3, 4, 5, 6
       ), rolled AS (
         SELECT organization_id, utc_offset_minutes, day, user_id, model, project_id, requests, prompt_tokens,
                cached_tokens, completion_tokens, total_tokens, cost_micros, reasoning_tokens
           FROM usage_daily_rollups WHERE organization_id = $1
       )
       (SELECT 'records' AS side, * FROM summed EXCEPT SELECT 'records', * FROM rolled)
       UNION ALL
       (SELECT 'roll-up' AS side, * FROM rolled EXCEPT SELECT 'roll-up', * FROM summed)`,
      [organizationId],
    );

  const rollupRequests = async (organizationId: string): Promise<number> => {
    const rows = (await dataSource.query(
      'SELECT coalesce(sum(requests), 0) AS n FROM usage_daily_rollups WHERE organization_id = $1 AND utc_offset_minutes = 0',
      [organizationId],
    )) as { n: string }[];
    return Number(rows[0]?.n);
  };

  describe('reports', () => {
    const organizationId = randomUUID();
    const random = generator(20261124);
    const base = Date.parse('2026-01-01T00:00:00Z');
    const users = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const projects = [randomUUID(), randomUUID(), randomUUID()];
    const models = ['gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini'];
    /** Midnight UTC or Tehran of a day near `base`, give or take a millisecond. */
    const nearMidnight = (day: number) =>
      base + day * DAY_MS + random.pick([0, TEHRAN_MIDNIGHT_MS]) + random.pick([-1, 0, 0, 1]);

    beforeAll(async () => {
      const seeds: UsageRecordSeed[] = [];
      for (let i = 0; i < 1_500; i += 1) {
        const at = random.int(10) === 0 ? nearMidnight(random.int(70)) : base + random.int(70 * DAY_MS);
        const promptTokens = random.int(20) === 0 ? 2_000_000_000 : random.int(50_000);
        const completionTokens = random.int(5_000);
        seeds.push({
          organizationId,
          userId: random.pick(users),
          projectId: random.pick(projects),
          model: random.pick(models),
          promptTokens,
          cachedTokens: random.int(promptTokens + 1),
          completionTokens,
          reasoningTokens: random.int(3) === 0 ? random.int(completionTokens + 1) : 0,
          // Sums past 2^53 micro-dollars: exact only if no step goes through a float.
          costMicros: random.int(50) === 0 ? 9_000_000_000_000_000n + BigInt(i) : random.int(10_000_000),
          createdAt: new Date(at),
        });
      }
      await seedUsageRecords(dataSource, seeds);
    });

    it('rolls up every record once per calendar offset, by local day, member, model and project', async () => {
      expect(await rollupDrift(organizationId)).toEqual([]);
      expect(await rollupRequests(organizationId)).toBe(1_500);
    });

    it('answers exactly what the records answer, whatever the grouping, offset and window edges', async () => {
      const instant = () =>
        random.int(3) === 0 ? nearMidnight(random.int(72) - 1) : base - DAY_MS + random.int(72 * DAY_MS);
      const windows: { from: Date; to: Date }[] = [
        { from: new Date(base), to: new Date(base + 70 * DAY_MS) },
        { from: new Date(base + TEHRAN_MIDNIGHT_MS), to: new Date(base + 30 * DAY_MS + TEHRAN_MIDNIGHT_MS) },
        { from: new Date(base + 5 * DAY_MS), to: new Date(base + 6 * DAY_MS) },
        { from: new Date(base + 5 * DAY_MS + 1), to: new Date(base + 6 * DAY_MS - 1) },
        { from: new Date(base + 5 * DAY_MS - 1), to: new Date(base + 6 * DAY_MS + 1) },
        { from: new Date(base + 9 * DAY_MS + 3_600_000), to: new Date(base + 9 * DAY_MS + 7_200_000) },
      ];
      while (windows.length < 60) {
        const [a, b] = [instant(), instant()];
        if (a !== b) windows.push({ from: new Date(Math.min(a, b)), to: new Date(Math.max(a, b)) });
      }
      for (const window of windows)
        for (const offset of [0, 210])
          for (const groupBy of GROUPINGS) {
            const expected = await reports.reportFromRecords(organizationId, window, groupBy, offset);
            const actual = await reports.report(organizationId, window, groupBy, offset);
            expect({ window, offset, groupBy, report: actual }).toEqual({
              window,
              offset,
              groupBy,
              report: expected,
            });
          }
    });

    it('answers from the records alone at an offset no calendar uses', async () => {
      const window = { from: new Date(base), to: new Date(base + 40 * DAY_MS) };
      for (const groupBy of GROUPINGS)
        expect(await reports.report(organizationId, window, groupBy, 60)).toEqual(
          await reports.reportFromRecords(organizationId, window, groupBy, 60),
        );
    });
  });

  describe('kept by the settle', () => {
    let clock: SettableClock;
    let notifier: RecordingThresholdNotifier;
    let ledger: TypeOrmUsageLedger;
    let limits: TypeOrmUsageLimitsRepository;
    let settle: SettleGenerationUsageUseCase;

    beforeEach(() => {
      clock = new SettableClock();
      notifier = new RecordingThresholdNotifier();
      ledger = new TypeOrmUsageLedger(dataSource);
      limits = new TypeOrmUsageLimitsRepository(dataSource);
      settle = new SettleGenerationUsageUseCase(
        ledger,
        limits,
        new TypeOrmProjectUsageLimitsRepository(dataSource),
        PriceTable.defaults(),
        notifier,
        clock,
        new TypeOrmUnitOfWork(dataSource),
        deploymentPricesOnly(PriceTable.defaults()),
      );
    });

    const call = (organizationId: string, overrides: Partial<SettleGenerationUsageInput> = {}) => ({
      reservationId: null,
      callKey: `chatcmpl-${randomUUID()}`,
      organizationId,
      userId: '00000000-0000-4000-8000-00000000000a',
      projectId: '00000000-0000-4000-8000-00000000000b',
      contentId: null,
      model: 'gpt-4.1-mini',
      promptTokens: 1_000,
      cachedTokens: 100,
      completionTokens: 200,
      reasoningTokens: 64,
      ...overrides,
    });
    const withTokenLimit = (organizationId: string, tokens: number) =>
      limits.update(organizationId, (l) =>
        l.change(
          { monthlyTokenLimit: tokens, monthlyCostLimit: null, perUserMonthlyTokenLimit: null, calendar: 'jalali' },
          randomUUID(),
          clock.now(),
        ),
      );

    it('adds a retried settle of the same call once', async () => {
      const organizationId = randomUUID();
      const first = call(organizationId);

      expect((await settle.execute(first)).recorded).toBe(true);
      expect((await settle.execute(first)).recorded).toBe(false);
      expect((await settle.execute({ ...first, promptTokens: 9_999 })).recorded).toBe(false);

      expect(await rollupRequests(organizationId)).toBe(1);
      expect(await rollupDrift(organizationId)).toEqual([]);
    });

    it('adds nothing when the settle’s transaction rolls back, and the call once when it is retried', async () => {
      const organizationId = randomUUID();
      await withTokenLimit(organizationId, 1_000);
      notifier.failWith = new Error('webhook outbox unavailable');
      const failing = call(organizationId);

      await expect(settle.execute(failing)).rejects.toThrow('webhook outbox unavailable');
      expect(await rollupRequests(organizationId)).toBe(0);

      notifier.failWith = undefined;
      expect((await settle.execute(failing)).recorded).toBe(true);
      expect(await rollupRequests(organizationId)).toBe(1);
      expect(await rollupDrift(organizationId)).toEqual([]);
    });

    it('adds up concurrent settles of one member, model, project and day exactly, each call once', async () => {
      const organizationId = randomUUID();
      await withTokenLimit(organizationId, 1_000_000_000);
      const calls = Array.from({ length: 30 }, (_, i) => call(organizationId, { completionTokens: 100 + i }));
      // Every fifth call is settled twice at once, as two workers that both ran its job would.
      const settles = [...calls, ...calls.filter((_, i) => i % 5 === 0)].map((c) => settle.execute(c));

      const outcomes = await Promise.all(settles);

      expect(outcomes.filter((o) => o.recorded)).toHaveLength(30);
      expect(await rollupRequests(organizationId)).toBe(30);
      expect(await rollupDrift(organizationId)).toEqual([]);
      const rows = (await dataSource.query(
        `SELECT utc_offset_minutes, day::text AS day, requests::int, completion_tokens::int
           FROM usage_daily_rollups WHERE organization_id = $1 ORDER BY utc_offset_minutes`,
        [organizationId],
      )) as { utc_offset_minutes: number; day: string; requests: number; completion_tokens: number }[];
      // 10:00 UTC on 24 Nov is 13:30 the same day in Tehran.
      const completion = calls.reduce((sum, c) => sum + c.completionTokens, 0);
      expect(rows).toEqual([
        { utc_offset_minutes: 0, day: '2026-11-24', requests: 30, completion_tokens: completion },
        { utc_offset_minutes: 210, day: '2026-11-24', requests: 30, completion_tokens: completion },
      ]);
    });

    it('puts a call after 20:30 UTC on the next day in Tehran', async () => {
      const organizationId = randomUUID();
      clock.set('2026-11-24T20:30:00Z');

      await settle.execute(call(organizationId));

      const rows = (await dataSource.query(
        `SELECT utc_offset_minutes, day::text AS day FROM usage_daily_rollups WHERE organization_id = $1 ORDER BY 1`,
        [organizationId],
      )) as { utc_offset_minutes: number; day: string }[];
      expect(rows).toEqual([
        { utc_offset_minutes: 0, day: '2026-11-24' },
        { utc_offset_minutes: 210, day: '2026-11-25' },
      ]);
    });
  });

  describe('usage records', () => {
    it('are append-only: a change or a deletion would leave the roll-up stale', async () => {
      const organizationId = randomUUID();
      await seedUsageRecords(dataSource, [{ organizationId }]);

      await expect(
        dataSource.query(`UPDATE usage_records SET prompt_tokens = 1 WHERE organization_id = $1`, [organizationId]),
      ).rejects.toThrow(/append-only/);
      await expect(
        dataSource.query('DELETE FROM usage_records WHERE organization_id = $1', [organizationId]),
      ).rejects.toThrow(/append-only/);
      expect(await rollupDrift(organizationId)).toEqual([]);
    });

    it('empty the roll-up too when truncated', async () => {
      await seedUsageRecords(dataSource, [{ organizationId: randomUUID() }]);
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query('TRUNCATE usage_records');
        const rows = (await runner.query('SELECT count(*)::int AS n FROM usage_daily_rollups')) as { n: number }[];
        expect(rows[0]?.n).toBe(0);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  it('is backfilled from the existing records by its migration', async () => {
    const [before, alsoBefore] = [randomUUID(), randomUUID()];
    // Records written before the roll-up existed, on both sides of both midnights. The later migration
    // that adds reasoning tokens to it is taken down first and brought back last, as a deployment would.
    const rollups = new UsageDailyRollups1795600001300();
    const reasoning = new UsageReasoningTokens1795600002300();
    const bothMigrations = {
      up: async (runner: QueryRunner) => {
        await rollups.up(runner);
        await reasoning.up(runner);
      },
      down: async (runner: QueryRunner) => {
        await reasoning.down(runner);
        await rollups.down(runner);
      },
    };
    await rerunMigration(dataSource, bothMigrations, (runner) =>
      runner.query(
        `INSERT INTO usage_records (organization_id, user_id, project_id, model, prompt_tokens, cached_tokens,
                                    completion_tokens, total_tokens, cost_micros, call_key, created_at)
         SELECT CASE WHEN i % 3 = 0 THEN $1::uuid ELSE $2::uuid END, md5('u' || i % 4)::uuid, md5('p' || i % 2)::uuid,
                'gpt-4o', i, 0, 2 * i, 3 * i, 1000 * i, 'backfill-' || $1 || '-' || i,
                timestamptz '2026-03-20T20:29:59Z' + i * interval '17 minutes'
           FROM generate_series(1, 400) AS i`,
        [before, alsoBefore],
      ),
    );

    for (const organizationId of [before, alsoBefore]) expect(await rollupDrift(organizationId)).toEqual([]);
    expect((await rollupRequests(before)) + (await rollupRequests(alsoBefore))).toBe(400);
    const window = { from: new Date('2026-03-20T00:00:00Z'), to: new Date('2026-03-26T00:00:00Z') };
    for (const groupBy of GROUPINGS)
      for (const offset of [0, 210])
        expect(await reports.report(before, window, groupBy, offset)).toEqual(
          await reports.reportFromRecords(before, window, groupBy, offset),
        );
    // And the trigger is back: a record written now is rolled up.
    await seedUsageRecords(dataSource, [{ organizationId: before, costMicros: 7 }]);
    expect(await rollupRequests(before)).toBe(134);
    expect(await rollupDrift(before)).toEqual([]);
  });
});
