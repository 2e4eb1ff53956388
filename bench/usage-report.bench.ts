import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { dataSourceOptions, ensureDatabaseExists } from '#libs/database';
import { Clock, Money } from '#libs/ddd';
import { prepareDatabase } from '../src/bootstrap/prepare-database';
import type { UsageGroupBy } from '../src/usage/application/ports/usage-reports';
import { ReleaseGenerationBudgetUseCase } from '../src/usage/application/use-cases/release-generation-budget.use-case';
import { ReserveGenerationBudgetUseCase } from '../src/usage/application/use-cases/reserve-generation-budget.use-case';
import { PriceTable } from '../src/usage/domain/price-table';
import { TypeOrmUsageLedger } from '../src/usage/infrastructure/typeorm/typeorm-usage-ledger';
import { TypeOrmUsageLimitsRepository } from '../src/usage/infrastructure/typeorm/typeorm-usage-limits.repository';
import { TypeOrmUsageReports } from '../src/usage/infrastructure/typeorm/typeorm-usage-reports';
import type { Benchmark } from './support/benchmark';
import { benchSettings } from './support/settings';
import { time } from './support/stats';
import { printTable, ratio } from './support/table';
import { deploymentPricesOnly } from '../test/fakes/usage/usage-fakes';

/**
 * 1 000 000 usage records spread evenly over one year: 30 % belong to one big organization (about
 * 25 000 a month), the rest to 200 smaller ones; the daily roll-up is filled by the insert itself
 * (its statement trigger). Reports of the big organization are timed through the real adapter (the
 * SQL the API runs: whole days from the roll-up, partial days from the records) next to the same
 * reports summed from the records alone (`reportFromRecords`, what the API ran before), each checked
 * equal to it; and the budget check of a reservation, which sums the month under the organization's lock.
 */

const TOTAL_RECORDS = 1_000_000;
const BIG_ORG = '0b1e0000-0000-4000-8000-000000000001';
const YEAR = { from: new Date('2025-12-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
const MONTH = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
/** name, window, minutes east of UTC at which days are cut (210: a jalali organization, Tehran). */
const WINDOWS: [string, { from: Date; to: Date }, number][] = [
  ['month', MONTH, 0],
  ['year', YEAR, 0],
  ['year, Tehran days', { from: new Date('2025-11-30T20:30:00Z'), to: new Date('2026-11-30T20:30:00Z') }, 210],
  ['year, cut mid-day', { from: new Date('2025-12-01T09:17:00Z'), to: new Date('2026-11-30T15:45:00Z') }, 0],
];
const GROUPINGS: (UsageGroupBy | null)[] = [null, 'day', 'user', 'model', 'project'];
const RUNS = Number(process.env.BENCH_USAGE_RUNS ?? 40);
/** The records-only baseline costs up to ~20x more per run: fewer runs keep the benchmark short. */
const BASELINE_RUNS = Math.max(10, Math.round(RUNS / 2));

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-11-24T10:00:00Z');
  }
}

async function seed(dataSource: DataSource): Promise<void> {
  const started = performance.now();
  // TRUNCATE of usage_records empties the roll-up too (its trigger).
  await dataSource.query('TRUNCATE usage_records, usage_reservations, usage_limits, usage_threshold_events');
  // i spreads records evenly over the year; md5(…)::uuid makes stable ids for members, projects, organizations.
  await dataSource.query(
    `INSERT INTO usage_records (organization_id, user_id, project_id, content_id, model, prompt_tokens, cached_tokens,
                                completion_tokens, total_tokens, cost_micros, call_key, created_at)
     SELECT CASE WHEN big THEN $2::uuid ELSE md5('org' || (i % 200))::uuid END,
            md5('user' || (i % 200) || CASE WHEN big THEN 'big' ELSE (i % 200)::text END)::uuid,
            md5('project' || (i % 50) || CASE WHEN big THEN 'big' ELSE (i % 200)::text END)::uuid,
            md5('content' || i)::uuid,
            (ARRAY['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini', 'gpt-4o'])[1 + i % 4],
            p, c, o, p + o,
            ((p - c)::bigint * 400000 + c::bigint * 100000 + o::bigint * 1600000) / 1000000 + 1,
            'bench-' || i,
            $3::timestamptz + (i::float8 / $1) * ($4::timestamptz - $3::timestamptz)
       FROM (SELECT i, i % 10 < 3 AS big, (200 + (i::bigint * 7919) % 3000)::int AS p, (((i::bigint * 7919) % 3000) / 4)::int AS c, (50 + (i::bigint * 104729) % 1500)::int AS o
               FROM generate_series(1, $1) AS i) AS g`,
    [TOTAL_RECORDS, BIG_ORG, YEAR.from.toISOString(), YEAR.to.toISOString()],
  );
  const inserted = performance.now();
  await dataSource.query('VACUUM ANALYZE usage_records, usage_daily_rollups');
  const sizes = (await dataSource.query(
    `SELECT pg_size_pretty(pg_table_size('usage_records')) AS heap,
            pg_size_pretty(pg_relation_size('idx_usage_records_org_created')) AS covering,
            pg_size_pretty(pg_relation_size('idx_usage_records_user_created')) AS by_user,
            pg_size_pretty(pg_table_size('usage_daily_rollups')) AS rollup,
            pg_size_pretty(pg_relation_size('pk_usage_daily_rollups')) AS rollup_key`,
  )) as { heap: string; covering: string; by_user: string; rollup: string; rollup_key: string }[];
  process.stdout.write(
    `Seeded ${TOTAL_RECORDS.toLocaleString('en-US')} records and their roll-up in ${((inserted - started) / 1000).toFixed(1)} s (one INSERT … generate_series), ` +
      `VACUUM ANALYZE ${((performance.now() - inserted) / 1000).toFixed(1)} s. Table ${sizes[0]?.heap}, covering index ${sizes[0]?.covering}, user index ${sizes[0]?.by_user}; ` +
      `roll-up ${sizes[0]?.rollup}, its covering key ${sizes[0]?.rollup_key}.\n`,
  );
  const counts = (await dataSource.query(
    `SELECT (SELECT count(*) FROM usage_records WHERE organization_id = $1 AND created_at >= $2) AS month,
            (SELECT count(*) FROM usage_records WHERE organization_id = $1) AS year,
            (SELECT count(*) FROM usage_daily_rollups WHERE organization_id = $1 AND utc_offset_minutes = 0) AS rollup`,
    [BIG_ORG, MONTH.from],
  )) as { month: string; year: string; rollup: string }[];
  process.stdout.write(
    `The measured organization has ${Number(counts[0]?.month).toLocaleString('en-US')} records in the month, ${Number(counts[0]?.year).toLocaleString('en-US')} in the year, ` +
      `${Number(counts[0]?.rollup).toLocaleString('en-US')} roll-up rows a year (UTC days; as many for Tehran days).\n\n`,
  );
}

