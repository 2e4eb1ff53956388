import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { dropDatabase, ensureDatabaseExists } from '#libs/database';
import { freePort } from '../src/bootstrap/service-process';
import { FakeKavenegarServer } from '../test/fakes/fake-kavenegar.server';
import { startBenchAppProcess, startFloorServer, type BenchAppProcess } from './support/bench-app';
import type { Benchmark } from './support/benchmark';
import { callApi, newBenchOrganization } from './support/bench-organization';
import { measureLoad, type LoadFigures } from './support/load';
import { measurePacedLoad } from './support/paced-load';
import { processTreeCpuMs } from './support/process-cpu';
import { benchSettings } from './support/settings';
import { percentile } from './support/stats';
import { printTable, ratio } from './support/table';

/**
 * The request path at the framework's speed: `/health/live` and an authenticated
 * `GET /api/v1/contents/:id` through the built service with 1 and 2 API workers (API_WORKERS, Node's
 * cluster module), beside bare Fastify on the same route, a bare pg query of the same row from Node,
 * and `pgbench -S` on this machine. Throughput is taken as fast as the answers come back with
 * BENCH_CONNECTIONS (50) connections for BENCH_DURATION_SECONDS (10); the p99 at a fixed rate of
 * 2,000 requests a second. The load is generated on a worker thread of this process, on the same
 * cores: read the figures side by side, not as the capacity of a bigger machine.
 */

const FIXED_RATE = 2_000;
const WORKER_COUNTS = [1, 2];
const KAVENEGAR_KEY = 'bench-key';
const PGBENCH = process.env.PGBENCH ?? 'pgbench';
const run = promisify(execFile);

interface Figures {
  max?: LoadFigures;
  fixed?: LoadFigures;
  /** The server's CPU time per request while answering as fast as it could, in µs. */
  cpuUsPerRequest?: number;
}

interface Signed {
  token: string;
  contentId: string;
  organizationId: string;
}

/** A new organization's caller and one content of its project. */
async function signedInContent(baseUrl: string, kavenegar: FakeKavenegarServer): Promise<Signed> {
  const { token, organizationId, projectId } = await newBenchOrganization(baseUrl, kavenegar);
  const content = await callApi<{ id: string }>(baseUrl, 'POST', `/projects/${projectId}/contents`, token, {
    title: 'معرفی گوشی آوا ۵',
    prompt: 'یک متن کوتاه تبلیغاتی بنویس.',
  });
  return { token, contentId: content.id, organizationId };
}

/**
 * As fast as answers come (autocannon, closed loop), with the server's CPU time read around the
 * measured seconds; then a fixed, evenly paced rate (open loop).
 */
async function measureRoute(
  server: BenchAppProcess,
  path: string,
  headers: Record<string, string> = {},
): Promise<Figures> {
  const url = `${server.baseUrl}${path}`;
  await measureLoad(url, { headers, durationSeconds: benchSettings.warmupSeconds, warmupSeconds: 0 });
  const cpuBefore = processTreeCpuMs(server.pid);
  const max = await measureLoad(url, { headers, warmupSeconds: 0 });
  const cpuAfter = processTreeCpuMs(server.pid);
  const fixed = await measurePacedLoad(url, FIXED_RATE, headers);
  const cpuUsPerRequest =
    cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / max.requests;
  return { max, fixed, cpuUsPerRequest };
}

/** The same row from Node: a pool of DB_POOL_SIZE (10), BENCH_CONNECTIONS callers at once, then a fixed rate. */
async function barePgQuery(contentId: string, organizationId: string): Promise<Figures> {
  const pool = new Pool({ connectionString: benchSettings.databaseUrl, max: 10 });
  const query = () =>
    pool.query({
      name: 'bench_content_row',
      text: 'SELECT * FROM contents WHERE id = $1 AND organization_id = $2',
      values: [contentId, organizationId],
    });
  try {
    const warmupEnd = Date.now() + benchSettings.warmupSeconds * 1000;
    await closedLoop(query, warmupEnd);
    const latencies: number[] = [];
    const started = performance.now();
    const end = Date.now() + benchSettings.durationSeconds * 1000;
    await closedLoop(query, end, latencies);
    const seconds = (performance.now() - started) / 1000;
    const fixed = await openLoop(query, FIXED_RATE, benchSettings.durationSeconds);
    return { max: figuresOf(latencies, seconds), fixed: figuresOf(fixed, benchSettings.durationSeconds) };
  } finally {
    await pool.end();
  }
}

