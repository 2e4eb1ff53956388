import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { SettleGenerationUsageUseCase } from '../../src/usage';
import { DEFAULT_FAKE_OPENAI_REPLY, FakeOpenAiServer } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import {
  createContent,
  createProject,
  expectError,
  setUpContentTeam,
  type ContentTeam,
} from '../support/content-helpers';
import { eventually } from '../support/eventually';
import { contentWhen, requestGeneration } from '../support/generation-helpers';
import { parseMetrics, seriesNamesOf, valueOf, type Scrape } from '../support/metrics-text';

const ROOT = join(__dirname, '..', '..');
/** The fake names a dated snapshot of the model asked for, as OpenAI does: the label is the model that answered. */
const ANSWERING_MODEL = 'gpt-4.1-mini-2025-04-14';

/** The labels each family of the service's own may carry (a histogram's series add `le`): none identifies a tenant. */
const LABELS: Record<string, string[]> = {
  generations_started_total: [],
  generations_completed_total: [],
  generations_failed_total: ['code'],
  generation_attempts_failed_total: ['code', 'final'],
  generation_duration_seconds: [],
  llm_requests_total: ['model', 'outcome'],
  llm_request_duration_seconds: ['model'],
  llm_time_to_first_token_seconds: ['model'],
  llm_output_tokens_per_second: ['model'],
  usage_tokens_total: ['model', 'type'],
  usage_cost_microdollars_total: ['model'],
  usage_reservations_refused_total: ['limit'],
  usage_thresholds_crossed_total: ['limit', 'threshold'],
  otp_sms_sent_total: [],
  otp_sms_failed_total: ['reason'],
  webhook_deliveries_total: ['outcome'],
  db_pool_connections: ['state'],
  db_pool_waiting_requests: [],
  db_pool_max_connections: [],
  db_query_duration_seconds: ['statement'],
  redis_command_errors_total: ['reason'],
  redis_connection_errors_total: ['connection'],
  queue_jobs: ['queue', 'state'],
  queue_oldest_waiting_job_age_seconds: ['queue'],
  http_request_duration_seconds: ['method', 'route', 'status_code'],
};

/** A webhook receiver that answers 200 to everything. */
async function startReceiver(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server };
}

