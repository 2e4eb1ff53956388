import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { loadConfig, type AppConfig } from '#libs/config';
import type { GenerationEvents } from '../src/ai/application/ports/generation-events';
import { PublishGenerationEventUseCase } from '../src/ai/application/use-cases/publish-generation-event.use-case';
import { StreamChatCompletionUseCase } from '../src/ai/application/use-cases/stream-chat-completion.use-case';
import { OpenAiLlmClient } from '../src/ai/infrastructure/openai/openai-llm-client';
import { RedisGenerationEvents } from '../src/ai/infrastructure/redis/redis-generation-events';
import { TiktokenTokenCounter } from '../src/ai/infrastructure/tiktoken/tiktoken-token-counter';
import type { GenerationJob } from '../src/content/application/ports/generation-queue';
import { GenerateContentUseCase } from '../src/content/application/use-cases/generation/generate-content.use-case';
import { makeContent, T0 } from '../test/factories/content.factory';
import { NullGenerationEvents } from '../test/fakes/ai/in-memory-generation-ports';
import { contentPorts } from '../test/fakes/content/content-ports';
import { deploymentProvider, FakeBudget, InMemoryCompletedCalls } from '../test/fakes/content/generation-fakes';
import { DEFAULT_FAKE_OPENAI_REPLY } from '../test/fakes/fake-openai.server';
import { deleteKeys } from './support/redis-keys';
import type { Benchmark } from './support/benchmark';
import { CountingGenerationEvents } from './support/counting-generation-events';
import { FakeOpenAiProcess } from './support/fake-openai-client';
import { benchSettings } from './support/settings';
import { percentile } from './support/stats';
import { printTable } from './support/table';

/** About 100 words: the fake streams one word per chunk, so ~100 model deltas per generation. */
const REPLY = Array.from({ length: 5 }, () => DEFAULT_FAKE_OPENAI_REPLY).join(' ');
const CHUNKS_PER_GENERATION = REPLY.split(/\s+/).length;
const API_KEY = 'sk-bench';
/** Each scenario runs about this long (the whole `npm run bench -- generation` has to stay within minutes). */
const SCENARIO_SECONDS = 3;

interface Scenario {
  /** The fake's delay before the first byte. */
  latencyMs: number;
  /** The fake's delay before each chunk: 0 streams the reply in one burst, 10 spreads it over about a second. */
  chunkDelayMs: number;
  concurrency: number;
  events: 'none' | 'redis';
}

interface Figures {
  generations: number;
  seconds: number;
  latenciesMs: number[];
  publishes: number;
  deltaPublishes: number;
}

/**
 * Runs `count` generations through the worker's GenerateContentUseCase (content context) with the
 * ai gateway's real StreamChatCompletionUseCase and OpenAiLlmClient (the `openai` SDK over HTTP)
 * against the fake (in its own process), `concurrency` at a time, as a worker with AI_CONCURRENCY =
 * concurrency would. Contents, completed calls and usage are in memory (test/fakes); live events
 * go to `events`, counted on the way.
 */