/** The adapter's own SQL, explained (ANALYZE) instead of run: one row per table scan. */
async function explainReports(dataSource: DataSource): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  for (const [label, window, offset] of WINDOWS) {
    for (const groupBy of GROUPINGS) {
      let plan: PlanNode | undefined;
      const explainer = {
        query: async (sql: string, parameters: unknown[]) => {
          const result = (await dataSource.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, parameters)) as {
            'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[];
          }[];
          plan = result[0]?.['QUERY PLAN'][0]?.Plan;
          return [];
        },
      };
      // A data source with no read replica, whose manager explains instead of running.
      const explaining = { options: {}, manager: explainer, ...explainer } as unknown as DataSource;
      await new TypeOrmUsageReports(explaining).report(BIG_ORG, window, groupBy, offset);
      for (const scan of plan ? scansOf(plan) : [])
        rows.push([
          `${label} / ${groupBy ?? 'totals'}`,
          scan['Relation Name'] ?? '?',
          scan['Node Type'],
          scan['Index Name'] ?? '-',
          scan['Actual Rows'] ?? 0,
          scan['Heap Fetches'] ?? '-',
          plan ? aggregateOf(plan) : '?',
        ]);
    }
  }
  return rows;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Heap Fetches'?: number;
  'Actual Rows'?: number;
  Strategy?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode): PlanNode[] {
  if (node['Relation Name']) return [node];
  return (node.Plans ?? []).flatMap(scansOf);
}

function aggregateOf(node: PlanNode): string {
  if (node['Node Type'] === 'Aggregate' || node['Node Type'] === 'MixedAggregate')
    return `${node['Node Type']} (${node.Strategy ?? ''})`;
  for (const child of node.Plans ?? []) {
    const found = aggregateOf(child);
    if (found !== '-') return found;
  }
  return '-';
}

/** The roll-up report and the records-only one, timed in turn for each window and grouping, and compared. */
async function timeReports(dataSource: DataSource): Promise<(string | number)[][]> {
  const reports = new TypeOrmUsageReports(dataSource);
  const rows: (string | number)[][] = [];
  for (const [name, window, offset] of WINDOWS) {
    for (const groupBy of GROUPINGS) {
      const rolledUp = await reports.report(BIG_ORG, window, groupBy, offset);
      const fromRecords = await reports.reportFromRecords(BIG_ORG, window, groupBy, offset);
      const same = JSON.stringify(rolledUp, money) === JSON.stringify(fromRecords, money);
      const figures = await time(RUNS, () => reports.report(BIG_ORG, window, groupBy, offset));
      const baseline = await time(BASELINE_RUNS, () => reports.reportFromRecords(BIG_ORG, window, groupBy, offset));
      rows.push([
        `${name} / ${groupBy ?? 'totals'}`,
        figures.p50,
        figures.p95,
        figures.p99,
        baseline.p50,
        baseline.p95,
        ratio(baseline.p95, figures.p95),
        same ? 'yes' : 'NO',
      ]);
    }
  }
  return rows;
}

const money = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

