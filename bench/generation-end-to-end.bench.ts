import { availableParallelism } from 'node:os';
import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { Pool } from 'pg';
import { chatCompletionBody } from '../src/ai/infrastructure/openai/chat-request';
import { GENERATION_QUEUE } from '../src/content/infrastructure/bullmq/generation.queue';
import { DEFAULT_FAKE_OPENAI_REPLY } from '../test/fakes/fake-openai.server';
import { FakeKavenegarServer } from '../test/fakes/fake-kavenegar.server';
import { deleteKeys } from './support/redis-keys';
import { bootBenchApp, type BenchApp } from './support/bench-app';
import { newBenchOrganization } from './support/bench-organization';
import type { Benchmark } from './support/benchmark';
import { FakeOpenAiProcess } from './support/fake-openai-client';
import { measureCpu, type CpuSplit } from './support/cpu-budget';
import { profiled } from './support/cpu-profile';
import { collectsGarbage, sampleRss, settledRssMb } from './support/memory';
import { benchSettings } from './support/settings';
import { percentile } from './support/stats';
import { printTable } from './support/table';

const API_KEY = 'sk-bench';
const KAVENEGAR_KEY = 'bench-key';
const TEMPLATE = 'contexor-otp';
/** About 100 words, streamed one word per chunk. */
const REPLY = Array.from({ length: 5 }, () => DEFAULT_FAKE_OPENAI_REPLY).join(' ');
const PROMPT = 'یک متن کوتاه تبلیغاتی بنویس.';
const MAX_TOKENS = 400;
const MODEL = 'gpt-4.1-mini';
/**
 * Worker settings chosen so that neither is the bottleneck: 32 jobs at once per worker (more than
 * a 0 ms fake needs to reach the goal below), and a rate limit no run comes near (the production
 * default, 300 a minute, would be the whole measurement).
 */
const WORKER_CONCURRENCY = 32;
const RATE_LIMIT_PER_MINUTE = 1_000_000;
const AT_ONCE = 300;
const QUEUED = 1_000;
const GOAL_AT_ONCE_PER_SECOND = 200;
const GOAL_OVERHEAD_P50_MS = 10;
const REVIEW_TIMEOUT_MS = 120_000;

interface Scenario {
  latencyMs: number;
  /** Generate requests in flight at once (each waits for its content to reach REVIEW before the next). */
  clients: number;
  generations: number;
}

interface Figures {
  throughput: number;
  latencies: number[];
  /** Per generation, ms since epoch: POST sent and answered, job added, taken by the worker, REVIEW, job finished. */
  timelines?: Timeline[];
}

interface Timeline {
  sent: number;
  answered: number;
  added: number;
  processed: number;
  review: number;
  finished: number;
}

interface Org {
  token: string;
  organizationId: string;
  projectId: string;
}

