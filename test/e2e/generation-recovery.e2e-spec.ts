import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bullPrefix } from '#libs/queue';
import { DEFAULT_FAKE_OPENAI_REPLY, FakeOpenAiServer } from '../fakes/fake-openai.server';
import { startAppProcess, type AppProcess } from '../support/app-process';
import {
  API,
  bearer,
  bootSmsTestApp,
  KAVENEGAR_TEST_KEY,
  OTP_TEMPLATE,
  type SmsTestApp,
} from '../support/auth-helpers';
import {
  createContent,
  createProject,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';

interface Version {
  source: string;
  body: string;
}

/**
 * Generation with its workers in their own processes, killed like a crashed container would be.
 * The API runs in the test process (APP_ROLE=api); workers are `dist/src/worker.js` children on the
 * same database, Redis prefix and fakes. A short job lock makes a dead worker's job come back in
 * seconds rather than the production default of 30–60 s.
 */
describe('generation survives the loss of its worker (worker processes, fake OpenAI)', () => {
  let t: SmsTestApp;
  let fake: FakeOpenAiServer;
  let team: ContentTeam;
  let projectId: string;
  const workers: AppProcess[] = [];

  const startWorker = (env: Record<string, string> = {}): AppProcess => {
    const worker = startAppProcess('worker', {
      REDIS_PREFIX: t.config.redis.prefix,
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'sk-test',
      SMS_DRIVER: 'kavenegar',
      KAVENEGAR_API_KEY: KAVENEGAR_TEST_KEY,
      KAVENEGAR_BASE_URL: t.fake.baseUrl,
      KAVENEGAR_OTP_TEMPLATE: OTP_TEMPLATE,
      DB_MIGRATE_ON_START: 'false',
      AI_JOB_LOCK_MS: '2000',
      ...env,
    });
    workers.push(worker);
    return worker;
  };

  const stop = async (worker: AppProcess, signal: NodeJS.Signals): Promise<void> => {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
    worker.child.kill(signal);
    await worker.exited;
  };

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    t = await bootSmsTestApp({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'sk-test', APP_ROLE: 'api' });
    // Sign-in codes are sent by a worker too: one must run while the team signs in.
    const smsWorker = startWorker();
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
    await stop(smsWorker, 'SIGTERM');
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => stop(worker, 'SIGKILL')));
    await t?.close();
    await fake?.stop();
  });

  beforeEach(() => fake.reset());

  const http = () => request(t.server);

  async function contentOf(contentId: string): Promise<ContentBody> {
    const response = await http().get(`${API}/contents/${contentId}`).set(bearer(team.editor));
    expect(response.status).toBe(200);
    return response.body as ContentBody;
  }

  const settledIn = (contentId: string, status: string) =>
    eventually(
      `content ${contentId} in ${status}`,
      async () => {
        const content = await contentOf(contentId);
        return content.status === status ? content : undefined;
      },
      45_000,
      200,
    );

  async function usageRecordsOf(contentId: string): Promise<number> {
    const rows: { n: number }[] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM usage_records WHERE content_id = $1', [contentId]);
    return rows[0].n;
  }

  async function reservationsOf(status: string): Promise<number> {
    const rows: { n: number }[] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM usage_reservations WHERE organization_id = $1 AND status = $2', [
        team.org.id,
        status,
      ]);
    return rows[0].n;
  }

  async function generate(contentId: string): Promise<string> {
    const response = await http().post(`${API}/contents/${contentId}/generate`).set(bearer(team.editor));
    expect(response.status).toBe(202);
    return (response.body as { jobId: string }).jobId;
  }

  it('a worker killed in the middle of a call: another worker takes the job up, the content reaches REVIEW with one usage record', async () => {
    const content = await createContent(t, team.editor, projectId);
    fake.hangNext(1);
    const doomed = startWorker();
    await generate(content.id);
    await eventually(
      'the first worker to call OpenAI',
      async () => (fake.requestCount >= 1 ? true : undefined),
      30_000,
    );

    await stop(doomed, 'SIGKILL');
    expect((await contentOf(content.id)).status).toBe('IN_PROGRESS');
    const survivor = startWorker();

    const done = await settledIn(content.id, 'REVIEW');
    expect(done.body).toBe(DEFAULT_FAKE_OPENAI_REPLY);
    expect(done.lastError).toBeNull();
    expect(fake.requestCount).toBe(2);
    expect(await usageRecordsOf(content.id)).toBe(1);
    const versions = await http().get(`${API}/contents/${content.id}/versions`).set(bearer(team.editor));
    expect((versions.body as Version[]).filter((version) => version.source === 'ai')).toHaveLength(1);
    await stop(survivor, 'SIGTERM');
  });

  it('a job lost from the queue: the recovery returns the content to DRAFT with lastError and releases its reservation', async () => {
    const content = await createContent(t, team.editor, projectId);
    const jobId = await generate(content.id);

    // No worker runs: the job waits. Removing it is what a Redis failover or a careless flush does.
    const connection = new Redis(t.config.redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('ai-generation', { connection, prefix: bullPrefix(t.config) });
    try {
      const job = await queue.getJob(jobId);
      expect(job).toBeDefined();
      await job?.remove();
    } finally {
      await queue.close();
      connection.disconnect();
    }
    expect(await reservationsOf('RESERVED')).toBe(1);
    const releasedBefore = await reservationsOf('RELEASED');

    startWorker({ AI_RECOVERY_INTERVAL_MS: '1000', AI_RECOVERY_GRACE_MS: '1000' });

    const recovered = await settledIn(content.id, 'DRAFT');
    expect(recovered.lastError).toEqual(expect.objectContaining({ code: 'WORKER_LOST' }));
    expect(fake.requestCount).toBe(0);
    expect(await usageRecordsOf(content.id)).toBe(0);
    expect(await reservationsOf('RESERVED')).toBe(0);
    expect(await reservationsOf('RELEASED')).toBe(releasedBefore + 1);
    // Generating again works: the content is not wedged.
    fake.reset();
    await generate(content.id);
    expect((await settledIn(content.id, 'REVIEW')).body).toBe(DEFAULT_FAKE_OPENAI_REPLY);
  });
});
