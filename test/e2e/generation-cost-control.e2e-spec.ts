import request from 'supertest';
import { DataSource } from 'typeorm';
import { FakeOpenAiServer } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, createOrganizationAs, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';

/**
 * The content policy's ceiling per generation and model allow-list through HTTP: both refuse a
 * generation before anything is reserved or sent (the fake OpenAI receives no call).
 */
describe('Cost ceiling and model allow-list (HTTP, fake OpenAI)', () => {
  let t: SmsTestApp;
  let fake: FakeOpenAiServer;
  let team: ContentTeam;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    t = await bootSmsTestApp({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: 'sk-test', APP_ROLE: 'all' });
    team = await setUpContentTeam(t);
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  beforeEach(() => fake.reset());

  const http = () => request(t.server);
  const policyPath = (orgId: string) => `${API}/organizations/${orgId}/content-policy`;

  async function freshOrganization() {
    const org = await createOrganizationAs(t, team.admin);
    const workspace = await http()
      .post(`${API}/organizations/${org.id}/workspaces`)
      .set(bearer(team.admin))
      .send({ name: 'هزینه' });
    const project = await createProject(t, team.admin, (workspace.body as { id: string }).id);
    return { org, projectId: project.id };
  }

  const reservationsOf = async (orgId: string) =>
    (
      (await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM usage_reservations WHERE organization_id = $1', [orgId])) as {
        n: number;
      }[]
    )[0]?.n;

  const statusOf = async (contentId: string) =>
    ((await http().get(`${API}/contents/${contentId}`).set(bearer(team.admin))).body as ContentBody).status;

  it('keeps the ceiling and the allow-list in the policy (ADMIN), shows them to members, and audits the change', async () => {
    const { org } = await freshOrganization();
    const initial = await http().get(policyPath(org.id)).set(bearer(team.admin));
    expect(initial.body).toMatchObject({ maxCostPerGenerationUsd: null, allowedModels: null });

    const put = await http()
      .put(policyPath(org.id))
      .set(bearer(team.admin))
      .send({
        blockPromptsWithPii: false,
        maxCostPerGenerationUsd: '۰.۰۵',
        allowedModels: [' gpt-4o ', 'gpt-4o', 'gpt-4.1-mini'],
      });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ maxCostPerGenerationUsd: '0.050000', allowedModels: ['gpt-4o', 'gpt-4.1-mini'] });

    // Left out: kept.
    const again = await http().put(policyPath(org.id)).set(bearer(team.admin)).send({ blockPromptsWithPii: false });
    expect(again.body).toMatchObject({
      maxCostPerGenerationUsd: '0.050000',
      allowedModels: ['gpt-4o', 'gpt-4.1-mini'],
    });

    const audit = await http().get(`${API}/organizations/${org.id}/audit-log`).set(bearer(team.admin));
    const entries = (audit.body.items as { action: string; metadata: unknown }[]).filter(
      (e) => e.action === 'content.policy_changed',
    );
    expect(entries).toEqual([
      expect.objectContaining({
        metadata: {
          from: { maxCostPerGenerationUsd: null, allowedModels: null },
          to: { maxCostPerGenerationUsd: '0.050000', allowedModels: ['gpt-4o', 'gpt-4.1-mini'] },
        },
      }),
    ]);

    // An empty list and null: any model, no ceiling.
    const cleared = await http()
      .put(policyPath(org.id))
      .set(bearer(team.admin))
      .send({ blockPromptsWithPii: false, maxCostPerGenerationUsd: null, allowedModels: [] });
    expect(cleared.body).toMatchObject({ maxCostPerGenerationUsd: null, allowedModels: null });
  });

  it('refuses malformed settings with 400 VALIDATION_FAILED', async () => {
    const { org } = await freshOrganization();
    for (const body of [
      { blockPromptsWithPii: false, maxCostPerGenerationUsd: 0.05 },
      { blockPromptsWithPii: false, maxCostPerGenerationUsd: '1.1234567' },
      { blockPromptsWithPii: false, allowedModels: 'gpt-4o' },
      { blockPromptsWithPii: false, allowedModels: [''] },
    ]) {
      expectError(await http().put(policyPath(org.id)).set(bearer(team.admin)).send(body), 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses a model outside the allow-list with 400 MODEL_NOT_ALLOWED before anything is reserved or sent', async () => {
    const { org, projectId } = await freshOrganization();
    const content = await createContent(t, team.admin, projectId, { model: 'gpt-4o' });
    await http()
      .put(policyPath(org.id))
      .set(bearer(team.admin))
      .send({ blockPromptsWithPii: false, allowedModels: ['gpt-4.1-mini'] });

    const refused = await http().post(`${API}/contents/${content.id}/generate`).set(bearer(team.admin));
    expectError(refused, 400, 'MODEL_NOT_ALLOWED');
    expect(refused.body.details).toEqual({ model: 'gpt-4o', allowedModels: ['gpt-4.1-mini'] });
    expect(fake.requestCount).toBe(0);
    expect(await reservationsOf(org.id)).toBe(0);
    expect(await statusOf(content.id)).toBe('DRAFT');
  });

  it('refuses a worst case above the ceiling with 402 GENERATION_COST_CEILING before anything is reserved or sent, and generates under it', async () => {
    const { org, projectId } = await freshOrganization();
    const content = await createContent(t, team.admin, projectId, { model: 'gpt-4.1-mini', maxTokens: 1_000 });
    // 1 000 output tokens of gpt-4.1-mini alone cost 0.001600 USD.
    await http()
      .put(policyPath(org.id))
      .set(bearer(team.admin))
      .send({ blockPromptsWithPii: false, maxCostPerGenerationUsd: '0.0016', allowedModels: ['gpt-4.1-mini'] });

    const refused = await http().post(`${API}/contents/${content.id}/generate`).set(bearer(team.admin));
    expectError(refused, 402, 'GENERATION_COST_CEILING');
    expect(refused.body.details).toMatchObject({
      model: 'gpt-4.1-mini',
      maxCompletionTokens: 1_000,
      maxCostPerGenerationUsd: '0.001600',
    });
    expect(Number(refused.body.details.worstCaseCostUsd)).toBeGreaterThan(0.0016);
    expect(fake.requestCount).toBe(0);
    expect(await reservationsOf(org.id)).toBe(0);
    expect(await statusOf(content.id)).toBe('DRAFT');

    await http()
      .put(policyPath(org.id))
      .set(bearer(team.admin))
      .send({ blockPromptsWithPii: false, maxCostPerGenerationUsd: '0.01' });
    expect((await http().post(`${API}/contents/${content.id}/generate`).set(bearer(team.admin))).status).toBe(202);
  });

  describe('GET /contents/:id/estimate', () => {
    it('counts the prompt and worst case as the reservation does, and says what remains of each limit', async () => {
      const { org, projectId } = await freshOrganization();
      const content = await createContent(t, team.admin, projectId, { model: 'gpt-4.1-mini', maxTokens: 500 });
      await http()
        .put(`${API}/organizations/${org.id}/usage/limits`)
        .set(bearer(team.admin))
        .send({ monthlyTokenLimit: 100_000, monthlyCostLimitUsd: '2', perUserMonthlyTokenLimit: 50_000 });
      await http()
        .put(`${API}/projects/${projectId}/usage/limits`)
        .set(bearer(team.admin))
        .send({ monthlyTokenLimit: 20_000, monthlyCostLimitUsd: null });

      const estimate = await http().get(`${API}/contents/${content.id}/estimate`).set(bearer(team.admin));
      expect(estimate.status).toBe(200);
      const body = estimate.body as {
        promptTokens: number;
        maxCompletionTokens: number;
        worstCaseCostUsd: string;
      };
      expect(estimate.body).toEqual({
        model: 'gpt-4.1-mini',
        promptTokens: expect.any(Number),
        maxCompletionTokens: 500,
        worstCaseCostUsd: expect.stringMatching(/^\d+\.\d{6}$/),
        remaining: {
          organization: { tokens: 100_000, costUsd: '2.000000' },
          user: { tokens: 50_000, costUsd: null },
          project: { tokens: 20_000, costUsd: null },
        },
        wouldExceed: null,
      });
      // 0.40 USD per million input tokens, 1.60 per million output (gpt-4.1-mini), rounded up to the micro-dollar.
      const micros = Math.ceil(body.promptTokens * 0.4 + 500 * 1.6 - 1e-9);
      expect(Math.round(Number(body.worstCaseCostUsd) * 1e6)).toBe(micros);

      // The generation reserves exactly that worst case.
      const accepted = await http().post(`${API}/contents/${content.id}/generate`).set(bearer(team.admin));
      expect(accepted.status).toBe(202);
      const [reservation] = (await t.app
        .get(DataSource)
        .query('SELECT tokens::int AS tokens, cost_micros::text AS cost FROM usage_reservations WHERE id = $1', [
          (accepted.body as { jobId: string }).jobId,
        ])) as { tokens: number; cost: string }[];
      expect(reservation).toEqual({ tokens: body.promptTokens + 500, cost: String(micros) });
    });

    it('names what would refuse the generation: the ceiling, the organization, the member, the project', async () => {
      const { org, projectId } = await freshOrganization();
      const content = await createContent(t, team.admin, projectId, { model: 'gpt-4.1-mini', maxTokens: 500 });
      const estimate = async () =>
        (await http().get(`${API}/contents/${content.id}/estimate`).set(bearer(team.admin))).body as {
          wouldExceed: string | null;
        };
      const orgLimits = (monthlyTokenLimit: number | null, perUserMonthlyTokenLimit: number | null) =>
        http()
          .put(`${API}/organizations/${org.id}/usage/limits`)
          .set(bearer(team.admin))
          .send({ monthlyTokenLimit, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit });

      await http()
        .put(policyPath(org.id))
        .set(bearer(team.admin))
        .send({ blockPromptsWithPii: false, maxCostPerGenerationUsd: '0.000001' });
      expect((await estimate()).wouldExceed).toBe('generationCeiling');
      await http()
        .put(policyPath(org.id))
        .set(bearer(team.admin))
        .send({ blockPromptsWithPii: false, maxCostPerGenerationUsd: null });

      await orgLimits(10, null);
      expect((await estimate()).wouldExceed).toBe('organization');
      await orgLimits(null, 10);
      expect((await estimate()).wouldExceed).toBe('user');
      await orgLimits(null, null);
      await http()
        .put(`${API}/projects/${projectId}/usage/limits`)
        .set(bearer(team.admin))
        .send({ monthlyTokenLimit: 10, monthlyCostLimitUsd: null });
      expect(await estimate()).toMatchObject({
        wouldExceed: 'project',
        remaining: { organization: null, user: null, project: { tokens: 10, costUsd: null } },
      });
      // An estimate reserves nothing.
      expect(await reservationsOf(org.id)).toBe(0);
    });

    it('is for EDITORs (403 for a VIEWER, 404 for an outsider) and refuses a model outside the allow-list', async () => {
      const content = await createContent(t, team.editor, (await createProject(t, team.admin, team.workspaceId)).id);
      const path = `${API}/contents/${content.id}/estimate`;
      expect((await http().get(path).set(bearer(team.editor))).status).toBe(200);
      expectError(await http().get(path).set(bearer(team.viewer)), 403, 'FORBIDDEN');
      expectError(await http().get(path).set(bearer(team.outsider)), 404, 'NOT_FOUND');

      const { org, projectId } = await freshOrganization();
      const other = await createContent(t, team.admin, projectId, { model: 'gpt-4o' });
      await http()
        .put(policyPath(org.id))
        .set(bearer(team.admin))
        .send({ blockPromptsWithPii: false, allowedModels: ['gpt-4.1-mini'] });
      expectError(
        await http().get(`${API}/contents/${other.id}/estimate`).set(bearer(team.admin)),
        400,
        'MODEL_NOT_ALLOWED',
      );
    });
  });
});
