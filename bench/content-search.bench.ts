import { Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { loadConfig } from '#libs/config';
import { dataSourceOptions, ensureDatabaseExists } from '#libs/database';
import { pageRequest, type PageRequest } from '#libs/ddd';
import { prepareDatabase } from '../src/bootstrap/prepare-database';
import type { ContentFilter } from '../src/content/application/ports/content.repository';
import { ContentEntity } from '../src/content/infrastructure/typeorm/content.entity';
import { TypeOrmContentRepository } from '../src/content/infrastructure/typeorm/typeorm-content.repository';
import { previousContentSearch } from '../test/support/previous-content-search';
import type { Benchmark } from './support/benchmark';
import { benchSettings } from './support/settings';
import { percentile, time, type Timing } from './support/stats';
import { printTable, ratio } from './support/table';

/**
 * 100 000 contents of one organization: one big project of 60 000 and 40 projects of 1 000, with
 * Persian and English titles, prompts and ~80-word bodies drawn from a vocabulary in which
 * «زعفران» is rare (~0.2 %), «کمپین» common (~25 %) and «تخفیف» very common. Lists are timed
 * through TypeOrmContentRepository.listForProject (the API's own SQL) in the big project.
 */
const TOTAL = 100_000;
const BIG_PROJECT_SIZE = 60_000;
const ORG = '0b1e0000-0000-4000-8000-0000000000c0';
const WORKSPACE = '0b1e0000-0000-4000-8000-0000000000c1';
const BIG_PROJECT = '0b1e0000-0000-4000-8000-0000000000c2';
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 30);

const COMMON = [
  'گوشی',
  'تخفیف',
  'ویژه',
  'مشتری',
  'خرید',
  'ارسال',
  'رایگان',
  'کیفیت',
  'قیمت',
  'محصول',
  'جدید',
  'فروش',
  'product',
  'launch',
  'customer',
  'quality',
  'price',
  'free',
  'shipping',
  'new',
];

async function seed(dataSource: DataSource): Promise<void> {
  const existing = (await dataSource.query('SELECT count(*)::int AS n FROM contents WHERE organization_id = $1', [
    ORG,
  ])) as { n: number }[];
  if (existing[0]?.n === TOTAL) {
    process.stdout.write(`Reusing the ${TOTAL.toLocaleString('en-US')} contents seeded by an earlier run.\n`);
    return;
  }
  const started = performance.now();
  await dataSource.query('DELETE FROM contents WHERE organization_id = $1', [ORG]);
  await dataSource.query('DELETE FROM projects WHERE organization_id = $1', [ORG]);
  await dataSource.query(
    `INSERT INTO projects (id, organization_id, workspace_id, name, created_by)
     SELECT CASE WHEN p = 0 THEN $2::uuid ELSE md5('bench-project' || p)::uuid END, $1, $3, 'پروژه ' || p, $1 FROM generate_series(0, 40) AS p`,
    [ORG, BIG_PROJECT, WORKSPACE],
  );
  // Words are picked by hashing (row, position): deterministic, and different in every row.
  await dataSource.query(
    `WITH vocabulary AS (SELECT $4::text[] AS common)
     INSERT INTO contents (organization_id, workspace_id, project_id, title, prompt, body, status, model, created_by, created_at, updated_at)
     SELECT $1, $2,
            CASE WHEN i <= $5 THEN $3::uuid ELSE md5('bench-project' || (1 + i % 40))::uuid END,
            CASE WHEN i % 4 = 0 THEN 'کمپین ' ELSE '' END || common[1 + i % 20] || ' ' || common[1 + (i / 7) % 20] || ' ' || i,
            'یک متن کوتاه درباره ' || common[1 + (i / 3) % 20] || CASE WHEN i % 500 = 0 THEN ' زعفران' ELSE '' END || ' بنویس',
            (SELECT string_agg(common[1 + abs(hashtext(i || ':' || w)) % 20], ' ') FROM generate_series(1, 80) AS w WHERE i > 0)
              || CASE WHEN i % 3 = 0 THEN ' تخفیف‌های ویژه' ELSE '' END,
            (ARRAY['DRAFT', 'REVIEW', 'APPROVED', 'REJECTED'])[1 + i % 4],
            'gpt-4.1-mini',
            md5('bench-author' || (i % 25))::uuid,
            timestamptz '2026-01-01' + (i || ' minutes')::interval,
            timestamptz '2026-01-01' + (i || ' minutes')::interval
       FROM generate_series(1, $6) AS i, vocabulary`,
    [ORG, WORKSPACE, BIG_PROJECT, COMMON, BIG_PROJECT_SIZE, TOTAL],
  );
  const inserted = performance.now();
  await dataSource.query('VACUUM ANALYZE contents');
  const sizes = (await dataSource.query(
    `SELECT pg_size_pretty(pg_table_size('contents')) AS heap, pg_size_pretty(pg_relation_size('idx_contents_search')) AS search`,
  )) as { heap: string; search: string }[];
  process.stdout.write(
    `Seeded ${TOTAL.toLocaleString('en-US')} contents in ${((inserted - started) / 1000).toFixed(1)} s (indexes maintained on insert), VACUUM ANALYZE ` +
      `${((performance.now() - inserted) / 1000).toFixed(1)} s. Table ${sizes[0]?.heap}, search index ${sizes[0]?.search}.\n`,
  );
}

