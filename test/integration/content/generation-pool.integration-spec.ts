import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { GENERATION_QUEUE } from '../../../src/content/infrastructure/bullmq/generation.queue';
import { FakeOpenAiServer } from '../../fakes/fake-openai.server';
import { bootSmsTestApp, type SmsTestApp } from '../../support/auth-helpers';
import { createContent, createProject, setUpContentTeam, type ContentTeam } from '../../support/content-helpers';
import { eventually } from '../../support/eventually';
import { requestGeneration } from '../../support/generation-helpers';
import { appSessionsIdleInTransaction, openObserverDataSource } from '../../support/observer-data-source';

const OPENAI_KEY = 'sk-pool-test';
const REQUESTS = 50;

interface Answer {
  contentId: string;
  status: number;
  code?: string;
  retryAfter?: string;
}

/**
 * The "never wedge": the whole app (HTTP and workers, APP_ROLE=all) on a pool of two
 * connections takes 50 generation requests at once. Each request must be answered — accepted, or
 * refused with 503 and Retry-After when no connection came free within DB_ACQUIRE_TIMEOUT_MS — and
 * nothing may be left holding a connection.
 */
describe('50 concurrent generation requests on a pool of 2 connections (whole app, fake OpenAI)', () => {
  let fake: FakeOpenAiServer;
  let t: SmsTestApp;
  let team: ContentTeam;
  let observer: DataSource;
  let answers: Answer[];

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: OPENAI_KEY });
    t = await bootSmsTestApp({
      APP_ROLE: 'all',
      DB_POOL_SIZE: '2',
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_BASE_URL: fake.baseUrl,
    });
    // Listening first: supertest would otherwise start a listener of its own for each request.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    observer = await openObserverDataSource();
    team = await setUpContentTeam(t);
    const projectId = (await createProject(t, team.editor, team.workspaceId)).id;
    const contentIds: string[] = [];
    for (let i = 0; i < REQUESTS; i++) contentIds.push((await createContent(t, team.editor, projectId)).id);

    answers = await Promise.all(
      contentIds.map(async (contentId): Promise<Answer> => {
        const response = await requestGeneration(t, team.editor, contentId);
        const { code } = response.body as { code?: string };
        return { contentId, status: response.status, code, retryAfter: response.headers['retry-after'] as string };
      }),
    );
    const acceptedCount = answers.filter((answer) => answer.status === 202).length;
    console.log(
      `${REQUESTS} concurrent POST /generate on DB_POOL_SIZE=2: ${acceptedCount} × 202, ${REQUESTS - acceptedCount} refused`,
    );
  });

  afterAll(async () => {
    await observer?.destroy();
    await t?.close();
    await fake?.stop();
  });

  const accepted = () => answers.filter((answer) => answer.status === 202);
  const refused = () => answers.filter((answer) => answer.status !== 202);

  async function statusesOf(contentIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; status: string }[] = await observer.query(
      'SELECT id, status FROM contents WHERE id = ANY($1::uuid[])',
      [contentIds],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  it('answers every request: 202, or 503 SERVICE_UNAVAILABLE with Retry-After', () => {
    expect(answers).toHaveLength(REQUESTS);
    for (const answer of refused())
      expect(answer).toEqual({
        contentId: answer.contentId,
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        retryAfter: expect.stringMatching(/^\d+$/),
      });
  });

  it('leaves every refused content as it was (DRAFT)', async () => {
    const ids = refused().map((answer) => answer.contentId);
    const statuses = await statusesOf(ids);
    expect(ids.filter((id) => statuses.get(id) !== 'DRAFT')).toEqual([]);
  });

  it('generates every accepted content to REVIEW', async () => {
    const ids = accepted().map((answer) => answer.contentId);
    expect(ids.length).toBeGreaterThan(0);
    await eventually(
      'every accepted content in REVIEW',
      async () => {
        const statuses = await statusesOf(ids);
        return ids.every((id) => statuses.get(id) === 'REVIEW');
      },
      45_000,
      200,
    );
  });

  it('leaves no connection of the app idle in transaction once the queue is drained', async () => {
    const queue = t.app.get<Queue>(getQueueToken(GENERATION_QUEUE));
    await eventually(
      'the generation queue drained',
      async () => {
        const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
        return Object.values(counts).every((count) => count === 0);
      },
      45_000,
      200,
    );

    expect(await appSessionsIdleInTransaction(observer)).toEqual([]);
  });

  it('is ready afterwards', async () => {
    const response = await request(t.server).get('/health/ready');
    expect(response.status).toBe(200);
  });
});
