import { getQueueToken } from '@nestjs/bullmq';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { rootModuleFor } from '../../../src/app.module';
import { GENERATION_ATTEMPTS, GENERATION_QUEUE } from '../../../src/content/infrastructure/bullmq/generation.queue';
import { DEFAULT_FAKE_OPENAI_REPLY, FakeOpenAiServer } from '../../fakes/fake-openai.server';
import { bootSmsTestApp, KAVENEGAR_TEST_KEY, OTP_TEMPLATE, type SmsTestApp } from '../../support/auth-helpers';
import { createContent, createProject, setUpContentTeam, type ContentTeam } from '../../support/content-helpers';
import { eventually } from '../../support/eventually';
import {
  contentWhen,
  reservationStatusOf,
  startGenerationOverHttp,
  usageCallKeysOf,
} from '../../support/generation-helpers';
import { killWorkers } from '../../support/queue-workers';

const OPENAI_KEY = 'sk-queue-test';

/**
 * The generation path as deployed: an API process (APP_ROLE=api) takes `POST /generate`, worker
 * roots (`rootModuleFor` with APP_ROLE=worker) run the jobs, on this run's PostgreSQL, Redis and the
 * wire-format fake OpenAI. All share one Redis prefix of their own, so no other file's worker takes
 * these jobs.
 */