async function run(config: AppConfig, inner: GenerationEvents, scenario: Scenario, count: number): Promise<Figures> {
  const ports = contentPorts();
  const budget = new FakeBudget();
  const events = new CountingGenerationEvents(inner);
  const publish = new PublishGenerationEventUseCase(events);
  const stream = new StreamChatCompletionUseCase(new OpenAiLlmClient(config, new TiktokenTokenCounter()), publish);
  const generate = new GenerateContentUseCase(
    ports.contents,
    new InMemoryCompletedCalls(),
    budget.check,
    stream,
    budget.settle,
    budget.release,
    ports.events,
    publish,
    ports.clock,
    ports.uow,
    deploymentProvider,
  );
  const jobs: { jobId: string; job: GenerationJob }[] = [];
  for (let i = 0; i < count; i += 1) {
    const jobId = randomUUID();
    const content = makeContent({ organizationId: ports.organizationId, maxTokens: 400 });
    content.startGeneration(jobId, T0);
    await ports.store(content);
    await budget.reserve.execute({
      reservationId: jobId,
      organizationId: ports.organizationId,
      userId: ports.editor.actor.userId,
      model: 'gpt-4.1-mini',
      promptTokens: 20,
      maxTokens: 400,
    });
    jobs.push({
      jobId,
      job: {
        contentId: content.id,
        organizationId: ports.organizationId,
        reservationId: jobId,
        requestedBy: ports.editor.actor.userId,
      },
    });
  }
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: scenario.concurrency }, async () => {
      for (let queued = jobs[next++]; queued; queued = jobs[next++]) {
        const t0 = performance.now();
        const result = await generate.execute({ ...queued, attempt: 1, maxAttempts: 5 });
        latenciesMs.push(performance.now() - t0);
        if (result.outcome !== 'completed' || result.status !== 'REVIEW')
          throw new Error(`Generation ${queued.job.contentId} ended ${JSON.stringify(result)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    generations: latenciesMs.length,
    seconds,
    latenciesMs: latenciesMs.sort((a, b) => a - b),
    publishes: events.count(),
    deltaPublishes: events.count('delta'),
  };
}

/** Enough generations for about SCENARIO_SECONDS at the expected rate, within bounds. */
function countFor(scenario: Scenario, burstRate: number): number {
  const streamSeconds = (scenario.chunkDelayMs * CHUNKS_PER_GENERATION) / 1000;
  const callSeconds = scenario.latencyMs / 1000 + streamSeconds;
  const expectedRate = callSeconds > 0 ? scenario.concurrency / (callSeconds + 0.02) : burstRate;
  return Math.max(scenario.concurrency * 2, 8, Math.min(3_000, Math.round(expectedRate * SCENARIO_SECONDS)));
}

async function measureTokenCounter(): Promise<{ firstCallMs: number; perCallUs: number }> {
  const counter = new TiktokenTokenCounter();
  const messages = [
    { role: 'system' as const, content: 'You write short Persian marketing copy.' },
    { role: 'user' as const, content: REPLY },
  ];
  let t0 = performance.now();
  await counter.countChat('gpt-4.1-mini', messages);
  const firstCallMs = performance.now() - t0;
  const calls = 2_000;
  t0 = performance.now();
  for (let i = 0; i < calls; i++) await counter.countChat('gpt-4.1-mini', messages);
  return { firstCallMs, perCallUs: ((performance.now() - t0) * 1000) / calls };
}

/** Every scenario and the token counter, against the fake OpenAI process `fake` (its reply set). */
async function measure(fake: FakeOpenAiProcess): Promise<void> {
  const config = loadConfig({
    ...benchSettings.appEnv(),
    OPENAI_API_KEY: API_KEY,
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_TIMEOUT_MS: '30000',
  });
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 2 });
  const redisEvents = new RedisGenerationEvents(redis, config);
  const eventsFor = (scenario: Scenario): GenerationEvents =>
    scenario.events === 'redis' ? redisEvents : new NullGenerationEvents();
  try {
    process.stdout.write(
      `Reply of ${CHUNKS_PER_GENERATION} words, streamed one word per chunk by the fake (in its own process, pid ${fake.pid}). Latency = the fake's delay\n` +
        `before the first byte; stream = all chunks at once, or one every 10 ms (about 1 s per reply). Live events: none, or\n` +
        `published to Redis (XADD + PUBLISH, deltas coalesced every 50 ms). publishes/gen counts every live event of a\n` +
        `generation (status, delta, done, status); before coalescing it was one delta per chunk, about ${CHUNKS_PER_GENERATION + 3}.\n\n`,
    );
    // Warm-up: JIT, keep-alive connections, Redis scripts.
    const warmup: Scenario = { latencyMs: 0, chunkDelayMs: 0, concurrency: 4, events: 'redis' };
    await run(config, redisEvents, warmup, 50);
    const warm = await run(config, new NullGenerationEvents(), { ...warmup, events: 'none' }, 100);
    const burstRate = warm.generations / warm.seconds;

    const scenarios: Scenario[] = [];
    for (const latencyMs of [0, 500]) {
      for (const concurrency of [1, 4, 32]) {
        for (const events of ['none', 'redis'] as const)
          scenarios.push({ latencyMs, chunkDelayMs: 0, concurrency, events });
      }
    }
    for (const concurrency of [1, 32]) scenarios.push({ latencyMs: 0, chunkDelayMs: 10, concurrency, events: 'redis' });

    const rows: (string | number)[][] = [];
    for (const scenario of scenarios) {
      await fake.setLatency(scenario.latencyMs);
      await fake.setChunkDelay(scenario.chunkDelayMs);
      const figures = await run(config, eventsFor(scenario), scenario, countFor(scenario, burstRate));
      const sorted = figures.latenciesMs;
      const callMs = scenario.latencyMs + scenario.chunkDelayMs * CHUNKS_PER_GENERATION;
      rows.push([
        `${scenario.latencyMs} ms`,
        scenario.chunkDelayMs ? '1 s' : 'burst',
        scenario.concurrency,
        scenario.events,
        figures.generations,
        figures.generations / figures.seconds,
        (figures.generations * CHUNKS_PER_GENERATION) / figures.seconds,
        figures.publishes / figures.generations,
        figures.deltaPublishes / figures.generations,
        percentile(sorted, 0.5),
        percentile(sorted, 0.9),
        percentile(sorted, 0.99),
        percentile(sorted, 0.5) - callMs,
      ]);
    }
    await fake.setLatency(0);
    await fake.setChunkDelay(0);
    printTable(
      [
        'latency',
        'stream',
        'concurrency',
        'live events',
        'generations',
        'gen/s',
        'chunks/s',
        'publishes/gen',
        'delta events/gen',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'p50 overhead ms',
      ],
      rows,
    );
    process.stdout.write(
      `p50 overhead = p50 minus the fake's own delays (latency + ${CHUNKS_PER_GENERATION} chunk delays); it includes the HTTP stream itself.\n`,
    );

    const tokens = await measureTokenCounter();
    process.stdout.write(
      `\nTokenCounter (js-tiktoken lite, o200k_base): first call ${tokens.firstCallMs.toFixed(0)} ms (loads the rank), then ${tokens.perCallUs.toFixed(1)} µs per ${REPLY.length}-character chat\n`,
    );
  } finally {
    await redisEvents.onApplicationShutdown();
    await deleteKeys(redis, `${config.redis.prefix}:ai:*`);
    await redis.quit();
  }
}

export const benchmark: Benchmark = {
  name: 'ai-generation',
  description:
    "the worker's GenerateContentUseCase with the real openai SDK against the local fake (0 and 500 ms latency, burst or 1 s stream), live events off and over Redis, publishes per generation",
  async run() {
    Logger.overrideLogger(false); // the use case logs every generation; Nest apps booted later set their own logger
    // In its own process, as a real OpenAI is another machine: its streaming is not charged to the use case.
    const fake = await FakeOpenAiProcess.start({ apiKey: API_KEY });
    try {
      await fake.respondWith(REPLY);
      await measure(fake);
    } finally {
      await fake.stop();
    }
  },
};