/** The previous search statement and the page's rows, loaded as the repository loads them. */
async function previousSearch(dataSource: DataSource, filter: ContentFilter, page: PageRequest) {
  const { total, ids } = await previousContentSearch(dataSource, ORG, BIG_PROJECT, filter, page);
  const loaded = ids.length
    ? await dataSource.getRepository(ContentEntity).findBy({ organizationId: ORG, id: In(ids) })
    : [];
  const byId = new Map(loaded.map((row) => [row.id, row]));
  return { total, rows: ids.flatMap((id) => byId.get(id) ?? []) };
}

/** The repository's own search statement, explained (ANALYZE) instead of run: its manager explains, and it has no replica. */
async function searchPlan(dataSource: DataSource, q: string): Promise<string[]> {
  let plan: string[] = [];
  const explainer = {
    query: async (sql: string, parameters: unknown[]) => {
      const result = (await dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, parameters)) as {
        'QUERY PLAN': string;
      }[];
      plan = result.map((row) => row['QUERY PLAN']);
      return [];
    },
  };
  const explaining = new Proxy(dataSource, {
    get: (target, property, receiver) =>
      property === 'manager' ? explainer : (Reflect.get(target, property, receiver) as unknown),
  });
  await new TypeOrmContentRepository(explaining).listForProject(ORG, BIG_PROJECT, { q }, pageRequest(1, 20));
  return plan;
}

/** Runs `a` and `b` in turn (3 warm-ups each, then `runs` each), so that both meet the same load. */
async function timeInTurn(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < 3; i += 1) {
    await a();
    await b();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i += 1)
    for (const [index, body] of [a, b].entries()) {
      const started = performance.now();
      await body();
      samples[index]?.push(performance.now() - started);
    }
  return [timingOf(samples[0]), timingOf(samples[1])];
}

function timingOf(samples: number[]): Timing {
  const sorted = [...samples].sort((x, y) => x - y);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
  };
}

/** What content_search_entries costs a write: one content of ~80 words inserted, with its entry and without it. */
async function timeContentInserts(dataSource: DataSource): Promise<(string | number)[][]> {
  const inserted: string[] = [];
  const insert = async () => {
    const rows = (await dataSource.query(
      `INSERT INTO contents (organization_id, workspace_id, project_id, title, prompt, body, status, model, created_by)
       VALUES ($1, $2, $3, 'کمپین ' || $4, 'یک متن کوتاه درباره قیمت بنویس', $5, 'DRAFT', 'gpt-4.1-mini', $1)
       RETURNING id`,
      [
        ORG,
        WORKSPACE,
        BIG_PROJECT,
        inserted.length,
        Array.from({ length: 80 }, (_, i) => COMMON[(i * 7) % 20]).join(' '),
      ],
    )) as { id: string }[];
    inserted.push(...rows.map((row) => row.id));
  };
  try {
    const withEntry = await time(RUNS, insert);
    await dataSource.query('ALTER TABLE contents DISABLE TRIGGER contents_search_entry');
    try {
      const without = await time(RUNS, insert);
      return [
        ['insert a content (row, its vector, its entry)', withEntry.p50, withEntry.p95, withEntry.p99],
        ['insert a content, entry trigger disabled', without.p50, without.p95, without.p99],
      ];
    } finally {
      await dataSource.query('ALTER TABLE contents ENABLE TRIGGER contents_search_entry');
    }
  } finally {
    // The seeded contents are reused by the next run: leave them as they were.
    await dataSource.query('DELETE FROM contents WHERE id = ANY($1)', [inserted]);
  }
}

interface Scenario {
  name: string;
  filter: ContentFilter;
  page?: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'rare word «زعفران»', filter: { q: 'زعفران' } },
  { name: 'rare word with a diacritic «زَعفران»', filter: { q: 'زَعفران' } },
  { name: 'common word «کمپین» (25 %)', filter: { q: 'کمپین' } },
  { name: '«تخفيف‌هاي» (Arabic ي, ZWNJ) (33 %)', filter: { q: 'تخفيف‌هاي' } },
  { name: 'prefix «زعف»', filter: { q: 'زعف' } },
  { name: 'two words «کمپین launch»', filter: { q: 'کمپین launch' } },
  { name: 'status REVIEW', filter: { statuses: ['REVIEW'] } },
  { name: 'author', filter: { createdBy: '' } },
  { name: 'date range (one week)', filter: { from: new Date('2026-01-10'), to: new Date('2026-01-17') } },
  { name: 'common word «کمپین», page 50 (offset 980)', filter: { q: 'کمپین' }, page: 50 },
  { name: 'status + author + word', filter: { statuses: ['APPROVED'], createdBy: '', q: 'کمپین' } },
  { name: 'no filter, page 1', filter: {} },
  { name: 'no filter, page 500 (offset 9 980)', filter: {}, page: 500 },
];

