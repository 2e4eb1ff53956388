import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Test, type TestingModule } from '@nestjs/testing';
import { Queue, Worker, type Job } from 'bullmq';
import { ConfigModule, loadConfig, type AppConfig } from '#libs/config';
import { bullConnectionOptions, QueueModule } from '#libs/queue';
import { RedisModule } from '#libs/redis';
import { AiModule, EnqueueGenerationUseCase } from '../../../src/ai';
import { GenerationOutcome } from '../../../src/ai/application/ports/generation-outcome';
import { GenerationSource, type GenerationRequest } from '../../../src/ai/application/ports/generation-source';
import {
  AI_GENERATION_QUEUE,
  GENERATE_CONTENT_JOB,
  type GenerateContentPayload,
} from '../../../src/ai/infrastructure/queue/ai.queue';
import {
  InMemoryGenerationSource,
  makeGenerationRequest,
  RecordingGenerationOutcome,
} from '../../fakes/ai/in-memory-generation-ports';
import { FakeOpenAiServer } from '../../fakes/fake-openai.server';
import { isolatedRedisPrefix } from '../../support/auth-helpers';
import { eventually } from '../../support/eventually';

/** Remembers when each attempt started (each attempt loads the request first). */
class TimedGenerationSource extends InMemoryGenerationSource {
  readonly loadedAt: number[] = [];

  override load(contentId: string): Promise<GenerationRequest | undefined> {
    this.loadedAt.push(Date.now());
    return super.load(contentId);
  }
}

/**
 * The real processor, use cases, BullMQ queue and worker, Redis and OpenAI adapter (against the
 * fake server); only the content and usage contexts are in memory. Each app gets a Redis prefix
 * of its own, so no other test file's worker takes these jobs.
 */
