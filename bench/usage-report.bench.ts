import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { dataSourceOptions, ensureDatabaseExists } from '#libs/database';
import { Clock } from '#libs/ddd';
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
import { printTable } from './support/table';

/**
 * 1 000 000 usage records spread evenly over one year: 30 % belong to one big organization (about
 * 25 000 a month, 200 members, 4 models, 50 projects), the rest to 200 smaller ones. Reports of the big
 * organization are timed through the real adapter (the SQL the API runs), and the budget check of
 * a reservation, which sums the month under the organization's lock.
 */

const TOTAL_RECORDS = 1_000_000;
const BIG_ORG = '0b1e0000-0000-4000-8000-000000000001';
const YEAR = { from: new Date('2025-12-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
const MONTH = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
const GROUPINGS: (UsageGroupBy | null)[] = [null, 'day', 'user', 'model', 'project'];
const RUNS = Number(process.env.BENCH_USAGE_RUNS ?? 40);

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-11-24T10:00:00Z');
  }
}

async function seed(dataSource: DataSource): Promise<void> {
  const started = performance.now();
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
  await dataSource.query('VACUUM ANALYZE usage_records');
  const sizes = (await dataSource.query(
    `SELECT pg_size_pretty(pg_table_size('usage_records')) AS heap,
            pg_size_pretty(pg_relation_size('idx_usage_records_org_created')) AS covering,
            pg_size_pretty(pg_relation_size('idx_usage_records_user_created')) AS by_user`,
  )) as { heap: string; covering: string; by_user: string }[];
  process.stdout.write(
    `Seeded ${TOTAL_RECORDS.toLocaleString('en-US')} records in ${((inserted - started) / 1000).toFixed(1)} s (one INSERT … generate_series), ` +
      `VACUUM ANALYZE ${((performance.now() - inserted) / 1000).toFixed(1)} s. Table ${sizes[0]?.heap}, covering index ${sizes[0]?.covering}, user index ${sizes[0]?.by_user}.\n`,
  );
  const counts = (await dataSource.query(
    `SELECT count(*) FILTER (WHERE created_at >= $2) AS month, count(*) AS year FROM usage_records WHERE organization_id = $1`,
    [BIG_ORG, MONTH.from],
  )) as { month: string; year: string }[];
  process.stdout.write(
    `The measured organization has ${Number(counts[0]?.month).toLocaleString('en-US')} records in the month, ${Number(counts[0]?.year).toLocaleString('en-US')} in the year.\n\n`,
  );
}

/** The adapter's own SQL, explained (ANALYZE) instead of run. */
async function explainReports(dataSource: DataSource): Promise<string[][]> {
  const rows: string[][] = [];
  for (const [label, window] of [
    ['month', MONTH],
    ['year', YEAR],
  ] as const) {
    for (const groupBy of GROUPINGS) {
      let plan: PlanNode | undefined;
      const explaining = {
        query: async (sql: string, parameters: unknown[]) => {
          const result = (await dataSource.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, parameters)) as {
            'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[];
          }[];
          plan = result[0]?.['QUERY PLAN'][0]?.Plan;
          return [];
        },
      } as unknown as DataSource;
      await new TypeOrmUsageReports(explaining).report(BIG_ORG, window, groupBy, 0);
      const scan = plan ? findScan(plan) : undefined;
      rows.push([
        `${label} / ${groupBy ?? 'totals'}`,
        scan?.['Node Type'] ?? '?',
        scan?.['Index Name'] ?? '-',
        String(scan?.['Heap Fetches'] ?? '-'),
        plan ? aggregateOf(plan) : '?',
      ]);
    }
  }
  return rows;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Heap Fetches'?: number;
  Strategy?: string;
  Plans?: PlanNode[];
}

function findScan(node: PlanNode): PlanNode | undefined {
  if (/Scan/.test(node['Node Type'])) return node;
  for (const child of node.Plans ?? []) {
    const found = findScan(child);
    if (found) return found;
  }
  return undefined;
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

async function timeReports(dataSource: DataSource, label: string): Promise<(string | number)[][]> {
  const reports = new TypeOrmUsageReports(dataSource);
  const rows: (string | number)[][] = [];
  for (const [name, window] of [
    ['month', MONTH],
    ['year', YEAR],
  ] as const) {
    for (const groupBy of GROUPINGS) {
      const figures = await time(RUNS, () => reports.report(BIG_ORG, window, groupBy, 0));
      rows.push([`${label}`, `${name} / ${groupBy ?? 'totals'}`, figures.p50, figures.p95, figures.p99, figures.mean]);
    }
  }
  return rows;
}

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
  const reserve = new ReserveGenerationBudgetUseCase(ledger, PriceTable.defaults(), clock);
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

export const benchmark: Benchmark = {
  name: 'usage-report',
  description:
    'usage reports (totals and each groupBy) over a month and a year of 1 000 000 records; the budget check of a reservation',
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

      process.stdout.write(`Plans (EXPLAIN ANALYZE of the adapter's SQL):\n`);
      printTable(['query', 'scan', 'index', 'heap fetches', 'aggregate'], await explainReports(dataSource));

      process.stdout.write(
        `\nReport latency through TypeOrmUsageReports, ${RUNS} runs each after 3 warm-up runs (ms):\n`,
      );
      const covering = await timeReports(dataSource, 'covering index');
      printTable(['index', 'window / groupBy', 'p50', 'p95', 'p99', 'mean'], covering);

      process.stdout.write(
        `\nBudget check (ReserveGenerationBudgetUseCase + release, token and per-member limits set), ${RUNS} runs (ms):\n`,
      );
      printTable(['operation', 'p50', 'p95', 'p99', 'mean'], [await timeReservations(dataSource)]);

      // The same reports with a plain (organization_id, created_at) index instead of the covering one, for comparison.
      process.stdout.write(
        `\nFor comparison: the same reports with a plain (organization_id, created_at) index (heap fetched for every row):\n`,
      );
      await dataSource.query('DROP INDEX idx_usage_records_org_created');
      await dataSource.query(
        'CREATE INDEX idx_usage_records_org_created_plain ON usage_records (organization_id, created_at)',
      );
      await dataSource.query('ANALYZE usage_records');
      const plainSize = (await dataSource.query(
        `SELECT pg_size_pretty(pg_relation_size('idx_usage_records_org_created_plain')) AS size`,
      )) as { size: string }[];
      process.stdout.write(`(plain index ${plainSize[0]?.size})\n`);
      try {
        const plain = await timeReports(dataSource, 'plain index');
        printTable(
          ['index', 'window / groupBy', 'p50', 'p95', 'p99', 'mean', 'covering p50 speed-up'],
          plain.map((row, i) => [...row, `${(Number(row[2]) / Number(covering[i]?.[2])).toFixed(2)}x`]),
        );
      } finally {
        await dataSource.query('DROP INDEX IF EXISTS idx_usage_records_org_created_plain');
        await dataSource.query(
          `CREATE INDEX idx_usage_records_org_created ON usage_records (organization_id, created_at)
           INCLUDE (user_id, project_id, model, prompt_tokens, cached_tokens, completion_tokens, total_tokens, cost_micros)`,
        );
      }
    } finally {
      await dataSource.destroy();
    }
  },
};