export const benchmark: Benchmark = {
  name: 'content-search',
  description:
    'Contents list with Persian full-text search and filters over 100 000 contents (GIN + btree indexes), searches against the previous query and an ILIKE scan; what the search entries cost an insert',
  async run() {
    Logger.overrideLogger(['error']);
    // The seed is one long INSERT … generate_series: give it more than the service's statement timeout.
    const config = loadConfig({
      ...benchSettings.appEnv(),
      DB_MIGRATE_ON_START: 'true',
      DB_STATEMENT_TIMEOUT_MS: '600000',
    });
    await ensureDatabaseExists(benchSettings.databaseUrl);
    await prepareDatabase(config, () => undefined);
    const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    try {
      await seed(dataSource);
      await dataSource.query('VACUUM ANALYZE contents');
      const author =
        ((await dataSource.query(`SELECT md5('bench-author7')::uuid AS id`)) as { id: string }[])[0]?.id ?? '';
      const repository = new TypeOrmContentRepository(dataSource);
      const rows: (string | number)[][] = [];
      const searches: (string | number)[][] = [];
      for (const scenario of SCENARIOS) {
        const filter = { ...scenario.filter, ...(scenario.filter.createdBy === '' ? { createdBy: author } : {}) };
        const page = pageRequest(scenario.page ?? 1, 20);
        const list = () => repository.listForProject(ORG, BIG_PROJECT, filter, page);
        const total = (await list()).total;
        if (!filter.q) {
          const figures = await time(RUNS, list);
          rows.push([scenario.name, total, figures.p50, figures.p95, figures.p99]);
          continue;
        }
        // The previous query, loading the page's rows the same way, timed in turn with the search.
        const [figures, previous] = await timeInTurn(RUNS, list, () => previousSearch(dataSource, filter, page));
        rows.push([scenario.name, total, figures.p50, figures.p95, figures.p99]);
        const [now, before] = [await list(), await previousSearch(dataSource, filter, page)];
        const same =
          now.total === before.total &&
          JSON.stringify(now.items.map((item) => item.id)) === JSON.stringify(before.rows.map((row) => row.id));
        searches.push([
          scenario.name,
          total,
          figures.p50,
          figures.p95,
          previous.p50,
          previous.p95,
          ratio(previous.p95, figures.p95),
          same ? 'yes' : 'NO',
        ]);
      }
      process.stdout.write(
        `\nlistForProject in the 60 000-content project, 20 per page with the total, ${RUNS} runs after 3 warm-ups (ms):\n`,
      );
      printTable(['query', 'matches', 'p50', 'p95', 'p99'], rows);
      process.stdout.write(
        `\nSearches against the previous query (every match from the GIN index, counted, sorted and cut), rows loaded alike, ${RUNS} runs each in turn (ms):\n`,
      );
      printTable(
        ['query', 'matches', 'p50', 'p95', 'previous p50', 'previous p95', 'p95 speed-up', 'same answer'],
        searches,
      );

      const ilike = await time(Math.min(RUNS, 10), () =>
        dataSource.query(
          `SELECT id FROM contents c WHERE c.organization_id = $1 AND c.project_id = $2 AND (c.title ILIKE $3 OR c.prompt ILIKE $3 OR c.body ILIKE $3)
           ORDER BY c.created_at DESC, c.id DESC LIMIT 20`,
          [ORG, BIG_PROJECT, '%زعفران%'],
        ),
      );
      const fts = rows[0];
      process.stdout.write(
        `\nBaseline, the earlier ILIKE '%…%' search for the rare word: p50 ${ilike.p50.toFixed(1)} ms, p95 ${ilike.p95.toFixed(1)} ms ` +
          `(full-text p50 ${Number(fts?.[2]).toFixed(1)} ms: ${(ilike.p50 / Number(fts?.[2])).toFixed(0)}× faster).\n`,
      );

      process.stdout.write(`\nWrite cost of content_search_entries, ${RUNS} inserts each (ms):\n`);
      printTable(['operation', 'p50', 'p95', 'p99'], await timeContentInserts(dataSource));

      for (const [label, q] of [
        ['common word', 'کمپین'],
        ['rare word', 'زعفران'],
      ] as const)
        process.stdout.write(
          `\nPlan of the ${label} search (the repository's statement, EXPLAIN ANALYZE):\n${(
            await searchPlan(dataSource, q)
          )
            .map((line) => `  ${line}`)
            .join('\n')}\n`,
        );
    } finally {
      await dataSource.destroy();
    }
  },
};