describe('ai-generation queue', () => {
  let fake: FakeOpenAiServer;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: 'sk-queue-test' });
  });

  afterAll(async () => {
    await fake.stop();
  });

  /**
   * A worker configuration with a queue of its own: a worker's stalled check blocks every other
   * check of the same queue for its interval (30 s), which would hold up the stalled scenarios.
   */
  function workerConfig(): AppConfig {
    return loadConfig({
      ...process.env,
      APP_ROLE: 'worker',
      REDIS_PREFIX: isolatedRedisPrefix(),
      OPENAI_API_KEY: 'sk-queue-test',
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_TIMEOUT_MS: '5000',
      AI_CONCURRENCY: '2',
    });
  }

  async function bootWorker(
    config: AppConfig,
    source: GenerationSource,
    outcome: GenerationOutcome,
  ): Promise<TestingModule> {
    const bridges = {
      providers: [
        { provide: GenerationSource, useValue: source },
        { provide: GenerationOutcome, useValue: outcome },
      ],
    };
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), RedisModule, QueueModule, AiModule.forRole(config, bridges)],
    }).compile();
    await moduleRef.init();
    return moduleRef;
  }

  function payloadFor(request: GenerationRequest): GenerateContentPayload {
    return {
      contentId: request.contentId,
      organizationId: request.organizationId,
      reservationId: `reservation-${request.contentId}`,
      requestedBy: 'user-1',
    };
  }

  function newRequest(): GenerationRequest {
    return makeGenerationRequest({ contentId: randomUUID() });
  }

  describe('retries', () => {
    let moduleRef: TestingModule;
    const source = new TimedGenerationSource();
    const outcome = new RecordingGenerationOutcome(source);
    let queue: Queue<GenerateContentPayload>;

    beforeAll(async () => {
      moduleRef = await bootWorker(workerConfig(), source, outcome);
      queue = moduleRef.get<Queue<GenerateContentPayload>>(getQueueToken(AI_GENERATION_QUEUE));
    });

    afterAll(async () => {
      await moduleRef?.close();
    });

    beforeEach(() => {
      fake.reset();
      source.loadedAt.length = 0;
    });

    it('retries a transient 429 after its retry-after, then completes the generation once', async () => {
      const request = newRequest();
      source.requests.set(request.contentId, request);
      fake.failNext(1, { status: 429, code: 'rate_limit_exceeded', retryAfterSeconds: 1 });

      const { jobId } = await moduleRef.get(EnqueueGenerationUseCase).execute(payloadFor(request));
      const completion = await eventually(
        'the completion',
        async () => outcome.completions.find((c) => c.contentId === request.contentId),
        15_000,
      );

      expect(fake.requestCount).toBe(2);
      expect(source.loadedAt).toHaveLength(2);
      const [first = 0, second = 0] = source.loadedAt;
      expect(second - first).toBeGreaterThanOrEqual(1_000);
      expect(completion).toMatchObject({
        jobId,
        reservationId: `reservation-${request.contentId}`,
        requestedBy: 'user-1',
        body: expect.any(String),
      });
      expect(outcome.usageRecords.has(completion.responseId)).toBe(true);
      const job = await queue.getJob(jobId);
      expect(await job?.getState()).toBe('completed');
      expect(job?.attemptsMade).toBe(2);
      expect(outcome.failures.filter((f) => f.contentId === request.contentId)).toEqual([]);
    });

    it('does not retry a permanent insufficient_quota, and puts the content back with lastError', async () => {
      const request = newRequest();
      source.requests.set(request.contentId, request);
      fake.failNext(1, { status: 429, code: 'insufficient_quota' });

      const { jobId } = await moduleRef.get(EnqueueGenerationUseCase).execute(payloadFor(request));
      const failure = await eventually(
        'the failure',
        async () => outcome.failures.find((f) => f.contentId === request.contentId),
        15_000,
      );

      expect(failure).toMatchObject({
        jobId,
        reservationId: `reservation-${request.contentId}`,
        error: { code: 'INSUFFICIENT_QUOTA', reason: 'insufficient_quota', kind: 'permanent' },
      });
      expect(fake.requestCount).toBe(1);
      const job = await queue.getJob(jobId);
      expect(await job?.getState()).toBe('failed');
      expect(job?.attemptsMade).toBe(1);
      expect(source.requests.get(request.contentId)).toMatchObject({
        status: 'DRAFT',
        lastError: { code: 'INSUFFICIENT_QUOTA', message: failure.error.message },
        inProgress: false,
      });
      expect(outcome.completions.filter((c) => c.contentId === request.contentId)).toEqual([]);
    });

    it('fails the generation once its attempts are used up by transient errors', async () => {
      const request = newRequest();
      source.requests.set(request.contentId, request);
      fake.failNext(2, { status: 500 });
      const jobId = randomUUID();

      await queue.add(GENERATE_CONTENT_JOB, payloadFor(request), { jobId, attempts: 2, backoff: { type: 'custom' } });
      const failure = await eventually(
        'the failure',
        async () => outcome.failures.find((f) => f.contentId === request.contentId),
        15_000,
      );

      expect(failure.error).toMatchObject({ code: 'SERVER_ERROR', reason: 'server_error', kind: 'transient' });
      expect(fake.requestCount).toBe(2);
      expect(outcome.failures.filter((f) => f.jobId === jobId)).toHaveLength(1);
    });
  });

  describe('a worker that dies mid-job', () => {
    let config: AppConfig;
    const connection = () => bullConnectionOptions(config);
    const prefix = () => `${config.redis.prefix}:bull`;

    beforeEach(() => {
      config = workerConfig();
      fake.reset();
    });

    /** Takes the job and "crashes": stops without finishing it or renewing its 1 s lock. */
    async function crashWhileRunning(job: { payload: GenerateContentPayload; jobId: string }): Promise<void> {
      const queue = new Queue<GenerateContentPayload>(AI_GENERATION_QUEUE, {
        connection: connection(),
        prefix: prefix(),
      });
      let taken: () => void = () => undefined;
      const started = new Promise<void>((resolve) => (taken = resolve));
      const crashing = new Worker(
        AI_GENERATION_QUEUE,
        () => {
          taken();
          return new Promise(() => undefined); // never finishes
        },
        // skipStalledCheck: its own check would block the checker below for 30 s.
        { connection: connection(), prefix: prefix(), lockDuration: 1_000, skipStalledCheck: true },
      );
      crashing.on('error', () => undefined);
      await queue.add(GENERATE_CONTENT_JOB, job.payload, {
        jobId: job.jobId,
        attempts: 5,
        backoff: { type: 'custom' },
      });
      await started;
      await crashing.close(true); // no more lock renewals: as if the process had been killed
      await queue.close();
    }

    /** What another worker's stalled check does once the dead worker's lock has expired. */
    async function detectStalled(jobId: string, maxStalledCount: number): Promise<void> {
      const queue = new Queue(AI_GENERATION_QUEUE, { connection: connection(), prefix: prefix() });
      const checker = new Worker(AI_GENERATION_QUEUE, undefined, {
        connection: connection(),
        prefix: prefix(),
        autorun: false,
        stalledInterval: 300,
        maxStalledCount,
      });
      try {
        await checker.startStalledCheckTimer();
        await eventually(
          'the stalled job back in the queue',
          async () => (await queue.getJobState(jobId)) === 'waiting',
          15_000,
        );
      } finally {
        await checker.close();
        await queue.close();
      }
    }

    it('is re-run by another worker after its lock expires, and completes once', async () => {
      const request = newRequest();
      const source = new InMemoryGenerationSource(request);
      const outcome = new RecordingGenerationOutcome(source);
      const jobId = randomUUID();
      await crashWhileRunning({ payload: payloadFor(request), jobId });
      await detectStalled(jobId, 1);

      const moduleRef = await bootWorker(config, source, outcome);
      try {
        const completion = await eventually('the completion', async () => outcome.completions[0], 15_000);
        expect(completion).toMatchObject({ jobId, contentId: request.contentId });
        expect(outcome.failures).toEqual([]);
      } finally {
        await moduleRef.close();
      }
    });

    it('puts the content back when the job has stalled more often than allowed', async () => {
      const request = newRequest();
      const source = new InMemoryGenerationSource(request);
      const outcome = new RecordingGenerationOutcome(source);
      const jobId = randomUUID();
      await crashWhileRunning({ payload: payloadFor(request), jobId });
      await detectStalled(jobId, 0);

      const moduleRef = await bootWorker(config, source, outcome);
      try {
        const failure = await eventually('the failure', async () => outcome.failures[0], 15_000);
        expect(failure).toMatchObject({
          jobId,
          contentId: request.contentId,
          error: { code: 'WORKER_LOST', reason: 'worker_lost' },
        });
        expect(source.requests.get(request.contentId)).toMatchObject({
          status: 'DRAFT',
          lastError: { code: 'WORKER_LOST', message: expect.any(String) },
        });
        expect(fake.requestCount).toBe(0);
        const queue = moduleRef.get<Queue>(getQueueToken(AI_GENERATION_QUEUE));
        const job: Job | undefined = await queue.getJob(jobId);
        expect(job?.failedReason).toMatch(/stalled/);
      } finally {
        await moduleRef.close();
      }
    });
  });
});
