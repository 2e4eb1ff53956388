import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { FakeOpenAiServer, DEFAULT_FAKE_OPENAI_REPLY } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, type Session, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentBody,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';

const run = promisify(execFile);

const DEPLOYMENT_KEY = 'sk-deployment-key-0000';
const ORG_KEY = 'sk-own-relay-key-7a9Q';
const MODELS = [
  { id: 'gpt-4.1-mini', inputUsdPerMTok: '1.00', cachedInputUsdPerMTok: '0.50', outputUsdPerMTok: '3.00' },
  { id: 'relay-small', inputUsdPerMTok: '0', cachedInputUsdPerMTok: '0', outputUsdPerMTok: '0.10' },
];

interface UsageRow {
  provider: string;
  prompt_tokens: number;
  cached_tokens: number;
  completion_tokens: number;
  cost_micros: string;
}

describe('/organizations/:orgId/ai-provider (whole app, two fake OpenAI servers)', () => {
  let t: SmsTestApp;
  let deployment: FakeOpenAiServer;
  let own: FakeOpenAiServer;
  let team: ContentTeam;
  let other: ContentTeam;
  let projectId: string;
  let otherProjectId: string;

  beforeAll(async () => {
    deployment = await FakeOpenAiServer.start({ apiKey: DEPLOYMENT_KEY });
    own = await FakeOpenAiServer.start({ apiKey: ORG_KEY });
    t = await bootSmsTestApp({
      OPENAI_BASE_URL: deployment.baseUrl,
      OPENAI_API_KEY: DEPLOYMENT_KEY,
      APP_ROLE: 'all',
      // The organization's fake listens on 127.0.0.1: the address guard is tested at unit level.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    });
    team = await setUpContentTeam(t);
    other = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
    otherProjectId = (await createProject(t, other.admin, other.workspaceId)).id;
  });

  afterAll(async () => {
    await t?.close();
    await deployment?.stop();
    await own?.stop();
  });

  beforeEach(() => {
    deployment.reset();
    own.reset();
  });

  const http = () => request(t.server);
  const path = (orgId = team.org.id) => `${API}/organizations/${orgId}/ai-provider`;
  const put = (body: unknown, as: Session = team.admin, orgId = team.org.id) =>
    http()
      .put(path(orgId))
      .set(bearer(as))
      .send(body as object);
  const setOwnProvider = async () => {
    const response = await put({ baseUrl: own.baseUrl, apiKey: ORG_KEY, models: MODELS });
    expect(response.status).toBe(200);
    return response;
  };
  const generate = (contentId: string, as: Session) =>
    http().post(`${API}/contents/${contentId}/generate`).set(bearer(as));
  const settled = (contentId: string, as: Session, status: string) =>
    eventually(
      `content ${contentId} in ${status}`,
      async () => {
        const body = (await http().get(`${API}/contents/${contentId}`).set(bearer(as))).body as ContentBody & {
          lastError: { code: string } | null;
        };
        return body.status === status ? body : undefined;
      },
      20_000,
      100,
    );
  const usageOf = async (contentId: string): Promise<UsageRow[]> =>
    t.app
      .get(DataSource)
      .query(
        'SELECT provider, prompt_tokens, cached_tokens, completion_tokens, cost_micros FROM usage_records WHERE content_id = $1',
        [contentId],
      );

  it('answers 404 AI_PROVIDER_NOT_SET while the organization uses the deployment’s provider', async () => {
    await http().delete(path()).set(bearer(team.admin)).expect(204);
    expectError(await http().get(path()).set(bearer(team.admin)), 404, 'AI_PROVIDER_NOT_SET');
  });

  it('sets the provider and answers it with only the last 4 characters of the key', async () => {
    const response = await setOwnProvider();

    expect(response.body).toEqual({
      baseUrl: own.baseUrl,
      apiKeyLast4: '7a9Q',
      models: [
        {
          id: 'gpt-4.1-mini',
          inputUsdPerMTok: '1.000000',
          cachedInputUsdPerMTok: '0.500000',
          outputUsdPerMTok: '3.000000',
        },
        {
          id: 'relay-small',
          inputUsdPerMTok: '0.000000',
          cachedInputUsdPerMTok: '0.000000',
          outputUsdPerMTok: '0.100000',
        },
      ],
      updatedAt: expect.any(String),
    });
    const read = await http().get(path()).set(bearer(team.admin));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(response.body);
    expect(JSON.stringify(read.body)).not.toContain(ORG_KEY);
  });

  it('sends the organization’s generations only to its base URL with its key, priced by its table; the other organization’s to the deployment', async () => {
    await setOwnProvider();
    const mine = await createContent(t, team.editor, projectId);
    const theirs = await createContent(t, other.editor, otherProjectId);

    expect((await generate(mine.id, team.editor)).status).toBe(202);
    expect((await generate(theirs.id, other.editor)).status).toBe(202);
    expect((await settled(mine.id, team.editor, 'REVIEW')).body).toBe(DEFAULT_FAKE_OPENAI_REPLY);
    await settled(theirs.id, other.editor, 'REVIEW');

    const chat = (fake: FakeOpenAiServer) => fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chat(own)).toHaveLength(1);
    expect(chat(own)[0]!.headers.authorization).toBe(`Bearer ${ORG_KEY}`);
    expect(chat(deployment)).toHaveLength(1);
    expect(chat(deployment)[0]!.headers.authorization).toBe(`Bearer ${DEPLOYMENT_KEY}`);
    // Each fake saw only its own organization's prompt.
    expect(JSON.stringify(chat(deployment)[0]!.body)).not.toContain(ORG_KEY);

    const [record] = await usageOf(mine.id);
    expect(record).toMatchObject({ provider: 'organization' });
    const { prompt_tokens: p, cached_tokens: c, completion_tokens: o } = record!;
    const micros = (p - c) * 1_000_000 + c * 500_000 + o * 3_000_000;
    expect(BigInt(record!.cost_micros)).toBe(BigInt(Math.ceil(micros / 1_000_000)));
    expect(await usageOf(theirs.id)).toEqual([expect.objectContaining({ provider: 'deployment' })]);
  });

  it('refuses a model outside the organization’s table before anything is reserved or sent (400 MODEL_UNKNOWN)', async () => {
    await setOwnProvider();
    const content = await createContent(t, team.editor, projectId, { model: 'gpt-4o' });

    expectError(await generate(content.id, team.editor), 400, 'MODEL_UNKNOWN');
    expect(own.requests).toHaveLength(0);
    expect(deployment.requests).toHaveLength(0);
  });

  it('fails at once with lastError PROVIDER_QUOTA when the organization’s provider answers 429 insufficient_quota', async () => {
    await setOwnProvider();
    own.failNext(10, { status: 429, code: 'insufficient_quota' });
    const content = await createContent(t, team.editor, projectId);

    expect((await generate(content.id, team.editor)).status).toBe(202);
    const failed = await settled(content.id, team.editor, 'DRAFT');

    expect(failed.lastError).toMatchObject({ code: 'PROVIDER_QUOTA' });
    expect(own.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
    expect(deployment.requests).toHaveLength(0);
  });

  it('keeps the key out of a pg_dump of the whole database and out of the audit log', async () => {
    await setOwnProvider();
    const { stdout } = await run('pg_dump', ['--data-only', t.config.database.url], { maxBuffer: 512 * 1024 * 1024 });

    expect(stdout).toContain('enc:v1:');
    expect(stdout).not.toContain(ORG_KEY);
    expect(stdout).not.toContain(ORG_KEY.slice(3, 15));
    const audit: { action: string; metadata: unknown }[] = await t.app
      .get(DataSource)
      .query(`SELECT action, metadata FROM audit_log WHERE organization_id = $1 AND action LIKE 'ai_provider.%'`, [
        team.org.id,
      ]);
    expect(audit.map((entry) => entry.action)).toContain('ai_provider.set');
    expect(JSON.stringify(audit)).not.toContain(ORG_KEY);
  });

  it('returns the organization to the deployment’s provider on DELETE', async () => {
    await setOwnProvider();
    expect((await http().delete(path()).set(bearer(team.admin))).status).toBe(204);
    expectError(await http().get(path()).set(bearer(team.admin)), 404, 'AI_PROVIDER_NOT_SET');
    const content = await createContent(t, team.editor, projectId);

    expect((await generate(content.id, team.editor)).status).toBe(202);
    await settled(content.id, team.editor, 'REVIEW');
    expect(own.requests).toHaveLength(0);
    expect(await usageOf(content.id)).toEqual([expect.objectContaining({ provider: 'deployment' })]);
  });

  it('validates the body: models non-empty, unique ids, prices ≥ 0 and bounded, an http(s) base URL', async () => {
    const base = { baseUrl: own.baseUrl, apiKey: ORG_KEY, models: MODELS };
    expectError(await put({ ...base, models: [] }), 400, 'VALIDATION_FAILED');
    expectError(
      await put({ ...base, models: [MODELS[0], { ...MODELS[0], id: 'GPT-4.1-mini' }] }),
      400,
      'AI_PROVIDER_INVALID',
    );
    expectError(await put({ ...base, models: [{ ...MODELS[0], outputUsdPerMTok: '-1' }] }), 400, 'VALIDATION_FAILED');
    expectError(
      await put({ ...base, models: [{ ...MODELS[0], outputUsdPerMTok: '20000' }] }),
      400,
      'AI_PROVIDER_INVALID',
    );
    expectError(await put({ ...base, baseUrl: 'ftp://relay.example.com/v1' }), 400, 'AI_PROVIDER_URL_INVALID');
    expectError(await put({ ...base, apiKey: 'short' }), 400, 'VALIDATION_FAILED');
  });

  it('is for ADMINs of the organization: EDITOR 403, another organization’s ADMIN 404', async () => {
    await setOwnProvider();
    expectError(await http().get(path()).set(bearer(team.editor)), 403, 'FORBIDDEN');
    expectError(await put({ baseUrl: own.baseUrl, apiKey: ORG_KEY, models: MODELS }, team.editor), 403, 'FORBIDDEN');
    expectError(await http().delete(path()).set(bearer(team.editor)), 403, 'FORBIDDEN');
    expect((await http().get(path()).set(bearer(other.admin))).status).toBe(404);
    expect((await http().get(path(team.org.id)).set(bearer(team.outsider))).status).toBe(404);
    expect((await put({ baseUrl: own.baseUrl, apiKey: ORG_KEY, models: MODELS }, other.admin)).status).toBe(404);
    expect((await http().delete(path()).set(bearer(other.admin))).status).toBe(404);
    expect((await http().get(path()).set(bearer(team.admin))).status).toBe(200);
  });
});
