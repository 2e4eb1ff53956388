import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { loadConfig, type AppConfig } from '#libs/config';
import type { GenerationEvents } from '../src/ai/application/ports/generation-events';
import { GenerateContentUseCase } from '../src/ai/application/use-cases/generate-content.use-case';
import { OpenAiLlmClient } from '../src/ai/infrastructure/openai/openai-llm-client';
import { RedisGenerationEvents } from '../src/ai/infrastructure/redis/redis-generation-events';
import { TiktokenTokenCounter } from '../src/ai/infrastructure/tiktoken/tiktoken-token-counter';
import {
  InMemoryCompletedCalls,
  InMemoryGenerationSource,
  makeGenerationRequest,
  NullGenerationEvents,
  RecordingGenerationOutcome,
} from '../test/fakes/ai/in-memory-generation-ports';
import { DEFAULT_FAKE_OPENAI_REPLY, FakeOpenAiServer } from '../test/fakes/fake-openai.server';
import type { Benchmark } from './support/benchmark';
import { benchSettings } from './support/settings';
import { percentile } from './support/stats';
import { printTable } from './support/table';

/** About 100 words: the fake streams one word per chunk, so ~100 deltas per generation. */
const REPLY = Array.from({ length: 5 }, () => DEFAULT_FAKE_OPENAI_REPLY).join(' ');
const DELTAS_PER_GENERATION = REPLY.split(/\s+/).length;
const API_KEY = 'sk-bench';

interface Scenario {
  latencyMs: number;
  concurrency: number;
  events: 'none' | 'redis';
}

interface Figures {
  generations: number;
  seconds: number;
  latenciesMs: number[];
}

/**
 * Runs `count` generations through GenerateContentUseCase with the real OpenAiLlmClient (the
 * `openai` SDK over HTTP) against the in-process fake, `concurrency` at a time, as a worker with
 * AI_CONCURRENCY = concurrency would. Content and usage are in memory.
 */
async function run(config: AppConfig, events: GenerationEvents, scenario: Scenario, count: number): Promise<Figures> {
  const requests = Array.from({ length: count }, () => makeGenerationRequest({ contentId: randomUUID() }));
  const source = new InMemoryGenerationSource(...requests);
  const generate = new GenerateContentUseCase(
    source,
    new OpenAiLlmClient(config),
    events,
    new RecordingGenerationOutcome(source),
    new InMemoryCompletedCalls(),
  );
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: scenario.concurrency }, async () => {
      while (next < requests.length) {
        const request = requests[next++];
        if (!request) return;
        const t0 = performance.now();
        const result = await generate.execute({
          contentId: request.contentId,
          organizationId: request.organizationId,
          jobId: randomUUID(),
          reservationId: null,
          requestedBy: 'bench',
          attempt: 1,
          maxAttempts: 5,
        });
        latenciesMs.push(performance.now() - t0);
        if (result.outcome !== 'completed') throw new Error(`Generation ${request.contentId} was ${result.outcome}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { generations: latenciesMs.length, seconds, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

/** Enough generations for about `benchSettings.durationSeconds` at the expected rate, within bounds. */
function countFor(scenario: Scenario, zeroLatencyRate: number): number {
  const expectedRate =
    scenario.latencyMs > 0 ? scenario.concurrency / (scenario.latencyMs / 1000 + 0.05) : zeroLatencyRate;
  return Math.max(scenario.concurrency * 2, Math.min(5_000, Math.round(expectedRate * benchSettings.durationSeconds)));
}

async function measureTokenCounter(): Promise<{ firstCallMs: number; perCallUs: number }> {
  const counter = new TiktokenTokenCounter();
  const messages = makeGenerationRequest({
    messages: [
      { role: 'system', content: 'You write short Persian marketing copy.' },
      { role: 'user', content: REPLY },
    ],
  }).messages;
  let t0 = performance.now();
  await counter.countChat('gpt-4.1-mini', messages);
  const firstCallMs = performance.now() - t0;
  const calls = 2_000;
  t0 = performance.now();
  for (let i = 0; i < calls; i++) await counter.countChat('gpt-4.1-mini', messages);
  return { firstCallMs, perCallUs: ((performance.now() - t0) * 1000) / calls };
}

export const benchmark: Benchmark = {
  name: 'ai-generation',
  description:
    'GenerateContentUseCase with the real openai SDK against the local fake (0 and 500 ms latency), live events off and over Redis',
  async run() {
    Logger.overrideLogger(false); // the use case logs every generation; Nest apps booted later set their own logger
    const fake = await FakeOpenAiServer.start({ apiKey: API_KEY });
    const env = benchSettings.appEnv();
    const config = loadConfig({
      ...env,
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_TIMEOUT_MS: '30000',
      LOG_LEVEL: 'silent',
    });
    const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 2 });
    const redisEvents = new RedisGenerationEvents(redis, config);
    const eventsFor = (scenario: Scenario): GenerationEvents =>
      scenario.events === 'redis' ? redisEvents : new NullGenerationEvents();
    fake.respondWith(REPLY);
    try {
      process.stdout.write(
        `Reply of ${DELTAS_PER_GENERATION} words = as many streamed chunks (deltas) per generation; the fake runs in this process.\n` +
          `Latency = the fake's delay before the first byte. Live events: none, or every delta published to Redis (XADD + PUBLISH).\n\n`,
      );
      // Warm-up: JIT, keep-alive connections, Redis scripts.
      await run(config, redisEvents, { latencyMs: 0, concurrency: 4, events: 'redis' }, 50);
      const warm = await run(config, new NullGenerationEvents(), { latencyMs: 0, concurrency: 4, events: 'none' }, 100);
      const zeroLatencyRate = warm.generations / warm.seconds;

      const scenarios: Scenario[] = [];
      for (const latencyMs of [0, 500]) {
        for (const concurrency of [1, 4, 32]) {
          for (const events of ['none', 'redis'] as const) scenarios.push({ latencyMs, concurrency, events });
        }
      }
      const rows: (string | number)[][] = [];
      for (const scenario of scenarios) {
        fake.setLatency(scenario.latencyMs);
        const figures = await run(config, eventsFor(scenario), scenario, countFor(scenario, zeroLatencyRate));
        const sorted = figures.latenciesMs;
        rows.push([
          `${scenario.latencyMs} ms`,
          scenario.concurrency,
          scenario.events,
          figures.generations,
          figures.generations / figures.seconds,
          (figures.generations * DELTAS_PER_GENERATION) / figures.seconds,
          percentile(sorted, 0.5),
          percentile(sorted, 0.9),
          percentile(sorted, 0.99),
          percentile(sorted, 0.5) - scenario.latencyMs,
        ]);
      }
      printTable(
        [
          'latency',
          'concurrency',
          'live events',
          'generations',
          'gen/s',
          'deltas/s',
          'p50 ms',
          'p90 ms',
          'p99 ms',
          'p50 overhead ms',
        ],
        rows,
      );

      const tokens = await measureTokenCounter();
      process.stdout.write(
        `\nTokenCounter (js-tiktoken lite, o200k_base): first call ${tokens.firstCallMs.toFixed(0)} ms (loads the rank), then ${tokens.perCallUs.toFixed(1)} µs per ${REPLY.length}-character chat\n`,
      );
    } finally {
      await redisEvents.onApplicationShutdown();
      await deleteKeys(redis, `${config.redis.prefix}:ai:*`);
      await redis.quit();
      await fake.stop();
    }
  },
};

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