describe('ai-generation queue (API and worker roots, PostgreSQL, Redis, fake OpenAI)', () => {
  let fake: FakeOpenAiServer;
  let api: SmsTestApp;
  let team: ContentTeam;
  let projectId: string;
  const workers = new Set<TestingModule>();

  /** A worker root. A short job lock makes a dead worker's job come back in seconds (stall check = lock). */
  async function startWorker(jobLockMs = 2_000): Promise<TestingModule> {
    const config = loadConfig({
      ...process.env,
      APP_ROLE: 'worker',
      REDIS_PREFIX: api.config.redis.prefix,
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_BASE_URL: fake.baseUrl,
      // Ends the call a killed worker left hanging on the fake, long after the test needs it.
      OPENAI_TIMEOUT_MS: '10000',
      AI_JOB_LOCK_MS: String(jobLockMs),
      SMS_DRIVER: 'kavenegar',
      KAVENEGAR_API_KEY: KAVENEGAR_TEST_KEY,
      KAVENEGAR_BASE_URL: api.fake.baseUrl,
      KAVENEGAR_OTP_TEMPLATE: OTP_TEMPLATE,
    });
    const worker = await Test.createTestingModule({ imports: [rootModuleFor(config)] }).compile();
    await worker.init();
    workers.add(worker);
    return worker;
  }

  async function kill(worker: TestingModule): Promise<void> {
    workers.delete(worker);
    await killWorkers(worker);
  }

  async function stopAllWorkers(): Promise<void> {
    await Promise.all([...workers].map((worker) => kill(worker)));
  }

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: OPENAI_KEY });
    api = await bootSmsTestApp({ APP_ROLE: 'api', OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: fake.baseUrl });
    // Sign-in codes go out through a worker's SMS processor.
    await startWorker();
    team = await setUpContentTeam(api);
    projectId = (await createProject(api, team.editor, team.workspaceId)).id;
    await stopAllWorkers();
  });

  afterAll(async () => {
    await stopAllWorkers();
    await api?.close();
    await fake?.stop();
  });

  beforeEach(() => fake.reset());

  const database = () => api.app.get(DataSource);
  const queue = () => api.app.get<Queue>(getQueueToken(GENERATION_QUEUE));
  const newContentId = async () => (await createContent(api, team.editor, projectId)).id;
  const generate = (contentId: string) => startGenerationOverHttp(api, team.editor, contentId);
  const inReview = (contentId: string) =>
    contentWhen(api, team.editor, contentId, 'in REVIEW', (c) => c.status === 'REVIEW');
  const backInDraftWithError = (contentId: string) =>
    contentWhen(
      api,
      team.editor,
      contentId,
      'back in DRAFT with lastError',
      (c) => c.status === 'DRAFT' && !!c.lastError,
    );

  async function jobOf(jobId: string): Promise<{ job: Job; state: string }> {
    const job = await queue().getJob(jobId);
    if (!job) throw new Error(`job ${jobId} is gone`);
    return { job, state: await job.getState() };
  }

  describe('retries', () => {
    // No worker dies here: a longer lock keeps a slow renewal on a busy machine from looking like a stall.
    beforeAll(() => startWorker(5_000));
    afterAll(() => stopAllWorkers());

    it('retries a transient 429 after its retry-after and completes once, with exactly one usage record', async () => {
      const contentId = await newContentId();
      fake.failNext(1, { status: 429, code: 'rate_limit_exceeded', retryAfterSeconds: 1 });

      const jobId = await generate(contentId);
      const done = await inReview(contentId);

      expect(done.body).toBe(DEFAULT_FAKE_OPENAI_REPLY);
      expect(fake.requestCount).toBe(2);
      const callKeys = await usageCallKeysOf(database(), contentId);
      expect(callKeys).toEqual([expect.stringMatching(/^chatcmpl-/)]);
      expect(await reservationStatusOf(database(), jobId)).toBe('SETTLED');
      const { job, state } = await jobOf(jobId);
      expect({ state, attemptsMade: job.attemptsMade }).toEqual({ state: 'completed', attemptsMade: 2 });
    });

    it('does not retry a permanent insufficient_quota: the content returns to DRAFT with lastError, its reservation released', async () => {
      const contentId = await newContentId();
      fake.failNext(1, { status: 429, code: 'insufficient_quota' });

      const jobId = await generate(contentId);
      const failed = await backInDraftWithError(contentId);

      expect(failed.lastError).toMatchObject({ code: 'INSUFFICIENT_QUOTA', message: expect.any(String) });
      expect(failed.body).toBeNull();
      expect(fake.requestCount).toBe(1);
      expect(await usageCallKeysOf(database(), contentId)).toEqual([]);
      expect(await reservationStatusOf(database(), jobId)).toBe('RELEASED');
      const { job, state } = await jobOf(jobId);
      expect({ state, attemptsMade: job.attemptsMade }).toEqual({ state: 'failed', attemptsMade: 1 });
    });

    it('fails the generation once transient errors have used up its attempts', async () => {
      const contentId = await newContentId();
      // retry-after 0: every retry comes at once, so using up five attempts takes no backoff.
      fake.failNext(GENERATION_ATTEMPTS, { status: 429, code: 'rate_limit_exceeded', retryAfterSeconds: 0 });

      const jobId = await generate(contentId);
      const failed = await backInDraftWithError(contentId);

      expect(failed.lastError).toMatchObject({ code: 'RATE_LIMITED' });
      expect(fake.requestCount).toBe(GENERATION_ATTEMPTS);
      expect(await usageCallKeysOf(database(), contentId)).toEqual([]);
      expect(await reservationStatusOf(database(), jobId)).toBe('RELEASED');
      const { job, state } = await jobOf(jobId);
      expect({ state, attemptsMade: job.attemptsMade }).toEqual({ state: 'failed', attemptsMade: GENERATION_ATTEMPTS });
    });
  });

  describe('a worker that dies mid-call', () => {
    afterEach(() => stopAllWorkers());

    /** Starts a worker, lets it take the job into a model call that never answers, and kills it there. */
    async function dieMidCall(callsSoFar: number): Promise<void> {
      const dying = await startWorker();
      await eventually(
        `model call ${callsSoFar + 1} to arrive`,
        async () => fake.requestCount === callsSoFar + 1,
        30_000,
      );
      await kill(dying);
    }

    it('is taken up by another worker once its lock lapses, and completes once', async () => {
      const contentId = await newContentId();
      fake.hangNext(1);
      const jobId = await generate(contentId);
      await dieMidCall(0);

      await startWorker();
      const done = await inReview(contentId);

      expect(done.body).toBe(DEFAULT_FAKE_OPENAI_REPLY);
      expect(fake.requestCount).toBe(2);
      expect(await usageCallKeysOf(database(), contentId)).toHaveLength(1);
      expect(await reservationStatusOf(database(), jobId)).toBe('SETTLED');
      const { job, state } = await jobOf(jobId);
      expect({ state, stalledCounter: job.stalledCounter }).toEqual({ state: 'completed', stalledCounter: 1 });
    });

    it('puts the content back with WORKER_LOST once its job has stalled more often than allowed', async () => {
      const contentId = await newContentId();
      fake.hangNext(2);
      const jobId = await generate(contentId);
      await dieMidCall(0);
      await dieMidCall(1); // the second worker takes the stalled job up, and dies in the call too

      await startWorker();
      const failed = await backInDraftWithError(contentId);

      expect(failed.lastError).toMatchObject({ code: 'WORKER_LOST', message: expect.any(String) });
      expect(fake.requestCount).toBe(2);
      expect(await usageCallKeysOf(database(), contentId)).toEqual([]);
      expect(await reservationStatusOf(database(), jobId)).toBe('RELEASED');
      const { job, state } = await jobOf(jobId);
      expect(state).toBe('failed');
      expect(job.failedReason).toMatch(/stalled more than allowable limit/);
    });
  });
});
