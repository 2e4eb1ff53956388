import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { dataSourceOptions, ensureDatabaseExists } from '#libs/database';
import { pageRequest } from '#libs/ddd';
import { prepareDatabase } from '../src/bootstrap/prepare-database';
import type { ContentFilter } from '../src/content/application/ports/content.repository';
import {
  SEARCH_VECTOR,
  TypeOrmContentRepository,
} from '../src/content/infrastructure/typeorm/typeorm-content.repository';
import type { Benchmark } from './support/benchmark';
import { benchSettings } from './support/settings';
import { time } from './support/stats';
import { printTable } from './support/table';

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
  { name: 'status + author + word', filter: { statuses: ['APPROVED'], createdBy: '', q: 'کمپین' } },
  { name: 'no filter, page 1', filter: {} },
  { name: 'no filter, page 500 (offset 9 980)', filter: {}, page: 500 },
];

export const benchmark: Benchmark = {
  name: 'content-search',
  description:
    'Contents list with Persian full-text search and filters over 100 000 contents (GIN + btree indexes) against an ILIKE scan',
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
      for (const scenario of SCENARIOS) {
        const filter = { ...scenario.filter, ...(scenario.filter.createdBy === '' ? { createdBy: author } : {}) };
        let total = 0;
        const figures = await time(RUNS, async () => {
          total = (await repository.listForProject(ORG, BIG_PROJECT, filter, pageRequest(scenario.page ?? 1, 20)))
            .total;
        });
        rows.push([scenario.name, total, figures.p50, figures.p95, figures.p99]);
      }
      process.stdout.write(
        `\nlistForProject in the 60 000-content project, 20 per page with the total, ${RUNS} runs after 3 warm-ups (ms):\n`,
      );
      printTable(['query', 'matches', 'p50', 'p95', 'p99'], rows);

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

      const plan = (await dataSource.query(
        `EXPLAIN (ANALYZE, COSTS OFF, FORMAT TEXT)
         WITH search_matches AS MATERIALIZED (
           SELECT c.id FROM contents c WHERE c.organization_id = $1 AND c.project_id = $2 AND ${SEARCH_VECTOR} @@ to_tsquery('simple', contexor_search_text($3)))
         SELECT c.id FROM contents c WHERE c.organization_id = $1 AND c.project_id = $2 AND c.id IN (SELECT id FROM search_matches)
         ORDER BY c.created_at DESC, c.id DESC LIMIT 20`,
        [ORG, BIG_PROJECT, 'زعفران:*'],
      )) as { 'QUERY PLAN': string }[];
      process.stdout.write(
        `\nPlan of the rare-word search:\n${plan.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}\n`,
      );
    } finally {
      await dataSource.destroy();
    }
  },
};