async function request(
  app: BenchApp,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function call<T>(app: BenchApp, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const { status, text } = await request(app, method, path, token, body);
  if (status >= 300) throw new Error(`${method} ${path} answered ${status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Signs a new phone in, then makes an organization, workspace and project. */
function newOrganization(app: BenchApp, kavenegar: FakeKavenegarServer): Promise<Org> {
  return newBenchOrganization(app.baseUrl, kavenegar);
}

/** Runs `body` over `items`, `concurrency` at a time. */
async function eachLimited<T>(items: T[], concurrency: number, body: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await body(items[next++] as T);
    }),
  );
}

async function createContents(app: BenchApp, org: Org, count: number): Promise<string[]> {
  const ids: string[] = [];
  await eachLimited(
    Array.from({ length: count }, (_, i) => i),
    50,
    async (i) => {
      const content = await call<{ id: string }>(app, 'POST', `/projects/${org.projectId}/contents`, org.token, {
        title: `بنچ ${i}`,
        prompt: PROMPT,
        maxTokens: MAX_TOKENS,
      });
      ids.push(content.id);
    },
  );
  return ids;
}

/**
 * Waits until every content is in REVIEW, reading through the benchmark's own connections (not
 * the app's pool). Throws if one leaves IN_PROGRESS for anything else, or when time runs out.
 */
async function awaitReview(db: Pool, ids: string[]): Promise<void> {
  const deadline = Date.now() + REVIEW_TIMEOUT_MS;
  for (;;) {
    const { rows } = await db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM contents WHERE id = ANY($1) GROUP BY status',
      [ids],
    );
    const counts = Object.fromEntries(rows.map((row) => [row.status, row.n]));
    const review = counts.REVIEW ?? 0;
    if (review === ids.length) return;
    const other = rows.filter((row) => row.status !== 'REVIEW' && row.status !== 'IN_PROGRESS');
    if (other.length || Date.now() > deadline)
      throw new Error(`Generations did not all reach REVIEW: ${JSON.stringify(counts)} of ${ids.length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Milliseconds from `startedAt` (ms since epoch, per content) to the content's move to REVIEW (`updated_at`, same clock). */
async function reviewTimes(db: Pool, ids: string[]): Promise<{ id: string; at: number }[]> {
  const { rows } = await db.query<{ id: string; updated_at: Date }>(
    'SELECT id, updated_at FROM contents WHERE id = ANY($1)',
    [ids],
  );
  return rows.map((row) => ({ id: row.id, at: row.updated_at.getTime() }));
}

/**
 * The whole path a user waits on: POST /contents/:id/generate over HTTP → reservation, state change
 * (committed) → BullMQ → the worker's streamed call to the fake through the real `openai` SDK →
 * settle usage → content REVIEW. One process runs API and worker (APP_ROLE=all).
 * Latency is measured from just before the POST to the content's `updated_at` of its move to
 * REVIEW (same machine clock), so polling does not add to it; polling only says when all are done.
 */
async function runClients(
  app: BenchApp,
  db: Pool,
  fake: FakeOpenAiProcess,
  org: Org,
  scenario: Scenario,
): Promise<Figures> {
  await fake.setLatency(scenario.latencyMs);
  const ids = await createContents(app, org, scenario.generations);
  const startedAt = new Map<string, number>();
  const answers = new Map<string, { at: number; jobId: string }>();
  let next = 0;
  const wallStart = Date.now();
  await Promise.all(
    Array.from({ length: scenario.clients }, async () => {
      while (next < ids.length) {
        const id = ids[next++] as string;
        startedAt.set(id, Date.now());
        const answer = await request(app, 'POST', `/contents/${id}/generate`, org.token);
        if (answer.status !== 202) throw new Error(`POST /generate answered ${answer.status}: ${answer.text}`);
        answers.set(id, { at: Date.now(), jobId: (JSON.parse(answer.text) as { jobId: string }).jobId });
        await awaitReview(db, [id]);
      }
    }),
  );
  const finished = await reviewTimes(db, ids);
  const latencies = finished.map((row) => row.at - (startedAt.get(row.id) ?? 0)).sort((a, b) => a - b);
  const wallSeconds = (Math.max(...finished.map((row) => row.at)) - wallStart) / 1000;
  const queue = app.app.get<Queue>(getQueueToken(GENERATION_QUEUE));
  const timelines = await Promise.all(
    finished.map(async (row): Promise<Timeline> => {
      const answer = answers.get(row.id);
      const job = answer && (await queue.getJob(answer.jobId));
      return {
        sent: startedAt.get(row.id) ?? Number.NaN,
        answered: answer?.at ?? Number.NaN,
        added: job?.timestamp ?? Number.NaN,
        processed: job?.processedOn ?? Number.NaN,
        review: row.at,
        finished: job?.finishedOn ?? Number.NaN,
      };
    }),
  );
  return { throughput: scenario.generations / wallSeconds, latencies, timelines };
}

/** The p50 of each step of the timelines (ms), each step measured on its own. */
function printSteps(timelines: Timeline[], bareP50: number): void {
  const p50 = (step: (t: Timeline) => number) =>
    percentile(
      timelines.map(step).sort((a, b) => a - b),
      0.5,
    );
  printTable(
    ['step (p50 of each, 1 client, 0 ms fake)', 'ms'],
    [
      ['POST /generate sent → answered 202 (reserve, IN_PROGRESS, enqueue)', p50((t) => t.answered - t.sent)],
      ['job added → taken by the worker', p50((t) => t.processed - t.added)],
      ['taken → REVIEW (reads, model call, settle, complete)', p50((t) => t.review - t.processed)],
      ['  of which the bare model call (separate measure)', bareP50],
      ['REVIEW → job finished (events after commit)', p50((t) => t.finished - t.review)],
      ['request → REVIEW', p50((t) => t.review - t.sent)],
    ],
  );
}

/** The bare fake call: `count` streamed calls through the `openai` SDK alone, `concurrency` at a time. */
async function bareCalls(fake: FakeOpenAiProcess, count: number, concurrency: number): Promise<Figures> {
  const client = new OpenAI({ apiKey: API_KEY, baseURL: fake.baseUrl, maxRetries: 0, timeout: 30_000 });
  const body = chatCompletionBody({
    model: MODEL,
    messages: [{ role: 'user', content: PROMPT }],
    maxTokens: MAX_TOKENS,
  });
  const latencies: number[] = [];
  const started = performance.now();
  await eachLimited(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async () => {
      const t0 = performance.now();
      let text = '';
      for await (const chunk of await client.chat.completions.create(body))
        text += chunk.choices[0]?.delta?.content ?? '';
      latencies.push(performance.now() - t0);
      if (!text) throw new Error('The fake answered nothing');
    },
  );
  return { throughput: count / ((performance.now() - started) / 1000), latencies: latencies.sort((a, b) => a - b) };
}

/** Polls GET /health/ready every 100 ms (without waiting for the previous answer) until stopped. */
function pollReadiness(app: BenchApp) {
  const answers: { status: number; ms: number }[] = [];
  const pending = new Set<Promise<void>>();
  const poll = () => {
    const t0 = performance.now();
    const done: Promise<void> = fetch(`${app.baseUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) })
      .then(async (response) => {
        await response.arrayBuffer();
        answers.push({ status: response.status, ms: performance.now() - t0 });
      })
      .catch(() => void answers.push({ status: 0, ms: performance.now() - t0 }))
      .finally(() => pending.delete(done));
    pending.add(done);
  };
  poll();
  const timer = setInterval(poll, 100);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      const ms = answers.map((answer) => answer.ms).sort((a, b) => a - b);
      return {
        polls: answers.length,
        notOk: answers.filter((answer) => answer.status !== 200).length,
        p50: percentile(ms, 0.5),
        max: ms.at(-1) ?? Number.NaN,
      };
    },
  };
}

/** Every POST /generate at once against the 0 ms fake; counts answers, REVIEWs and readiness meanwhile. */
async function runAtOnce(app: BenchApp, db: Pool, fake: FakeOpenAiProcess, org: Org, problems: string[]) {
  await fake.setLatency(0);
  const ids = await createContents(app, org, AT_ONCE);
  const statuses = new Map<number, number>();
  const readiness = pollReadiness(app);
  const wallStart = Date.now();
  const answers = await Promise.all(
    ids.map(async (id) => {
      const t0 = performance.now();
      const answer = await request(app, 'POST', `/contents/${id}/generate`, org.token).catch((error: unknown) => ({
        status: 0,
        text: String(error),
      }));
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      return { ...answer, ms: performance.now() - t0 };
    }),
  );
  const accepted = answers.filter((answer) => answer.status === 202).length;
  if (accepted !== AT_ONCE) {
    const sample = answers.find((answer) => answer.status !== 202);
    problems.push(
      `${AT_ONCE} generates at once: ${AT_ONCE - accepted} answers other than 202 (${JSON.stringify(Object.fromEntries(statuses))}), e.g. ${sample?.status} ${sample?.text.slice(0, 300)}`,
    );
  }
  try {
    await awaitReview(
      db,
      ids.filter((_, i) => answers[i]?.status === 202),
    );
  } catch (error) {
    problems.push(`${AT_ONCE} generates at once: ${error instanceof Error ? error.message : String(error)}`);
  }
  const finished = await reviewTimes(db, ids);
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM contents WHERE id = ANY($1) AND status = 'REVIEW'",
    [ids],
  );
  const review = rows[0]?.n ?? 0;
  const ready = await readiness.stop();
  const wallSeconds = (Math.max(...finished.map((row) => row.at)) - wallStart) / 1000;
  const answerMs = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  return {
    statuses: [...statuses.entries()].map(([status, n]) => `${n}× ${status || 'no answer'}`).join(', '),
    review,
    throughput: review / wallSeconds,
    answerP50: percentile(answerMs, 0.5),
    answerMax: answerMs.at(-1) ?? Number.NaN,
    ready,
  };
}

/**
 * An API process with no worker (APP_ROLE=api, its own REDIS_PREFIX so no other app's worker takes
 * its jobs), signed in through another app: RSS before, right after 1 000 POST /generate (all queued, none run) and a few seconds later.
 */
async function runQueued(appEnv: Record<string, string>, org: Org, db: Pool, problems: string[]) {
  const prefix = `${benchSettings.redisPrefix}-queued-${Date.now()}`;
  const app = await bootBenchApp({ ...appEnv, APP_ROLE: 'api', REDIS_PREFIX: prefix });
  const queue = app.app.get<Queue>(getQueueToken(GENERATION_QUEUE));
  try {
    const ids = await createContents(app, org, QUEUED);
    const token = org.token;
    const before = await settledRssMb();
    const sampler = sampleRss();
    const statuses = new Map<number, number>();
    const started = performance.now();
    await eachLimited(ids, 50, async (id) => {
      const answer = await request(app, 'POST', `/contents/${id}/generate`, token);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    });
    const enqueueSeconds = (performance.now() - started) / 1000;
    const peak = sampler.stop();
    const after = await settledRssMb();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const later = await settledRssMb();
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
    if ((statuses.get(202) ?? 0) !== QUEUED)
      problems.push(`${QUEUED} queued generations: answers ${JSON.stringify(Object.fromEntries(statuses))}`);
    return { before, after, later, peak, enqueueSeconds, waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) };
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await app.close();
    // Nothing will run these: leave no IN_PROGRESS content or held reservation for a later run's recovery job.
    await db.query('DELETE FROM contents WHERE organization_id = $1', [org.organizationId]);
    await db.query("DELETE FROM usage_reservations WHERE organization_id = $1 AND status = 'RESERVED'", [
      org.organizationId,
    ]);
    const redis = new Redis(app.config.redis.url, { maxRetriesPerRequest: 2 });
    await deleteKeys(redis, `${prefix}:*`);
    await redis.quit();
  }
}

const goal = (met: boolean) => (met ? 'met' : 'MISSED');

/**
 * The CPU one generation cost the whole machine during the 300-at-once phase, by process: what a
 * throughput goal is up against on this many cores.
 */
function printCpuBudget(split: CpuSplit, generations: number, bare?: CpuSplit): void {
  const per = (ms: number) => (generations ? ms / generations : Number.NaN);
  const perBare = (ms: number | undefined) => (ms === undefined ? '' : (ms / AT_ONCE).toFixed(2));
  const cores = availableParallelism();
  const rest = split.machineMs - split.thisProcessMs - split.otherProcessMs;
  process.stdout.write(`\nCPU per generation during the ${AT_ONCE} at once (whole machine, ${cores} cores):\n`);
  printTable(
    ['where', 'CPU ms per generation', 'share', `bare SDK call (baseline, ${WORKER_CONCURRENCY} at a time)`],
    [
      [
        'this process: the app (APP_ROLE=all) and the benchmark’s HTTP client',
        per(split.thisProcessMs),
        `${((split.thisProcessMs / split.machineMs) * 100).toFixed(0)} %`,
        perBare(bare?.thisProcessMs),
      ],
      [
        'the fake OpenAI process (105 SSE chunks per reply)',
        per(split.otherProcessMs),
        `${((split.otherProcessMs / split.machineMs) * 100).toFixed(0)} %`,
        perBare(bare?.otherProcessMs),
      ],
      [
        'the rest: PostgreSQL, Redis, the kernel',
        per(rest),
        `${((rest / split.machineMs) * 100).toFixed(0)} %`,
        perBare(bare && bare.machineMs - bare.thisProcessMs - bare.otherProcessMs),
      ],
      [
        'whole machine',
        per(split.machineMs),
        `${((split.machineMs / (split.wallMs * cores)) * 100).toFixed(0)} % of ${cores} cores busy`,
        perBare(bare?.machineMs),
      ],
      [
        `budget at ${GOAL_AT_ONCE_PER_SECOND} generations/s on ${cores} cores`,
        (cores * 1000) / GOAL_AT_ONCE_PER_SECOND,
        '',
        '',
      ],
    ],
  );
}

/** Every scenario and the done-when table, against the fake OpenAI process `fake` (its reply set). */
async function measure(fake: FakeOpenAiProcess): Promise<void> {
  const kavenegar = await FakeKavenegarServer.start({ apiKey: KAVENEGAR_KEY, templates: [TEMPLATE] });
  const appEnv = {
    OPENAI_API_KEY: API_KEY,
    OPENAI_BASE_URL: fake.baseUrl,
    AI_CONCURRENCY: String(WORKER_CONCURRENCY),
    AI_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
    SMS_DRIVER: 'kavenegar',
    KAVENEGAR_API_KEY: KAVENEGAR_KEY,
    KAVENEGAR_BASE_URL: kavenegar.baseUrl,
    KAVENEGAR_OTP_TEMPLATE: TEMPLATE,
  };
  const prefix = `${benchSettings.redisPrefix}-gen-${Date.now()}`;
  const app = await bootBenchApp({ ...appEnv, APP_ROLE: 'all', REDIS_PREFIX: prefix });
  // The benchmark's own reads, so that its polling never takes a connection of the app's pool.
  const db = new Pool({ connectionString: benchSettings.databaseUrl, max: 4 });
  const problems: string[] = [];
  try {
    const org = await newOrganization(app, kavenegar);
    process.stdout.write(
      `APP_ROLE=all in this process, DB_POOL_SIZE ${app.config.database.poolSize}, AI_CONCURRENCY ${WORKER_CONCURRENCY}, ` +
        `AI_RATE_LIMIT_PER_MINUTE ${RATE_LIMIT_PER_MINUTE.toLocaleString('en-US')}, reply of ${REPLY.split(/\s+/).length} words streamed word by word.\n` +
        `Each client sends POST /generate, waits for REVIEW, then sends the next. Latency: request → REVIEW (updated_at).\n` +
        `The fake OpenAI runs in its own process (forked, pid ${fake.pid}), so its streaming is not charged to this one.\n\n`,
    );
    await runClients(app, db, fake, org, { latencyMs: 0, clients: 4, generations: 20 }); // warm-up
    await bareCalls(fake, 50, 4); // warm-up
    const scenarios: Scenario[] = [
      { latencyMs: 0, clients: 1, generations: 50 },
      { latencyMs: 0, clients: 16, generations: 300 },
      { latencyMs: 500, clients: 1, generations: 10 },
      { latencyMs: 500, clients: 16, generations: 160 },
    ];
    const rows: (string | number)[][] = [];
    let oneClient: Figures | undefined;
    for (const scenario of scenarios) {
      const figures = await runClients(app, db, fake, org, scenario);
      if (scenario.latencyMs === 0 && scenario.clients === 1) oneClient = figures;
      const { latencies } = figures;
      rows.push([
        `${scenario.latencyMs} ms`,
        scenario.clients,
        scenario.generations,
        figures.throughput,
        percentile(latencies, 0.5),
        percentile(latencies, 0.95),
        percentile(latencies, 0.99),
        percentile(latencies, 0.5) - scenario.latencyMs,
      ]);
    }
    printTable(
      ['fake latency', 'clients', 'generations', 'gen/s', 'p50 ms', 'p95 ms', 'p99 ms', 'p50 overhead ms'],
      rows,
    );

    // Pipeline overhead at 1 client: request → REVIEW minus the bare call itself.
    await fake.setLatency(0);
    const bareOne = await bareCalls(fake, 50, 1);
    const bareP50 = percentile(bareOne.latencies, 0.5);
    const e2e = oneClient?.latencies ?? [];
    const overheadP50 = percentile(e2e, 0.5) - bareP50;
    const overheadP95 = percentile(e2e, 0.95) - bareP50;
    process.stdout.write('\n');
    printSteps(oneClient?.timelines ?? [], bareP50);

    // 300 at once, against the bare calls at the worker's concurrency.
    const { result: atOnce, split } = await measureCpu(fake.pid, () =>
      profiled('generation-at-once', () => runAtOnce(app, db, fake, org, problems)),
    );
    const { result: bareAtOnce, split: bareSplit } = await measureCpu(fake.pid, () =>
      bareCalls(fake, AT_ONCE, WORKER_CONCURRENCY),
    );

    // An API process has no worker to send sign-in codes: its organization is made through this app.
    const queuedOrg = await newOrganization(app, kavenegar);
    await app.close();
    const queued = await runQueued(appEnv, queuedOrg, db, problems);

    process.stdout.write('\nDone when (fake at 0 ms; each beside its baseline from this run):\n');
    printTable(
      ['measure', 'figure', 'baseline', 'goal', ''],
      [
        [
          `${AT_ONCE} generates at once: answers`,
          atOnce.statuses,
          '',
          `all 202`,
          goal(atOnce.statuses === `${AT_ONCE}× 202`),
        ],
        [`  reached REVIEW`, `${atOnce.review} of ${AT_ONCE}`, '', `all`, goal(atOnce.review === AT_ONCE)],
        [
          `  generations/s end to end`,
          atOnce.throughput.toFixed(1),
          `${bareAtOnce.throughput.toFixed(1)} bare calls/s at ${WORKER_CONCURRENCY}`,
          `≥ ${GOAL_AT_ONCE_PER_SECOND}`,
          goal(atOnce.throughput >= GOAL_AT_ONCE_PER_SECOND),
        ],
        [
          `  POST /generate answer p50 / max ms`,
          `${atOnce.answerP50.toFixed(0)} / ${atOnce.answerMax.toFixed(0)}`,
          '',
          '',
          '',
        ],
        [
          `  GET /health/ready every 100 ms: non-200`,
          `${atOnce.ready.notOk} of ${atOnce.ready.polls}`,
          `p50 ${atOnce.ready.p50.toFixed(0)} ms, max ${atOnce.ready.max.toFixed(0)} ms`,
          '0',
          goal(atOnce.ready.notOk === 0),
        ],
        [
          'Pipeline overhead at 1 client, p50',
          `${overheadP50.toFixed(1)} ms`,
          `bare call p50 ${bareP50.toFixed(1)} ms`,
          `< ${GOAL_OVERHEAD_P50_MS} ms`,
          goal(overheadP50 < GOAL_OVERHEAD_P50_MS),
        ],
        [
          '  p95',
          `${overheadP95.toFixed(1)} ms`,
          `bare call p95 ${percentile(bareOne.latencies, 0.95).toFixed(1)} ms`,
          '',
          '',
        ],
        [
          `${QUEUED.toLocaleString('en-US')} queued (APP_ROLE=api): RSS before → after → +5 s`,
          `${queued.before.toFixed(0)} → ${queued.after.toFixed(0)} → ${queued.later.toFixed(0)} MiB`,
          `growth ${(queued.later - queued.before).toFixed(1)} MiB, peak ${queued.peak.toFixed(0)} MiB`,
          '',
          '',
        ],
        [
          `  jobs waiting / enqueue time`,
          `${queued.waiting}`,
          `${queued.enqueueSeconds.toFixed(1)} s for ${QUEUED.toLocaleString('en-US')}`,
          `${QUEUED}`,
          goal(queued.waiting === QUEUED),
        ],
      ],
    );
    process.stdout.write(
      `RSS ${collectsGarbage ? 'after a full garbage collection' : 'sampled (no gc available)'}, whole process (the fake Kavenegar included; the fake OpenAI is another process).\n`,
    );
    if (split) printCpuBudget(split, atOnce.review, bareSplit);
  } finally {
    await app.close().catch(() => undefined);
    await db.end();
    const redis = new Redis(app.config.redis.url, { maxRetriesPerRequest: 2 });
    await deleteKeys(redis, `${prefix}:*`);
    await redis.quit();
    await kavenegar.stop();
  }
  if (problems.length) throw new Error(`generation-end-to-end failed:\n- ${problems.join('\n- ')}`);
}

export const benchmark: Benchmark = {
  name: 'generation-end-to-end',
  description:
    'POST /contents/:id/generate → REVIEW through HTTP, PostgreSQL, BullMQ, the worker and the openai SDK, fake at 0 and 500 ms; 300 at once; overhead at 1 client; RSS of 1 000 queued',
  async run() {
    Logger.overrideLogger(false);
    // In its own process, as a real OpenAI is another machine: its streaming is not charged to the app.
    const fake = await FakeOpenAiProcess.start({ apiKey: API_KEY });
    try {
      await fake.respondWith(REPLY);
      await measure(fake);
    } finally {
      await fake.stop();
    }
  },
};
