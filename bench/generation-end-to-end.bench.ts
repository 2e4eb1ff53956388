import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_FAKE_OPENAI_REPLY, FakeOpenAiServer } from '../test/fakes/fake-openai.server';
import { FakeKavenegarServer } from '../test/fakes/fake-kavenegar.server';
import { bootBenchApp, type BenchApp } from './support/bench-app';
import type { Benchmark } from './support/benchmark';
import { benchSettings } from './support/settings';
import { percentile } from './support/stats';
import { printTable } from './support/table';

const API_KEY = 'sk-bench';
const KAVENEGAR_KEY = 'bench-key';
const TEMPLATE = 'contexor-otp';
/** About 100 words, streamed one word per chunk. */
const REPLY = Array.from({ length: 5 }, () => DEFAULT_FAKE_OPENAI_REPLY).join(' ');
const WORKER_CONCURRENCY = 32;

interface Scenario {
  latencyMs: number;
  /** Generate requests in flight at once (each waits for its content to reach REVIEW before the next). */
  clients: number;
  generations: number;
}

async function call<T>(app: BenchApp, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${app.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs a new phone in through the real OTP flow (the fake Kavenegar receives the code). */
async function signIn(app: BenchApp, kavenegar: FakeKavenegarServer): Promise<string> {
  const phone = `0912${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
  const since = kavenegar.messages.length;
  await call(app, 'POST', '/auth/otp/request', null, { phone });
  const message = await kavenegar.waitForMessage(phone, 10_000, since);
  const session = await call<{ accessToken: string }>(app, 'POST', '/auth/otp/verify', null, {
    phone,
    code: message.token,
  });
  return session.accessToken;
}

/**
 * The whole path a user waits on: POST /contents/:id/generate over HTTP → reservation, state change
 * and job in one transaction → BullMQ → the worker's streamed call to the fake through the real
 * `openai` SDK → settle usage → content REVIEW. One process runs API and worker (APP_ROLE=all).
 * Latency is measured from just before the POST to the content's `updated_at` of its move to
 * REVIEW (same machine clock), so polling does not add to it; polling only says when all are done.
 */
async function runScenario(
  app: BenchApp,
  fake: FakeOpenAiServer,
  token: string,
  projectId: string,
  scenario: Scenario,
): Promise<number[][]> {
  fake.setLatency(scenario.latencyMs);
  const contents = await Promise.all(
    Array.from({ length: scenario.generations }, (_, i) =>
      call<{ id: string }>(app, 'POST', `/projects/${projectId}/contents`, token, {
        title: `بنچ ${i}`,
        prompt: 'یک متن کوتاه تبلیغاتی بنویس.',
        maxTokens: 400,
      }),
    ),
  );
  const dataSource = app.app.get(DataSource);
  const startedAt = new Map<string, number>();
  let next = 0;
  const wallStart = Date.now();
  await Promise.all(
    Array.from({ length: scenario.clients }, async () => {
      while (next < contents.length) {
        const content = contents[next++];
        if (!content) return;
        startedAt.set(content.id, Date.now());
        await call(app, 'POST', `/contents/${content.id}/generate`, token);
        for (;;) {
          const rows: { status: string }[] = await dataSource.query('SELECT status FROM contents WHERE id = $1', [
            content.id,
          ]);
          if (rows[0]?.status === 'REVIEW') break;
          if (rows[0]?.status !== 'IN_PROGRESS') throw new Error(`Content ${content.id} ended ${rows[0]?.status}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    }),
  );
  const finished: { id: string; updated_at: Date }[] = await dataSource.query(
    'SELECT id, updated_at FROM contents WHERE id = ANY($1)',
    [contents.map((content) => content.id)],
  );
  const latencies = finished
    .map((row) => row.updated_at.getTime() - (startedAt.get(row.id) ?? 0))
    .sort((a, b) => a - b);
  const wallSeconds = (Math.max(...finished.map((row) => row.updated_at.getTime())) - wallStart) / 1000;
  return [[scenario.generations / wallSeconds], latencies];
}

export const benchmark: Benchmark = {
  name: 'generation-end-to-end',
  description:
    'POST /contents/:id/generate → REVIEW through HTTP, PostgreSQL, BullMQ, the worker and the openai SDK, fake at 0 and 500 ms',
  async run() {
    Logger.overrideLogger(false);
    const fake = await FakeOpenAiServer.start({ apiKey: API_KEY });
    const kavenegar = await FakeKavenegarServer.start({ apiKey: KAVENEGAR_KEY, templates: [TEMPLATE] });
    fake.respondWith(REPLY);
    const app = await bootBenchApp({
      APP_ROLE: 'all',
      REDIS_PREFIX: `${benchSettings.redisPrefix}-gen-${Date.now()}`,
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: fake.baseUrl,
      AI_CONCURRENCY: String(WORKER_CONCURRENCY),
      // The production default (300 jobs a minute) would be the whole measurement; here the pipeline is.
      AI_RATE_LIMIT_PER_MINUTE: '1000000',
      SMS_DRIVER: 'kavenegar',
      KAVENEGAR_API_KEY: KAVENEGAR_KEY,
      KAVENEGAR_BASE_URL: kavenegar.baseUrl,
      KAVENEGAR_OTP_TEMPLATE: TEMPLATE,
    });
    try {
      const token = await signIn(app, kavenegar);
      const org = await call<{ id: string }>(app, 'POST', '/organizations', token, { name: 'بنچمارک' });
      const workspace = await call<{ id: string }>(app, 'POST', `/organizations/${org.id}/workspaces`, token, {
        name: 'فضای کار',
      });
      const project = await call<{ id: string }>(app, 'POST', `/workspaces/${workspace.id}/projects`, token, {
        name: 'پروژه',
      });
      process.stdout.write(
        `APP_ROLE=all in this process, worker concurrency ${WORKER_CONCURRENCY}, reply of ${REPLY.split(/\s+/).length} words streamed word by word.\n` +
          `Each client sends POST /generate, waits for REVIEW, then sends the next. Latency: request → REVIEW.\n\n`,
      );
      await runScenario(app, fake, token, project.id, { latencyMs: 0, clients: 4, generations: 20 }); // warm-up
      const scenarios: Scenario[] = [
        { latencyMs: 0, clients: 1, generations: 50 },
        { latencyMs: 0, clients: 16, generations: 300 },
        { latencyMs: 500, clients: 1, generations: 10 },
        { latencyMs: 500, clients: 16, generations: 160 },
      ];
      const rows: (string | number)[][] = [];
      for (const scenario of scenarios) {
        const [[throughput = 0], latencies = []] = await runScenario(app, fake, token, project.id, scenario);
        rows.push([
          `${scenario.latencyMs} ms`,
          scenario.clients,
          scenario.generations,
          throughput,
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
    } finally {
      await app.close();
      await kavenegar.stop();
      await fake.stop();
    }
  },
};
