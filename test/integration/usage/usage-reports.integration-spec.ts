import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Money } from '#libs/ddd';
import { GetMyUsageUseCase } from '../../../src/usage/application/use-cases/get-my-usage.use-case';
import { GetUsageReportUseCase } from '../../../src/usage/application/use-cases/get-usage-report.use-case';
import { TypeOrmUsageLimitsRepository } from '../../../src/usage/infrastructure/typeorm/typeorm-usage-limits.repository';
import { TypeOrmUsageReports } from '../../../src/usage/infrastructure/typeorm/typeorm-usage-reports';
import { SettableClock } from '../../fakes/usage/usage-fakes';
import { openTestDataSource } from '../../support/test-data-source';
import { seedUsageRecords } from '../../support/usage-records';

describe('usage reports (PostgreSQL)', () => {
  let dataSource: DataSource;
  let clock: SettableClock;
  let limits: TypeOrmUsageLimitsRepository;
  let report: GetUsageReportUseCase;
  let mine: GetMyUsageUseCase;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(() => {
    clock = new SettableClock();
    limits = new TypeOrmUsageLimitsRepository(dataSource);
    const reports = new TypeOrmUsageReports(dataSource);
    report = new GetUsageReportUseCase(limits, reports, clock);
    mine = new GetMyUsageUseCase(reports, clock);
  });

  const actor = { userId: randomUUID() };
  const useJalali = (organizationId: string) =>
    limits.update(organizationId, (l) =>
      l.change(
        { monthlyTokenLimit: null, monthlyCostLimit: null, perUserMonthlyTokenLimit: null, calendar: 'jalali' },
        actor.userId,
        clock.now(),
      ),
    );

  it('sums the current period by default, with totals and no groups', async () => {
    const organizationId = randomUUID();
    await seedUsageRecords(dataSource, [
      {
        organizationId,
        promptTokens: 100,
        cachedTokens: 40,
        completionTokens: 10,
        reasoningTokens: 6,
        costMicros: 5,
        createdAt: '2026-11-01T00:00:00Z',
      },
      { organizationId, promptTokens: 200, completionTokens: 20, costMicros: 7, createdAt: '2026-11-30T23:59:59Z' },
      { organizationId, promptTokens: 999, completionTokens: 999, costMicros: 999, createdAt: '2026-10-31T23:59:59Z' },
      {
        organizationId: randomUUID(),
        promptTokens: 5,
        completionTokens: 5,
        costMicros: 5,
        createdAt: '2026-11-10T00:00:00Z',
      },
    ]);

    const view = await report.execute(actor, organizationId, {});

    expect(view.from.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(view.to.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(view.totals).toEqual({
      requests: 2,
      promptTokens: 300,
      cachedTokens: 40,
      completionTokens: 30,
      reasoningTokens: 6,
      totalTokens: 330,
      cost: Money.fromMicros(12),
    });
    expect(view.groups).toEqual([]);
  });

  it('answers zeros for a window without usage, whatever the grouping', async () => {
    const empty = {
      requests: 0,
      promptTokens: 0,
      cachedTokens: 0,
      completionTokens: 0,
      reasoningTokens: 0,
      totalTokens: 0,
      cost: Money.zero,
    };
    for (const groupBy of [undefined, 'day', 'user', 'model', 'project'] as const) {
      const view = await report.execute(actor, randomUUID(), { groupBy });
      expect(view.totals).toEqual(empty);
      expect(view.groups).toEqual([]);
    }
  });

  it('groups by model, user and project, highest cost first, with totals from the same pass', async () => {
    const organizationId = randomUUID();
    const [alice, bob] = [randomUUID(), randomUUID()];
    const [p1, p2] = [randomUUID(), randomUUID()];
    await seedUsageRecords(dataSource, [
      {
        organizationId,
        userId: alice,
        projectId: p1,
        model: 'gpt-4o',
        promptTokens: 10,
        completionTokens: 1,
        costMicros: 100,
        createdAt: '2026-11-02T00:00:00Z',
      },
      {
        organizationId,
        userId: alice,
        projectId: p2,
        model: 'gpt-4o-mini',
        promptTokens: 20,
        completionTokens: 2,
        costMicros: 10,
        createdAt: '2026-11-03T00:00:00Z',
      },
      {
        organizationId,
        userId: bob,
        projectId: p2,
        model: 'gpt-4o-mini',
        promptTokens: 30,
        completionTokens: 3,
        costMicros: 20,
        createdAt: '2026-11-04T00:00:00Z',
      },
    ]);

    const byModel = await report.execute(actor, organizationId, { groupBy: 'model' });
    expect(byModel.totals).toMatchObject({ requests: 3, totalTokens: 66, cost: Money.fromMicros(130) });
    expect(byModel.groups.map((g) => [g.key, g.requests, g.totalTokens, g.cost.micros])).toEqual([
      ['gpt-4o', 1, 11, 100n],
      ['gpt-4o-mini', 2, 55, 30n],
    ]);

    const byUser = await report.execute(actor, organizationId, { groupBy: 'user' });
    expect(byUser.groups.map((g) => [g.key, g.cost.micros])).toEqual([
      [alice, 110n],
      [bob, 20n],
    ]);

    const byProject = await report.execute(actor, organizationId, { groupBy: 'project' });
    expect(byProject.groups.map((g) => [g.key, g.requests])).toEqual([
      [p1, 1],
      [p2, 2],
    ]);
  });

  it('cuts days at UTC midnight for gregorian organizations', async () => {
    const organizationId = randomUUID();
    await seedUsageRecords(dataSource, [
      { organizationId, createdAt: '2026-11-24T20:00:00Z' },
      { organizationId, createdAt: '2026-11-24T21:00:00Z' },
      { organizationId, createdAt: '2026-11-25T00:00:00Z' },
    ]);

    const view = await report.execute(actor, organizationId, { groupBy: 'day' });

    expect(view.groups.map((g) => [g.key, g.requests])).toEqual([
      ['2026-11-24', 2],
      ['2026-11-25', 1],
    ]);
  });

  it('cuts days and the default window at Tehran midnight for jalali organizations', async () => {
    const organizationId = randomUUID();
    await useJalali(organizationId);
    await seedUsageRecords(dataSource, [
      // 20:29 UTC on 21 Nov is still 30 Aban 1405 in Tehran (23:59): previous period
      { organizationId, createdAt: '2026-11-21T20:29:00Z' },
      // 20:30 UTC on 21 Nov is 1 Azar 1405 00:00 in Tehran
      { organizationId, createdAt: '2026-11-21T20:30:00Z' },
      { organizationId, createdAt: '2026-11-24T20:00:00Z' },
      { organizationId, createdAt: '2026-11-24T21:00:00Z' },
    ]);

    const view = await report.execute(actor, organizationId, { groupBy: 'day' });

    expect(view.calendar).toBe('jalali');
    expect(view.from.toISOString()).toBe('2026-11-21T20:30:00.000Z');
    expect(view.groups.map((g) => [g.key, g.requests])).toEqual([
      ['2026-11-22', 1],
      ['2026-11-24', 1],
      ['2026-11-25', 1],
    ]);
  });

  it('reads date bounds as whole days in the calendar’s time zone and date-times as exact instants', async () => {
    const organizationId = randomUUID();
    await useJalali(organizationId);
    await seedUsageRecords(dataSource, [
      { organizationId, createdAt: '2026-11-09T20:29:59Z' }, // 18 Aban, 23:59:59 Tehran
      { organizationId, createdAt: '2026-11-09T20:30:00Z' }, // 19 Aban (10 Nov), 00:00 Tehran
      { organizationId, createdAt: '2026-11-10T20:29:59Z' }, // 19 Aban, 23:59:59 Tehran
      { organizationId, createdAt: '2026-11-10T20:30:00Z' }, // 20 Aban
    ]);

    const oneDay = await report.execute(actor, organizationId, {
      from: { date: { year: 2026, month: 11, day: 10 } },
      to: { date: { year: 2026, month: 11, day: 10 } },
    });
    expect(oneDay.totals.requests).toBe(2);
    expect([oneDay.from.toISOString(), oneDay.to.toISOString()]).toEqual([
      '2026-11-09T20:30:00.000Z',
      '2026-11-10T20:30:00.000Z',
    ]);

    const instants = await report.execute(actor, organizationId, {
      from: { instant: new Date('2026-11-09T20:29:59Z') },
      to: { instant: new Date('2026-11-10T20:29:59Z') },
    });
    expect(instants.totals.requests).toBe(2);
  });

  it('refuses inverted and over-long windows with VALIDATION_FAILED on `to`', async () => {
    const organizationId = randomUUID();
    await expect(
      report.execute(actor, organizationId, {
        from: { date: { year: 2026, month: 11, day: 10 } },
        to: { date: { year: 2026, month: 11, day: 9 } },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'to', messages: ['to must be after from'] }] },
    });
    await expect(
      report.execute(actor, organizationId, {
        from: { date: { year: 2025, month: 1, day: 1 } },
        to: { date: { year: 2026, month: 3, day: 1 } },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    // a full year is fine
    await expect(
      report.execute(actor, organizationId, {
        from: { date: { year: 2025, month: 1, day: 1 } },
        to: { date: { year: 2025, month: 12, day: 31 } },
      }),
    ).resolves.toBeDefined();
  });

  describe("a member's own usage (GET /me/usage)", () => {
    it("sums the caller's records in each organization's own current period", async () => {
      const userId = randomUUID();
      const [gregorianOrg, jalaliOrg, oldOrg] = [randomUUID(), randomUUID(), randomUUID()];
      await useJalali(jalaliOrg);
      await limits.update(gregorianOrg, (l) =>
        l.change(
          { monthlyTokenLimit: null, monthlyCostLimit: null, perUserMonthlyTokenLimit: 50_000, calendar: 'gregorian' },
          userId,
          clock.now(),
        ),
      );
      clock.set('2026-11-21T21:00:00Z'); // 1 Azar 1405 in Tehran, still 21 Nov in UTC
      await seedUsageRecords(dataSource, [
        {
          organizationId: gregorianOrg,
          userId,
          promptTokens: 100,
          completionTokens: 0,
          costMicros: 10,
          createdAt: '2026-11-05T00:00:00Z',
        },
        {
          organizationId: gregorianOrg,
          userId,
          promptTokens: 100,
          completionTokens: 0,
          costMicros: 10,
          createdAt: '2026-10-31T00:00:00Z',
        },
        {
          organizationId: gregorianOrg,
          promptTokens: 777,
          completionTokens: 0,
          costMicros: 777,
          createdAt: '2026-11-05T00:00:00Z',
        }, // someone else
        {
          organizationId: jalaliOrg,
          userId,
          promptTokens: 30,
          completionTokens: 0,
          costMicros: 30,
          createdAt: '2026-11-21T20:45:00Z',
        },
        {
          organizationId: jalaliOrg,
          userId,
          promptTokens: 40,
          completionTokens: 0,
          costMicros: 40,
          createdAt: '2026-11-21T20:00:00Z',
        }, // Aban
        {
          organizationId: oldOrg,
          userId,
          promptTokens: 1,
          completionTokens: 0,
          costMicros: 1,
          createdAt: '2026-10-25T00:00:00Z',
        },
      ]);

      const usage = await mine.execute({ userId });

      expect(usage.totals).toEqual({
        requests: 2,
        promptTokens: 130,
        cachedTokens: 0,
        completionTokens: 0,
        reasoningTokens: 0,
        totalTokens: 130,
        cost: Money.fromMicros(40),
      });
      expect(
        usage.organizations.map((o) => [
          o.organizationId,
          o.calendar,
          o.period.start.toISOString(),
          o.totals.totalTokens,
          o.perUserMonthlyTokenLimit,
        ]),
      ).toEqual([
        [jalaliOrg, 'jalali', '2026-11-21T20:30:00.000Z', 30, null],
        [gregorianOrg, 'gregorian', '2026-11-01T00:00:00.000Z', 100, 50_000],
      ]);
    });

    it('is empty for someone who has not generated anything this period', async () => {
      const usage = await mine.execute({ userId: randomUUID() });
      expect(usage).toEqual({
        totals: {
          requests: 0,
          promptTokens: 0,
          cachedTokens: 0,
          completionTokens: 0,
          reasoningTokens: 0,
          totalTokens: 0,
          cost: Money.zero,
        },
        organizations: [],
      });
    });
  });

  it('reads every report (totals and each grouping) from covering indexes alone: whole days from the roll-up, the edges from the records', async () => {
    const organizationId = randomUUID();
    await seedUsageRecords(dataSource, [{ organizationId, createdAt: '2026-11-02T00:00:00Z' }]);
    await dataSource.query('VACUUM ANALYZE usage_records, usage_daily_rollups');
    // The adapter's own SQL, explained on one connection where the planner may not scan the table:
    // an index-only scan is then possible only if the index covers every column the query reads.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const plans: string[] = [];
    try {
      await runner.query('SET enable_seqscan = off');
      await runner.query('SET enable_bitmapscan = off');
      const explainer = {
        query: async (sql: string, parameters: unknown[]) => {
          const rows = (await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)) as { 'QUERY PLAN': unknown }[];
          plans.push(JSON.stringify(rows[0]?.['QUERY PLAN']));
          return [];
        },
      };
      // A data source with no read replica, whose manager explains instead of running.
      const explaining = { options: {}, manager: explainer, ...explainer } as unknown as DataSource;
      const reports = new TypeOrmUsageReports(explaining);
      // A UTC month cut into Tehran days: 29 whole days from the roll-up, the partial days at both edges from the records.
      const window = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
      for (const groupBy of [null, 'day', 'user', 'model', 'project'] as const)
        await reports.report(organizationId, window, groupBy, 210);
    } finally {
      await runner.query('RESET ALL');
      await runner.release();
    }
    expect(plans).toHaveLength(5);
    for (const plan of plans) {
      const scans = [...plan.matchAll(/"Node Type":"([^"]*Scan)"/g)].map((match) => match[1]);
      expect(scans.filter((scan) => scan !== 'Subquery Scan')).toEqual([
        'Index Only Scan',
        'Index Only Scan',
        'Index Only Scan',
      ]);
      expect(plan).toContain('"Index Name":"pk_usage_daily_rollups"');
      expect(plan).toContain('"Index Name":"idx_usage_records_org_created"');
    }
  });
});
