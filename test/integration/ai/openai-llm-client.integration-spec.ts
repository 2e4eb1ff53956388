import { loadConfig } from '#libs/config';
import type { LlmRequest } from '../../../src/ai/application/ports/llm-client';
import { LlmError } from '../../../src/ai/domain/generation.errors';
import { OpenAiLlmClient } from '../../../src/ai/infrastructure/openai/openai-llm-client';
import { TiktokenTokenCounter } from '../../../src/ai/infrastructure/tiktoken/tiktoken-token-counter';
import { FakeOpenAiServer } from '../../fakes/fake-openai.server';

const API_KEY = 'sk-test-ai-context-key';
const MESSAGES: LlmRequest['messages'] = [
  { role: 'system', content: 'You write short Persian marketing copy.' },
  { role: 'user', content: 'یک جمله درباره چای بنویس.' },
];
const PROMPT_TOKENS = Math.ceil(MESSAGES.reduce((sum, m) => sum + m.content.length, 0) / 4);

/** The real adapter and the real `openai` package, talking HTTP to the local fake. */
describe('OpenAiLlmClient against FakeOpenAiServer', () => {
  let fake: FakeOpenAiServer;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: API_KEY });
  });

  afterEach(() => fake.reset());

  afterAll(async () => {
    await fake.stop();
  });

  const tokenCounter = new TiktokenTokenCounter();
  const client = (env: Record<string, string> = {}) =>
    new OpenAiLlmClient(
      loadConfig({
        ...process.env,
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_TIMEOUT_MS: '5000',
        ...env,
      }),
      tokenCounter,
    );

  async function generate(request: Partial<LlmRequest> = {}, env: Record<string, string> = {}) {
    const deltas: string[] = [];
    const result = await client(env).stream(
      { model: 'gpt-4.1-mini', messages: MESSAGES, ...request },
      (text) => void deltas.push(text),
    );
    return { result, deltas };
  }

  async function failure(request: Partial<LlmRequest> = {}, env: Record<string, string> = {}): Promise<LlmError> {
    const deltas: string[] = [];
    const error = await client(env)
      .stream({ model: 'gpt-4.1-mini', messages: MESSAGES, ...request }, (text) => void deltas.push(text))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    if (!(error instanceof LlmError)) throw new Error(`Expected an LlmError, got ${String(error)}`);
    return error;
  }

  it('streams the text delta by delta and returns it with the final usage, cached tokens included', async () => {
    fake.respondWith('یک دو سه چهار پنج');
    fake.setCachedTokens(4);
    fake.setChunkDelay(2);

    const { result, deltas } = await generate();

    expect(deltas).toEqual(['یک ', 'دو ', 'سه ', 'چهار ', 'پنج']);
    expect(result).toEqual({
      text: 'یک دو سه چهار پنج',
      model: 'gpt-4.1-mini',
      responseId: expect.stringMatching(/^chatcmpl-/),
      finishReason: 'stop',
      usage: {
        promptTokens: PROMPT_TOKENS,
        completionTokens: 5,
        cachedTokens: 4,
        reasoningTokens: 0,
        totalTokens: PROMPT_TOKENS + 5,
      },
      usageEstimated: false,
    });
  });

  it('reads the reasoning tokens of the final usage chunk (part of the completion tokens)', async () => {
    fake.respondWith('یک دو سه');
    fake.setCachedTokens(2);
    fake.setReasoningTokens(7);

    const { result } = await generate({ model: 'o4-mini', maxTokens: 100 });

    expect(result.text).toBe('یک دو سه');
    expect(result.usage).toEqual({
      promptTokens: PROMPT_TOKENS,
      completionTokens: 3 + 7,
      cachedTokens: 2,
      reasoningTokens: 7,
      totalTokens: PROMPT_TOKENS + 10,
    });
    expect(fake.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('asks for a stream with usage, with the key, the cap as max_tokens and the temperature', async () => {
    await generate({ maxTokens: 2, temperature: 0.2 });

    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(fake.requests[0]?.body).toEqual({
      model: 'gpt-4.1-mini',
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 2,
      temperature: 0.2,
    });
  });

  it('reports a cut-off answer with finish reason length', async () => {
    fake.respondWith('یک دو سه چهار پنج');

    const { result } = await generate({ model: 'o3-mini', maxTokens: 2 });

    expect(fake.requests[0]?.body).toMatchObject({ max_completion_tokens: 2 });
    expect(result).toMatchObject({ text: 'یک دو', finishReason: 'length', usage: { completionTokens: 2 } });
  });

  it('turns a 429 rate_limit_exceeded into a transient error with the retry-after, in one request', async () => {
    fake.failNext(1, { status: 429, code: 'rate_limit_exceeded', retryAfterSeconds: 7 });

    const error = await failure();

    expect(error).toMatchObject({ kind: 'transient', code: 'rate_limited', status: 429, retryAfterMs: 7000 });
    expect(fake.requestCount).toBe(1);
  });

  it('turns a 429 insufficient_quota into a permanent error and does not retry it', async () => {
    fake.failNext(1, { status: 429, code: 'insufficient_quota' });

    const error = await failure();

    expect(error).toMatchObject({ kind: 'permanent', code: 'insufficient_quota', status: 429 });
    expect(fake.requestCount).toBe(1);
  });

  it.each([500, 502, 503] as const)('turns a %i into a transient error', async (status) => {
    fake.failNext(1, { status });

    await expect(failure()).resolves.toMatchObject({ kind: 'transient', code: 'server_error', status });
    expect(fake.requestCount).toBe(1);
  });

  it('turns a 400 and a 401 into permanent errors, and keeps the key out of the message', async () => {
    fake.failNext(1, { status: 400, code: 'invalid_request_error', message: 'bad prompt' });
    await expect(failure()).resolves.toMatchObject({ kind: 'permanent', code: 'invalid_request', status: 400 });

    const auth = await failure({}, { OPENAI_API_KEY: 'sk-wrong-key-1234567890' });
    expect(auth).toMatchObject({ kind: 'permanent', code: 'auth', status: 401 });
    expect(auth.message).not.toContain('7890');
  });

  it('turns a connection dropped mid-stream into a transient error, after the deltas sent so far', async () => {
    fake.respondWith('یک دو سه چهار پنج شش');
    fake.failMidStream(2);
    const deltas: string[] = [];

    const error = await client()
      .stream({ model: 'gpt-4.1-mini', messages: MESSAGES }, (text) => void deltas.push(text))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'transient' });
    expect(error).toMatchObject({ code: 'connection', message: 'The stream broke: TypeError' });
    expect(deltas.join('')).toBe('یک دو ');
  });

  it('turns a response slower than OPENAI_TIMEOUT_MS into a transient timeout', async () => {
    fake.setLatency(1_000);
    const started = performance.now();

    const error = await failure({}, { OPENAI_TIMEOUT_MS: '200' });

    expect(error).toMatchObject({ kind: 'transient' });
    expect(error.code).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(900);
    expect(fake.requestCount).toBe(1);
  });

  it('times a stream out when it goes silent for longer than OPENAI_TIMEOUT_MS', async () => {
    fake.respondWith('یک دو سه');
    fake.setChunkDelay(600);

    const error = await failure({}, { OPENAI_TIMEOUT_MS: '200' });

    expect(error).toMatchObject({ kind: 'transient', code: 'timeout' });
  });

  it('stops when the caller aborts, with a transient aborted error', async () => {
    fake.respondWith('یک دو سه چهار پنج');
    fake.setChunkDelay(100);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);

    const error = await failure({ signal: controller.signal });

    expect(error).toMatchObject({ kind: 'transient', code: 'aborted' });
  });

  it('counts the tokens locally when a finished stream carries no usage chunk, and says the usage is estimated', async () => {
    // An OpenAI-compatible server that ignores stream_options.include_usage.
    const reply = 'یک جمله کوتاه درباره چای ایرانی.';
    fake.respondWith(reply);
    fake.leaveOutOfStreams({ usage: true });

    const { result, deltas } = await generate();

    const promptTokens = await tokenCounter.countChat('gpt-4.1-mini', MESSAGES);
    const completionTokens = await tokenCounter.countText('gpt-4.1-mini', reply);
    expect(completionTokens).toBeGreaterThan(0);
    expect(deltas.join('')).toBe(reply);
    expect(result).toEqual({
      text: reply,
      model: 'gpt-4.1-mini',
      responseId: expect.stringMatching(/^chatcmpl-/),
      finishReason: 'stop',
      usage: {
        promptTokens,
        completionTokens,
        cachedTokens: 0,
        reasoningTokens: 0,
        totalTokens: promptTokens + completionTokens,
      },
      usageEstimated: true,
    });
  });

  it('keys a finished stream with neither usage nor completion id by a unique local id', async () => {
    fake.leaveOutOfStreams({ usage: true, id: true });

    const first = await generate();
    const second = await generate();

    expect(first.result).toMatchObject({ usageEstimated: true, finishReason: 'stop' });
    expect(first.result.responseId).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(second.result.responseId).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(second.result.responseId).not.toBe(first.result.responseId);
  });

  it('still fails transient when a stream without usage drops before it finishes', async () => {
    fake.leaveOutOfStreams({ usage: true });
    fake.respondWith('یک دو سه چهار پنج شش');
    fake.failMidStream(2);

    await expect(failure()).resolves.toMatchObject({ kind: 'transient', code: 'connection' });
  });

  it('passes a failure of the delta listener on unchanged and stops reading', async () => {
    fake.respondWith('یک دو سه');
    fake.setChunkDelay(5);
    const listenerError = new Error('redis down');

    const error = await client()
      .stream({ model: 'gpt-4.1-mini', messages: MESSAGES }, () => {
        throw listenerError;
      })
      .catch((e: unknown) => e);

    expect(error).toBe(listenerError);
  });
});