/** BENCH_CONNECTIONS callers, each sending its next query when the last one answers, until `end`. */
async function closedLoop(query: () => Promise<unknown>, end: number, latencies?: number[]): Promise<void> {
  await Promise.all(
    Array.from({ length: benchSettings.connections }, async () => {
      while (Date.now() < end) {
        const sent = performance.now();
        await query();
        latencies?.push(performance.now() - sent);
      }
    }),
  );
}

/** Queries started on a schedule of `rate` a second, each timed from when it was due (no coordinated omission). */
async function openLoop(query: () => Promise<unknown>, rate: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(query().then(() => void latencies.push(performance.now() - due)));
  }
  await Promise.all(pending);
  return latencies;
}

function figuresOf(latencies: number[], seconds: number): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requestsPerSecond: sorted.length / seconds,
    latencyMs: {
      mean: sorted.reduce((sum, ms) => sum + ms, 0) / (sorted.length || 1),
      p50: percentile(sorted, 0.5),
      p90: percentile(sorted, 0.9),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
    },
    requests: sorted.length,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
  };
}

/**
 * `pgbench -S` (select only, prepared) against a scratch database made with `pgbench -i` and dropped
 * after: BENCH_CONNECTIONS clients as fast as they go, then 10 clients at the fixed rate, its
 * per-transaction log giving the p99 (measured from each transaction's scheduled start).
 */
async function pgbench(): Promise<Figures | string> {
  const url = new URL(benchSettings.databaseUrl);
  url.pathname = '/contexor_bench_pgbench';
  const connection = [
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
  ];
  const env = { ...process.env, ...(url.password && { PGPASSWORD: decodeURIComponent(url.password) }) };
  const database = 'contexor_bench_pgbench';
  const logs = await mkdtemp(join(tmpdir(), 'contexor-pgbench-'));
  try {
    await ensureDatabaseExists(url.toString());
    await run(PGBENCH, ['-i', '-q', ...connection, database], { env });
    const duration = String(Math.max(1, Math.round(benchSettings.durationSeconds)));
    const clients = String(benchSettings.connections);
    const max = await run(
      PGBENCH,
      ['-S', '-M', 'prepared', '-n', '-c', clients, '-j', '2', '-T', duration, ...connection, database],
      { env },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(max.stdout)?.[1] ?? Number.NaN);
    await run(
      PGBENCH,
      [
        '-S',
        '-M',
        'prepared',
        '-n',
        '-c',
        '10',
        '-j',
        '2',
        '-R',
        String(FIXED_RATE),
        '-T',
        duration,
        '-l',
        '--log-prefix',
        join(logs, 'tx'),
        ...connection,
        database,
      ],
      { env },
    );
    // client_id transaction_no time script_no time_epoch time_us [schedule_lag]: `time` in µs.
    const latencies: number[] = [];
    for (const file of await readdir(logs))
      for (const line of (await readFile(join(logs, file), 'utf8')).split('\n'))
        if (line.trim()) latencies.push(Number(line.split(' ')[2]) / 1000);
    const fixed = figuresOf(latencies, Number(duration));
    return { max: { ...figuresOf([], 1), requestsPerSecond: tps }, fixed };
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? `${PGBENCH} not found` : String(error);
    return `not measured: ${reason.split('\n')[0]}`;
  } finally {
    await rm(logs, { recursive: true, force: true });
    await dropDatabase(url.toString()).catch(() => undefined);
  }
}

const ms = (figures: LoadFigures | undefined) => (figures ? figures.latencyMs.p99 : Number.NaN);
const perSecond = (figures: LoadFigures | undefined) => (figures ? Math.round(figures.requestsPerSecond) : Number.NaN);
const cpu = (figures: Figures) => (figures.cpuUsPerRequest === undefined ? '-' : figures.cpuUsPerRequest);
const failures = (figures: Figures) =>
  (figures.max?.errors ?? 0) + (figures.max?.non2xx ?? 0) + (figures.fixed?.errors ?? 0) + (figures.fixed?.non2xx ?? 0);
const COLUMNS = [
  'target',
  'req/s at max',
  'p99 ms at max',
  'CPU µs/req',
  `p99 ms at ${FIXED_RATE} req/s paced`,
  'errors + non-2xx',
];
const rowOf = (name: string, figures: Figures) => [
  name,
  perSecond(figures.max),
  ms(figures.max),
  cpu(figures),
  ms(figures.fixed),
  failures(figures),
];
const contexorLabel = (workers: number) => `Contexor, ${workers} API worker${workers > 1 ? 's' : ''}`;
const floorLabel = (name: string, workers: number) => `${name}, ${workers} process${workers > 1 ? 'es' : ''}`;

