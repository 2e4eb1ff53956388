import request from 'supertest';
import { DataSource } from 'typeorm';
import { FakeOpenAiServer } from '../fakes/fake-openai.server';
import { API, bearer, bootSmsTestApp, type SmsTestApp } from '../support/auth-helpers';
import { createContent, createProject, setUpContentTeam, type ContentTeam } from '../support/content-helpers';
import { contentWhen, startGenerationOverHttp } from '../support/generation-helpers';

const API_KEY = 'sk-test';
// o4-mini at its list prices (USD per million tokens): input 1.10, cached input 0.275, output 4.40.
const O4_MINI = { input: '1.10', cachedInput: '0.275', output: '4.40' };
const REPLY = 'یک دو سه چهار پنج';

interface RecordRow {
  model: string;
  prompt_tokens: number;
  cached_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  total_tokens: number;
  cost_micros: string;
  call_key: string;
}

/** The `usage` object of a chat completion, as OpenAI sends it. */
interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

/** Micro-USD per million tokens → the cost of a call in micro-USD, rounded up once, as the usage context computes it. */
function costMicros(price: { input: bigint; cachedInput: bigint; output: bigint }, usage: WireUsage): bigint {
  const cached = BigInt(usage.prompt_tokens_details.cached_tokens);
  const total =
    (BigInt(usage.prompt_tokens) - cached) * price.input +
    cached * price.cachedInput +
    BigInt(usage.completion_tokens) * price.output;
  return (total + 999_999n) / 1_000_000n;
}

describe('Exact cost: cached and reasoning tokens, streamed as unstreamed (whole app, fake OpenAI)', () => {
  let t: SmsTestApp;
  let fake: FakeOpenAiServer;
  let team: ContentTeam;
  let projectId: string;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: API_KEY });
    t = await bootSmsTestApp({
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: API_KEY,
      APP_ROLE: 'all',
      USAGE_PRICES: JSON.stringify({ 'o4-mini': O4_MINI }),
    });
    team = await setUpContentTeam(t);
    projectId = (await createProject(t, team.admin, team.workspaceId)).id;
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  beforeEach(() => fake.reset());

  const http = () => request(t.server);

  /** Generates a new content with `model` through HTTP to REVIEW and returns its one usage record. */
  async function generateAndRecord(model: string): Promise<RecordRow> {
    const content = await createContent(t, team.editor, projectId, { model, maxTokens: 2_000 });
    await startGenerationOverHttp(t, team.editor, content.id);
    await contentWhen(t, team.editor, content.id, 'in REVIEW', (c) => c.status === 'REVIEW');
    const rows: RecordRow[] = await t.app.get(DataSource).query(
      `SELECT model, prompt_tokens, cached_tokens, completion_tokens, reasoning_tokens, total_tokens,
                cost_micros::text AS cost_micros, call_key
           FROM usage_records WHERE content_id = $1`,
      [content.id],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  /** The request the app streamed, sent again to the same server unstreamed: what that call reports. */
  async function sameCallUnstreamed(): Promise<WireUsage> {
    const streamed = fake.requests.find((r) => r.path.endsWith('/chat/completions'));
    if (!streamed) throw new Error('the app made no chat-completions call');
    expect(streamed.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const { stream: _stream, stream_options: _options, ...body } = streamed.body;
    const response = await fetch(`${fake.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    const completion = (await response.json()) as { object: string; usage: WireUsage };
    expect(completion.object).toBe('chat.completion');
    return completion.usage;
  }

  it('prices cached prompt tokens at the cached rate and reasoning tokens as output, to the micro-dollar', async () => {
    fake.respondWith(REPLY);
    fake.setPromptTokens(1_234);
    fake.setCachedTokens(1_024);
    fake.setReasoningTokens(640);

    const record = await generateAndRecord('o4-mini');

    // (1 234 − 1 024) × 1.10 + 1 024 × 0.275 + (5 + 640) × 4.40 = 231 + 281.6 + 2 838 = 3 350.6 → 3 351 micro-USD
    // (every prompt token at the input price would be 4 195.4; reasoning charged again on top, 6 211.4)
    expect(record).toMatchObject({
      model: 'o4-mini',
      prompt_tokens: 1_234,
      cached_tokens: 1_024,
      completion_tokens: 645,
      reasoning_tokens: 640,
      total_tokens: 1_879,
      cost_micros: '3351',
    });

    const report = await http().get(`${API}/organizations/${team.org.id}/usage?groupBy=model`).set(bearer(team.admin));
    expect(report.status).toBe(200);
    expect(report.body.groups).toContainEqual({
      key: 'o4-mini',
      requests: 1,
      promptTokens: 1_234,
      cachedPromptTokens: 1_024,
      cachedTokens: 1_024,
      completionTokens: 645,
      reasoningTokens: 640,
      totalTokens: 1_879,
      costUsd: '0.003351',
    });

    const mine = await http().get(`${API}/me/usage`).set(bearer(team.editor));
    expect(mine.status).toBe(200);
    expect(mine.body.totals).toMatchObject({ cachedPromptTokens: 1_024, reasoningTokens: 640 });
  });

  it.each([
    [
      'o4-mini',
      'a reasoning model',
      { cached: 3, reasoning: 96 },
      { input: 1_100_000n, cachedInput: 275_000n, output: 4_400_000n },
    ],
    [
      'gpt-4.1-mini',
      'a list-priced model',
      { cached: 5, reasoning: 0 },
      { input: 400_000n, cachedInput: 100_000n, output: 1_600_000n },
    ],
  ])(
    'records a streamed call of %s (%s) exactly as the same call unstreamed reports it',
    async (model, _kind, details, price) => {
      fake.respondWith(REPLY);
      fake.setCachedTokens(details.cached);
      fake.setReasoningTokens(details.reasoning);

      const record = await generateAndRecord(model);
      const unstreamed = await sameCallUnstreamed();

      expect(unstreamed.completion_tokens_details.reasoning_tokens).toBe(details.reasoning);
      expect({
        prompt_tokens: record.prompt_tokens,
        cached_tokens: record.cached_tokens,
        completion_tokens: record.completion_tokens,
        reasoning_tokens: record.reasoning_tokens,
        total_tokens: record.total_tokens,
        cost_micros: BigInt(record.cost_micros),
      }).toEqual({
        prompt_tokens: unstreamed.prompt_tokens,
        cached_tokens: unstreamed.prompt_tokens_details.cached_tokens,
        completion_tokens: unstreamed.completion_tokens,
        reasoning_tokens: unstreamed.completion_tokens_details.reasoning_tokens,
        total_tokens: unstreamed.total_tokens,
        cost_micros: costMicros(price, unstreamed),
      });
      expect(record.call_key).toMatch(/^chatcmpl-/);
    },
  );
});