describe('GET /metrics after real generations (whole app, fake OpenAI and Kavenegar, a webhook receiver)', () => {
  let t: SmsTestApp;
  let fake: FakeOpenAiServer;
  let receiver: { url: string; server: Server };
  let team: ContentTeam;
  let projectId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    fake = await FakeOpenAiServer.start({ apiKey: 'sk-test' });
    t = await bootSmsTestApp({
      APP_ROLE: 'all',
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'sk-test',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    });
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
    const hook = await request(t.server)
      .post(`${API}/organizations/${team.org.id}/webhooks`)
      .set(bearer(team.admin))
      .send({ url: receiver.url, events: ['content.generated'] });
    expect(hook.status).toBe(201);
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
    await new Promise<void>((resolve) => (receiver ? receiver.server.close(() => resolve()) : resolve()));
  });

  beforeEach(() => {
    fake.reset();
    fake.answerAsModel(ANSWERING_MODEL);
    fake.setChunkDelay(5);
  });

  async function scrape(): Promise<Scrape> {
    const response = await request(t.server).get('/metrics');
    expect(response.status).toBe(200);
    return parseMetrics(response.text);
  }

  /** How much a series grew between two scrapes (a series not there yet counts as 0). */
  const growth = (before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}) =>
    (valueOf(after, name, labels) ?? 0) - (valueOf(before, name, labels) ?? 0);

  it('counts a completed generation, its model call, its tokens and cost by model, its webhook and its statements', async () => {
    const before = await scrape();
    const content = await createContent(t, team.editor, projectId);

    expect((await requestGeneration(t, team.editor, content.id)).status).toBe(202);
    await contentWhen(t, team.editor, content.id, 'in REVIEW', (c) => c.status === 'REVIEW');
    const after = await eventually('the webhook delivery to be counted', async () => {
      const current = await scrape();
      return growth(before, current, 'webhook_deliveries_total', { outcome: 'delivered' }) >= 1 ? current : undefined;
    });

    const grew = (name: string, labels: Record<string, string> = {}) => growth(before, after, name, labels);
    const model = { model: ANSWERING_MODEL };
    expect({
      started: grew('generations_started_total'),
      completed: grew('generations_completed_total'),
      timedToCompletion: grew('generation_duration_seconds_count'),
      failed: grew('generations_failed_total'),
      calls: grew('llm_requests_total', { ...model, outcome: 'completed' }),
      timedCalls: grew('llm_request_duration_seconds_count', model),
      timedToFirstToken: grew('llm_time_to_first_token_seconds_count', model),
      timedTokensPerSecond: grew('llm_output_tokens_per_second_count', model),
      outputTokens: grew('usage_tokens_total', { ...model, type: 'output' }),
      cachedInputTokens: grew('usage_tokens_total', { ...model, type: 'cached_input' }),
    }).toEqual({
      started: 1,
      completed: 1,
      timedToCompletion: 1,
      failed: 0,
      calls: 1,
      timedCalls: 1,
      timedToFirstToken: 1,
      timedTokensPerSecond: 1,
      // The fake counts one completion token per word of its reply, and no cached ones.
      outputTokens: DEFAULT_FAKE_OPENAI_REPLY.split(/\s+/).length,
      cachedInputTokens: 0,
    });
    expect(valueOf(after, 'usage_tokens_total', { ...model, type: 'cached_input' })).toBeDefined();
    expect(grew('usage_tokens_total', { ...model, type: 'input' })).toBeGreaterThan(0);
    expect(grew('usage_cost_microdollars_total', model)).toBeGreaterThan(0);
    expect(grew('llm_request_duration_seconds_sum', model)).toBeGreaterThan(0);

    for (const statement of ['select', 'insert', 'update', 'transaction'])
      expect({ statement, grew: grew('db_query_duration_seconds_count', { statement }) > 0 }).toEqual({
        statement,
        grew: true,
      });
    expect(valueOf(after, 'db_pool_max_connections')).toBe(t.config.database.poolSize);
    expect(valueOf(after, 'db_pool_waiting_requests')).toBe(0);
    const pool = {
      inUse: valueOf(after, 'db_pool_connections', { state: 'in_use' }) ?? -1,
      idle: valueOf(after, 'db_pool_connections', { state: 'idle' }) ?? -1,
    };
    expect(pool.inUse).toBeGreaterThanOrEqual(0);
    expect(pool.idle).toBeGreaterThanOrEqual(0);
    expect(pool.inUse + pool.idle).toBeLessThanOrEqual(t.config.database.poolSize);
    expect(valueOf(after, 'queue_oldest_waiting_job_age_seconds', { queue: 'ai-generation' })).toBeGreaterThanOrEqual(
      0,
    );
    // The team's four members signed in with a code each, sent through the fake Kavenegar.
    expect(valueOf(after, 'otp_sms_sent_total')).toBeGreaterThanOrEqual(4);
    for (const family of ['redis_command_errors_total', 'redis_connection_errors_total', 'otp_sms_failed_total'])
      expect(after.types.get(family)).toBe('counter');
  });

  it('counts a generation that finally fails by its code, and the model call by its outcome', async () => {
    const before = await scrape();
    const content = await createContent(t, team.editor, projectId);
    fake.failNext(10, { status: 429, code: 'insufficient_quota' });

    expect((await requestGeneration(t, team.editor, content.id)).status).toBe(202);
    await contentWhen(t, team.editor, content.id, 'back in DRAFT', (c) => c.status === 'DRAFT' && !!c.lastError);
    const after = await scrape();

    const grew = (name: string, labels: Record<string, string> = {}) => growth(before, after, name, labels);
    expect({
      started: grew('generations_started_total'),
      completed: grew('generations_completed_total'),
      failed: grew('generations_failed_total', { code: 'insufficient_quota' }),
      lastAttempt: grew('generation_attempts_failed_total', { code: 'insufficient_quota', final: 'true' }),
      // It failed before the provider named a model.
      calls: grew('llm_requests_total', { model: 'unknown', outcome: 'insufficient_quota' }),
      tokens: grew('usage_tokens_total'),
    }).toEqual({ started: 1, completed: 0, failed: 1, lastAttempt: 1, calls: 1, tokens: 0 });
  });

  it('counts a generation refused by a limit, by that limit, and the thresholds usage crosses, by limit and threshold', async () => {
    const other = await setUpContentTeam(t);
    const limits = (monthlyTokenLimit: number) =>
      request(t.server)
        .put(`${API}/organizations/${other.org.id}/usage/limits`)
        .set(bearer(other.admin))
        .send({ monthlyTokenLimit, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null });
    const before = await scrape();

    expect((await limits(1)).status).toBe(200);
    const content = await createContent(t, other.editor, (await createProject(t, other.admin, other.workspaceId)).id);
    expectError(await requestGeneration(t, other.editor, content.id), 402, 'USAGE_LIMIT_EXCEEDED');

    expect((await limits(1_000)).status).toBe(200);
    const settle = (promptTokens: number) =>
      t.app.get(SettleGenerationUsageUseCase).execute({
        reservationId: null,
        callKey: `chatcmpl-${randomUUID()}`,
        organizationId: other.org.id,
        userId: other.editor.user.id,
        projectId: randomUUID(),
        contentId: null,
        model: 'gpt-4.1-mini',
        promptTokens,
        cachedTokens: 0,
        completionTokens: 0,
      });
    await settle(800);
    const at80 = await scrape();
    await settle(200);
    const after = await scrape();

    const crossed = (from: Scrape, to: Scrape, threshold: string) =>
      growth(from, to, 'usage_thresholds_crossed_total', { limit: 'monthlyTokenLimit', threshold });
    expect({
      refused: growth(before, after, 'usage_reservations_refused_total', { limit: 'monthlyTokenLimit' }),
      crossed80: crossed(before, at80, '80'),
      crossed100First: crossed(before, at80, '100'),
      crossed100: crossed(at80, after, '100'),
    }).toEqual({ refused: 1, crossed80: 1, crossed100First: 0, crossed100: 1 });
  });

  it('labels nothing by organization, member or content, and keeps to the declared labels of each family', async () => {
    const response = await request(t.server).get('/metrics');
    for (const id of [team.org.id, team.admin.user.id, team.editor.user.id, projectId])
      expect(response.text).not.toContain(id);

    const scraped = parseMetrics(response.text);
    const unexpected = scraped.samples.flatMap((sample) => {
      const family = Object.keys(LABELS).find((name) => sample.name === name || sample.name.startsWith(`${name}_`));
      if (!family) return [];
      const allowed = [...LABELS[family], ...(sample.name.endsWith('_bucket') ? ['le'] : [])];
      const extra = Object.keys(sample.labels).filter((label) => !allowed.includes(label));
      return extra.length ? [`${sample.name}: ${extra.join(', ')}`] : [];
    });
    expect(unexpected).toEqual([]);
    for (const family of Object.keys(LABELS))
      expect({ family, declared: scraped.types.has(family) }).toEqual({ family, declared: true });
  });

  it('exposes every series the Prometheus alert rules and the Grafana dashboard query', async () => {
    const exposed = seriesNamesOf(await scrape());
    const queried = new Set<string>();
    for (const file of ['docker/prometheus/alerts.yml', 'docker/grafana/dashboards/contexor.json'])
      for (const [name] of readFileSync(join(ROOT, file), 'utf8').matchAll(
        /\b(?:http|queue|generations?|llm|usage|otp_sms|webhook|db|redis|process|nodejs)_[a-z0-9_]+/g,
      ))
        queried.add(name);

    expect(queried.size).toBeGreaterThan(20);
    expect([...queried].filter((name) => !exposed.has(name))).toEqual([]);
  });
});