/** What issue 15 measured when it was filed (same machine, autocannon, 50 connections, 10 s); printed for comparison only. */
const AS_FILED = [
  'As filed in issue 15 (not measured in this run): bare Fastify /health/live 26,127 req/s, Contexor 8,870 (0.34x);',
  'authenticated GET /contents/:id 1,009 req/s, p99 87 ms, 4 statements.',
];

export const benchmark: Benchmark = {
  name: 'request-path',
  description: `/health/live and an authenticated GET /contents/:id with 1 and 2 API workers, against bare Fastify, bare Nest, a bare pg query and pgbench -S`,
  async run() {
    process.stdout.write(
      `${benchSettings.connections} connections as fast as answers come (autocannon), then ${FIXED_RATE.toLocaleString('en-US')} req/s evenly paced ` +
        `(open loop, latency from each request's due time); ${benchSettings.warmupSeconds} s warm-up + ${benchSettings.durationSeconds} s each. ` +
        `CPU µs/req is the server processes' user + system time over the requests answered at max.\n`,
    );
    Logger.overrideLogger(['error']);
    // Signing in sends the code through the SMS queue: an all-in-one process (queue workers included)
    // makes the caller, then stops; the processes measured run only the API.
    const kavenegar = await FakeKavenegarServer.start({ apiKey: KAVENEGAR_KEY });
    let signed: Signed;
    try {
      const setup = await startBenchAppProcess(await freePort(), 1, {
        APP_ROLE: 'all',
        METRICS_PORT: '0',
        SMS_DRIVER: 'kavenegar',
        KAVENEGAR_API_KEY: KAVENEGAR_KEY,
        KAVENEGAR_BASE_URL: kavenegar.baseUrl,
      });
      try {
        signed = await signedInContent(setup.baseUrl, kavenegar);
      } finally {
        await setup.close();
      }
    } finally {
      await kavenegar.stop();
    }

    const live = new Map<string, Figures>();
    const content = new Map<string, Figures>();
    for (const workers of WORKER_COUNTS) {
      const app: BenchAppProcess = await startBenchAppProcess(await freePort(), workers);
      try {
        const label = contexorLabel(workers);
        live.set(label, await measureRoute(app, '/health/live'));
        content.set(
          label,
          await measureRoute(app, `/api/v1/contents/${signed.contentId}`, { authorization: `Bearer ${signed.token}` }),
        );
      } finally {
        await app.close();
      }
      for (const kind of ['nest', 'fastify'] as const) {
        const floor = await startFloorServer(kind, await freePort(), workers);
        try {
          const name = kind === 'nest' ? 'bare Nest on Fastify (one controller)' : 'bare Fastify';
          live.set(floorLabel(name, workers), await measureRoute(floor, '/health/live'));
        } finally {
          await floor.close();
        }
      }
    }
    const pg = await barePgQuery(signed.contentId, signed.organizationId);
    const bench = await pgbench();

    process.stdout.write(`\n${AS_FILED.join('\n')}\n\n/health/live\n`);
    printTable(
      COLUMNS,
      [...live].map(([name, figures]) => rowOf(name, figures)),
    );
    for (const workers of WORKER_COUNTS) {
      const contexor = live.get(contexorLabel(workers));
      const bare = live.get(floorLabel('bare Fastify', workers));
      const nest = live.get(floorLabel('bare Nest on Fastify (one controller)', workers));
      if (contexor?.max && bare?.max && nest?.max)
        process.stdout.write(
          `with ${workers}: Contexor/bare Fastify throughput ${ratio(contexor.max.requestsPerSecond, bare.max.requestsPerSecond)} (target >= 0.7x), ` +
            `bare Nest/bare Fastify ${ratio(nest.max.requestsPerSecond, bare.max.requestsPerSecond)}, ` +
            `Contexor/bare Nest ${ratio(contexor.max.requestsPerSecond, nest.max.requestsPerSecond)}\n`,
        );
    }

    process.stdout.write(
      '\nauthenticated GET /api/v1/contents/:id (target: >= 4,000 req/s; p99 < 10 ms at 2,000 req/s), and the same row below the framework\n',
    );
    const rows: (string | number)[][] = [...content].map(([name, figures]) => rowOf(name, figures));
    rows.push([
      'bare pg query of the row, from Node (pool of 10)',
      perSecond(pg.max),
      ms(pg.max),
      '-',
      ms(pg.fixed),
      0,
    ]);
    if (typeof bench === 'string') rows.push([`pgbench -S: ${bench}`, '-', '-', '-', '-', '-']);
    else
      rows.push([
        'pgbench -S (prepared; 10 clients at the fixed rate)',
        perSecond(bench.max),
        '-',
        '-',
        ms(bench.fixed),
        0,
      ]);
    printTable(COLUMNS, rows);
  },
};
