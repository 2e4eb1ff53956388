import request from 'supertest';
import { DataSource } from 'typeorm';
import { FakeOpenAiServer } from '../fakes/fake-openai.server';
import {
  API,
  bearer,
  bootSmsTestApp,
  createOrganizationAs,
  type Session,
  type SmsTestApp,
} from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';

interface Accepted {
  jobId: string;
}

/**
 * Project budgets through HTTP: GET/PUT /projects/:projectId/usage/limits, and generations refused
 * by the limit they would break (organization, member, project), also when 30 race for a project
 * limit through two app instances (two connection pools, as two API processes).
 */
describe('Project usage limits (HTTP, fake OpenAI)', () => {
  let t: SmsTestApp;
  let second: SmsTestApp;
  let fake: FakeOpenAiServer;
  let team: ContentTeam;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    const env = { OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'sk-test' };
    t = await bootSmsTestApp({ ...env, APP_ROLE: 'all' });
    second = await bootSmsTestApp({ ...env, APP_ROLE: 'api', REDIS_PREFIX: t.config.redis.prefix });
    team = await setUpContentTeam(t);
  });

  afterAll(async () => {
    await second?.close();
    await t?.close();
    await fake?.stop();
  });

  beforeEach(() => fake.reset());

  const http = (app = t) => request(app.server);
  const limitsPath = (projectId: string) => `${API}/projects/${projectId}/usage/limits`;
  const generate = (contentId: string, as: Session, app = t) =>
    http(app).post(`${API}/contents/${contentId}/generate`).set(bearer(as));
  const newProject = async () => (await createProject(t, team.admin, team.workspaceId)).id;
  const setProjectLimits = async (
    projectId: string,
    monthlyTokenLimit: number | null,
    monthlyCostLimitUsd: string | null = null,
  ) => {
    const put = await http()
      .put(limitsPath(projectId))
      .set(bearer(team.admin))
      .send({ monthlyTokenLimit, monthlyCostLimitUsd });
    expect(put.status).toBe(200);
    return put;
  };
  const heldTokens = async (projectId: string) =>
    Number(
      (
        (await t.app
          .get(DataSource)
          .query(
            `SELECT coalesce(sum(tokens), 0)::text AS n FROM usage_reservations WHERE project_id = $1 AND status = 'RESERVED'`,
            [projectId],
          )) as { n: string }[]
      )[0]?.n,
    );

  /** The worst case one generation of `createContent`'s default prompt with `maxTokens` reserves (read from its reservation). */
  async function worstCaseOf(maxTokens: number): Promise<number> {
    const probe = await createContent(t, team.editor, await newProject(), { maxTokens });
    fake.setLatency(0);
    const accepted = await generate(probe.id, team.editor);
    expect(accepted.status).toBe(202);
    const rows = (await t.app
      .get(DataSource)
      .query('SELECT tokens::text AS tokens FROM usage_reservations WHERE id = $1', [
        (accepted.body as Accepted).jobId,
      ])) as {
      tokens: string;
    }[];
    return Number(rows[0]?.tokens);
  }

  it('starts with no limit of its own, shows the period and use to a VIEWER, and is set by an ADMIN (audited once)', async () => {
    const projectId = await newProject();
    const initial = await http().get(limitsPath(projectId)).set(bearer(team.viewer));
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({
      projectId,
      organizationId: team.org.id,
      monthlyTokenLimit: null,
      monthlyCostLimitUsd: null,
      period: { start: expect.any(String), end: expect.any(String) },
      used: { tokens: 0, costUsd: '0.000000' },
      reserved: { tokens: 0, costUsd: '0.000000' },
      updatedAt: null,
      updatedBy: null,
    });

    const put = await http()
      .put(limitsPath(projectId))
      .set(bearer(team.admin))
      .set('X-Request-Id', `project-limits-${projectId}`)
      .send({ monthlyTokenLimit: 50_000, monthlyCostLimitUsd: '۱.۵' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      monthlyTokenLimit: 50_000,
      monthlyCostLimitUsd: '1.500000',
      updatedBy: team.admin.user.id,
      period: initial.body.period,
    });
    expect((await http().get(limitsPath(projectId)).set(bearer(team.viewer))).body).toEqual(put.body);
    // The same again: nothing to audit.
    await setProjectLimits(projectId, 50_000, '1.5');

    const audit = await http().get(`${API}/organizations/${team.org.id}/audit-log`).set(bearer(team.admin));
    const entries = (audit.body.items as { action: string; targetId: string }[]).filter(
      (e) => e.action === 'usage.project_limits_changed' && e.targetId === projectId,
    );
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: team.admin.user.id,
        targetType: 'project',
        requestId: `project-limits-${projectId}`,
        metadata: {
          from: { monthlyTokenLimit: null, monthlyCostLimitUsd: null },
          to: { monthlyTokenLimit: 50_000, monthlyCostLimitUsd: '1.500000' },
        },
      }),
    ]);
  });

  it('is read by members only and set by ADMINs only; a project of another organization answers 404', async () => {
    const projectId = await newProject();
    const body = { monthlyTokenLimit: 1, monthlyCostLimitUsd: null };
    expect((await http().put(limitsPath(projectId)).set(bearer(team.editor)).send(body)).status).toBe(403);
    expect((await http().put(limitsPath(projectId)).set(bearer(team.viewer)).send(body)).status).toBe(403);
    expect((await http().get(limitsPath(projectId)).set(bearer(team.outsider))).status).toBe(404);
    // An ADMIN of another organization: the project is not theirs.
    await createOrganizationAs(t, team.outsider);
    expect((await http().put(limitsPath(projectId)).set(bearer(team.outsider)).send(body)).status).toBe(404);
    expect((await http().get(limitsPath(projectId)).set(bearer(team.admin))).body.monthlyTokenLimit).toBeNull();
  });

  it('refuses a body without both limits, a negative or fractional token limit and a malformed amount (400)', async () => {
    const projectId = await newProject();
    for (const body of [
      { monthlyTokenLimit: 10 },
      { monthlyTokenLimit: -1, monthlyCostLimitUsd: null },
      { monthlyTokenLimit: 1.5, monthlyCostLimitUsd: null },
      { monthlyTokenLimit: null, monthlyCostLimitUsd: '1.1234567' },
      { monthlyTokenLimit: null, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: 5 },
    ]) {
      const answer = await http().put(limitsPath(projectId)).set(bearer(team.admin)).send(body);
      expectError(answer, 400, 'VALIDATION_FAILED');
    }
  });

  it('names the limit a refused generation would break: organization, user, project (402 details.limit)', async () => {
    const org = await createOrganizationAs(t, team.admin);
    const workspace = await http()
      .post(`${API}/organizations/${org.id}/workspaces`)
      .set(bearer(team.admin))
      .send({ name: 'سقف‌ها' });
    const projectId = (await createProject(t, team.admin, (workspace.body as { id: string }).id)).id;
    const content = await createContent(t, team.admin, projectId, { maxTokens: 200 });
    const orgLimits = (monthlyTokenLimit: number | null, perUserMonthlyTokenLimit: number | null) =>
      http()
        .put(`${API}/organizations/${org.id}/usage/limits`)
        .set(bearer(team.admin))
        .send({ monthlyTokenLimit, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit });

    expect((await orgLimits(10, null)).status).toBe(200);
    let refused = await generate(content.id, team.admin);
    expectError(refused, 402, 'USAGE_LIMIT_EXCEEDED');
    expect(refused.body.details).toMatchObject({ limit: 'organization', setting: 'monthlyTokenLimit', limitValue: 10 });

    expect((await orgLimits(null, 10)).status).toBe(200);
    refused = await generate(content.id, team.admin);
    expectError(refused, 402, 'USAGE_LIMIT_EXCEEDED');
    expect(refused.body.details).toMatchObject({ limit: 'user', setting: 'perUserMonthlyTokenLimit', limitValue: 10 });

    expect((await orgLimits(null, null)).status).toBe(200);
    const put = await http()
      .put(limitsPath(projectId))
      .set(bearer(team.admin))
      .send({ monthlyTokenLimit: null, monthlyCostLimitUsd: '0.000001' });
    expect(put.status).toBe(200);
    refused = await generate(content.id, team.admin);
    expectError(refused, 402, 'USAGE_LIMIT_EXCEEDED');
    expect(refused.body.details).toMatchObject({
      limit: 'project',
      setting: 'monthlyCostLimitUsd',
      projectId,
      limitValue: '0.000001',
    });
    expect(fake.requestCount).toBe(0);
    expect(
      ((await http().get(`${API}/contents/${content.id}`).set(bearer(team.admin))).body as ContentBody).status,
    ).toBe('DRAFT');
  });

  it('accepts exactly the generations that fit when 30 race for a project limit through two app instances, and counts them as the project’s', async () => {
    const worstCase = await worstCaseOf(200);
    expect(worstCase).toBeGreaterThan(200);
    const projectId = await newProject();
    const contents = await Promise.all(
      Array.from({ length: 30 }, () => createContent(t, team.editor, projectId, { maxTokens: 200 })),
    );
    const fits = 4;
    const limit = fits * worstCase + worstCase - 1;
    await setProjectLimits(projectId, limit);

    // Calls that stay open keep every granted reservation held for the whole race.
    fake.setLatency(3_000);
    const answers = await Promise.all(
      contents.map((content, i) => generate(content.id, team.editor, i % 2 ? second : t)),
    );

    const accepted = answers.filter((answer) => answer.status === 202);
    const refused = answers.filter((answer) => answer.status !== 202);
    expect(accepted).toHaveLength(fits);
    expect(refused).toHaveLength(30 - fits);
    for (const answer of refused) {
      expectError(answer, 402, 'USAGE_LIMIT_EXCEEDED');
      expect(answer.body.details).toMatchObject({
        limit: 'project',
        setting: 'monthlyTokenLimit',
        projectId,
        limitValue: limit,
      });
    }
    const during = await http().get(limitsPath(projectId)).set(bearer(team.viewer));
    expect(during.body.reserved.tokens).toBe(fits * worstCase);
    expect(await heldTokens(projectId)).toBeLessThanOrEqual(limit);

    // Once the calls are done, their records are the project's use and nothing stays held.
    await eventually(
      'the accepted generations settled',
      async () => ((await heldTokens(projectId)) === 0 ? true : undefined),
      30_000,
    );
    const after = await http().get(limitsPath(projectId)).set(bearer(team.viewer));
    expect(after.body.reserved).toEqual({ tokens: 0, costUsd: '0.000000' });
    expect(after.body.used.tokens).toBeGreaterThan(0);
    expect(after.body.used.tokens).toBeLessThanOrEqual(limit);
  }, 60_000);
});