async function timeReservations(dataSource: DataSource): Promise<(string | number)[]> {
  const clock = new FixedClock();
  const ledger = new TypeOrmUsageLedger(dataSource);
  const limits = new TypeOrmUsageLimitsRepository(dataSource);
  await limits.update(BIG_ORG, (l) =>
    l.change(
      {
        monthlyTokenLimit: 10_000_000_000,
        monthlyCostLimit: null,
        perUserMonthlyTokenLimit: 10_000_000,
        calendar: 'gregorian',
      },
      randomUUID(),
      clock.now(),
    ),
  );
  const reserve = new ReserveGenerationBudgetUseCase(
    ledger,
    PriceTable.defaults(),
    clock,
    deploymentPricesOnly(PriceTable.defaults()),
  );
  const release = new ReleaseGenerationBudgetUseCase(ledger, clock);
  const userId = randomUUID();
  const figures = await time(RUNS, async () => {
    const reserved = await reserve.execute({
      organizationId: BIG_ORG,
      userId,
      model: 'gpt-4.1-mini',
      promptTokens: 1_000,
      maxTokens: 1_000,
    });
    await release.execute(reserved.reservationId);
  });
  return ['reserve + release (month sums under the lock)', figures.p50, figures.p95, figures.p99, figures.mean];
}

/** What the roll-up costs a settle: the ledger's one-statement settle, with the roll-up trigger and without it. */
async function timeSettles(dataSource: DataSource): Promise<(string | number)[][]> {
  const ledger = new TypeOrmUsageLedger(dataSource);
  const settle = () =>
    ledger.settle(
      {
        callKey: `bench-settle-${randomUUID()}`,
        organizationId: BIG_ORG,
        userId: '0b1e0000-0000-4000-8000-0000000000a1',
        projectId: '0b1e0000-0000-4000-8000-0000000000a2',
        contentId: null,
        model: 'gpt-4.1-mini',
        promptTokens: 1_000,
        cachedTokens: 0,
        completionTokens: 500,
        reasoningTokens: 0,
        cost: Money.fromMicros(1_200),
        usageEstimated: false,
        priceFallback: false,
        createdAt: new FixedClock().now(),
      },
      null,
    );
  const withRollup = await time(RUNS, settle);
  await dataSource.query('ALTER TABLE usage_records DISABLE TRIGGER usage_records_rollup');
  try {
    const without = await time(RUNS, settle);
    return [
      ['settle (record + its roll-up rows)', withRollup.p50, withRollup.p95, withRollup.p99, withRollup.mean],
      ['settle, roll-up trigger disabled', without.p50, without.p95, without.p99, without.mean],
    ];
  } finally {
    await dataSource.query('ALTER TABLE usage_records ENABLE TRIGGER usage_records_rollup');
  }
}

export const benchmark: Benchmark = {
  name: 'usage-report',
  description:
    'usage reports (totals and each groupBy) over a month and a year of 1 000 000 records, roll-up vs records alone; the budget check of a reservation',
  async run() {
    // Migration messages and slow-query warnings (the seed is meant to be slow) would drown the figures.
    Logger.overrideLogger(['error']);
    await ensureDatabaseExists(benchSettings.databaseUrl);
    // The seed is one long INSERT … generate_series: give it more than the service's statement timeout.
    const config = loadConfig({
      ...benchSettings.appEnv(),
      DB_MIGRATE_ON_START: 'true',
      DB_STATEMENT_TIMEOUT_MS: '600000',
    });
    await prepareDatabase(config, () => undefined);
    const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    try {
      await seed(dataSource);

      process.stdout.write(`Plans (EXPLAIN ANALYZE of the adapter's SQL), one line per table scanned:\n`);
      printTable(
        ['query', 'table', 'scan', 'index', 'rows', 'heap fetches', 'aggregate'],
        await explainReports(dataSource),
      );

      process.stdout.write(
        `\nReport latency through TypeOrmUsageReports (ms): report() (roll-up + edge records), ${RUNS} runs, ` +
          `vs reportFromRecords() (every record, the covering index), ${BASELINE_RUNS} runs, each after 3 warm-up runs:\n`,
      );
      printTable(
        ['window / groupBy', 'p50', 'p95', 'p99', 'records p50', 'records p95', 'p95 speed-up', 'same answer'],
        await timeReports(dataSource),
      );

      process.stdout.write(
        `\nBudget check (ReserveGenerationBudgetUseCase + release, token and per-member limits set), ${RUNS} runs (ms):\n`,
      );
      printTable(['operation', 'p50', 'p95', 'p99', 'mean'], [await timeReservations(dataSource)]);

      // Last: the settles without the trigger leave records the roll-up lacks (the next run truncates both).
      process.stdout.write(`\nWrite cost of the roll-up, ${RUNS} settles of one new record each (ms):\n`);
      printTable(['operation', 'p50', 'p95', 'p99', 'mean'], await timeSettles(dataSource));
    } finally {
      await dataSource.destroy();
    }
  },
};
