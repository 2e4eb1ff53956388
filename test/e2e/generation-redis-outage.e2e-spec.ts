import request from 'supertest';
import { DataSource } from 'typeorm';
import { FakeOpenAiServer } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';
import { RedisServerProcess } from '../support/redis-server-process';

interface Version {
  number: number;
}

/**
 * Generation while Redis is gone, through HTTP only: the request answers 503 at once instead of
 * waiting for Redis, leaves nothing behind, and generation works again once Redis is back.
 */
describe('POST /contents/:id/generate while Redis is down (whole app, private redis-server)', () => {
  let redis: RedisServerProcess;
  let fake: FakeOpenAiServer;
  let t: SmsTestApp;
  let team: ContentTeam;
  let projectId: string;

  beforeAll(async () => {
    redis = await RedisServerProcess.start();
    fake = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    t = await bootSmsTestApp({
      REDIS_URL: redis.url,
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'sk-test',
      APP_ROLE: 'all',
    });
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
    await redis?.stop();
  });

  const http = () => request(t.server);
  const generate = (contentId: string) => http().post(`${API}/contents/${contentId}/generate`).set(bearer(team.editor));

  async function contentOf(contentId: string): Promise<ContentBody> {
    const response = await http().get(`${API}/contents/${contentId}`).set(bearer(team.editor));
    expect(response.status).toBe(200);
    return response.body as ContentBody;
  }

  async function versionsOf(contentId: string): Promise<Version[]> {
    const response = await http().get(`${API}/contents/${contentId}/versions`).set(bearer(team.editor));
    expect(response.status).toBe(200);
    return response.body as Version[];
  }

  async function reservedReservationsOf(organizationId: string): Promise<number> {
    const rows: { n: number }[] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM usage_reservations WHERE organization_id = $1 AND status = 'RESERVED'`, [
        organizationId,
      ]);
    return rows[0].n;
  }

  it('answers 503 at once with nothing changed, and generates again once Redis is back', async () => {
    const content = await createContent(t, team.editor, projectId);
    const versionsBefore = await versionsOf(content.id);

    await redis.kill();
    const started = performance.now();
    const refused = await generate(content.id);
    console.log(
      `POST /generate with Redis down answered ${refused.status} in ${Math.round(performance.now() - started)} ms`,
    );

    expectError(refused, 503, 'SERVICE_UNAVAILABLE');
    expect(refused.body).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: expect.any(String),
      details: expect.any(Object),
      requestId: expect.any(String),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // Reads need PostgreSQL only: the API still answers them without Redis.
    expect(await contentOf(content.id)).toMatchObject({ status: 'DRAFT', lastError: null });
    expect(await versionsOf(content.id)).toEqual(versionsBefore);
    expect(await reservedReservationsOf(team.org.id)).toBe(0);
    expect((await http().get('/health/ready')).status).toBe(503);

    await redis.restart();
    await eventually('readiness once Redis is back', async () => (await http().get('/health/ready')).status === 200);

    const accepted = await generate(content.id);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ contentId: content.id, status: 'IN_PROGRESS' });
    await eventually(
      `content ${content.id} in REVIEW`,
      async () => (await contentOf(content.id)).status === 'REVIEW',
      30_000,
    );
  });
});
