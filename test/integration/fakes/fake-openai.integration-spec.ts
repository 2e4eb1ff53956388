import OpenAI from 'openai';
import { DEFAULT_FAKE_OPENAI_REPLY, FakeOpenAiServer } from '../../fakes/fake-openai.server';

const API_KEY = 'sk-test-fake-openai-key';
const MODEL = 'gpt-4o-mini';
const MESSAGES = [
  { role: 'system' as const, content: 'You write short Persian marketing copy.' },
  { role: 'user' as const, content: 'یک جمله درباره چای بنویس.' },
];

describe('FakeOpenAiServer', () => {
  let fake: FakeOpenAiServer;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start({ apiKey: API_KEY });
  });

  afterEach(() => fake.reset());

  afterAll(async () => {
    await fake.stop();
  });

  const client = (options: { maxRetries?: number; apiKey?: string } = {}) =>
    new OpenAI({
      apiKey: options.apiKey ?? API_KEY,
      baseURL: fake.baseUrl,
      maxRetries: options.maxRetries ?? 0,
      timeout: 10_000,
    });

  it('returns a completion with content and usage', async () => {
    fake.respondWith('سلام دنیا از مدل ساختگی');
    fake.setCachedTokens(3);

    const completion = await client().chat.completions.create({ model: MODEL, messages: MESSAGES });

    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe(MODEL);
    expect(completion.choices).toEqual([
      expect.objectContaining({
        index: 0,
        message: expect.objectContaining({ role: 'assistant', content: 'سلام دنیا از مدل ساختگی', refusal: null }),
        finish_reason: 'stop',
      }),
    ]);
    const characters = MESSAGES.reduce((sum, m) => sum + m.content.length, 0);
    expect(completion.usage).toMatchObject({
      prompt_tokens: Math.ceil(characters / 4),
      completion_tokens: 5,
      total_tokens: Math.ceil(characters / 4) + 5,
      prompt_tokens_details: { cached_tokens: 3 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it('replies with a Persian paragraph by default', async () => {
    const completion = await client().chat.completions.create({ model: MODEL, messages: MESSAGES });

    expect(completion.choices[0].message.content).toBe(DEFAULT_FAKE_OPENAI_REPLY);
  });

  it('records each request with its headers and parsed body', async () => {
    await client().chat.completions.create({ model: MODEL, messages: MESSAGES, temperature: 0.2 });

    expect(fake.requestCount).toBe(1);
    expect(fake.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(fake.requests[0].body).toMatchObject({ model: MODEL, messages: MESSAGES, temperature: 0.2 });
  });

  it('streams deltas and a final usage chunk', async () => {
    const text = 'یک دو سه چهار پنج';
    fake.respondWith(text);
    fake.setChunkDelay(5);

    const stream = await client().chat.completions.create({
      model: MODEL,
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null });
    const contentChunks = chunks.filter((c) => c.choices[0]?.delta.content);
    expect(contentChunks.length).toBeGreaterThan(1);
    expect(contentChunks.map((c) => c.choices[0].delta.content).join('')).toBe(text);
    const finish = chunks.at(-2);
    expect(finish?.choices[0].finish_reason).toBe('stop');
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ completion_tokens: 5, prompt_tokens_details: { cached_tokens: 0 } });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  });

  it('reports reasoning tokens inside completion_tokens, the same plain and streamed', async () => {
    fake.respondWith('یک دو سه چهار پنج');
    fake.setCachedTokens(3);
    fake.setReasoningTokens(40);

    const plain = await client().chat.completions.create({ model: 'o4-mini', messages: MESSAGES });
    const stream = await client().chat.completions.create({
      model: 'o4-mini',
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(plain.choices[0].message.content).toBe('یک دو سه چهار پنج');
    expect(plain.usage).toMatchObject({
      completion_tokens: 5 + 40,
      total_tokens: plain.usage!.prompt_tokens + 45,
      prompt_tokens_details: { cached_tokens: 3 },
      completion_tokens_details: { reasoning_tokens: 40 },
    });
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual(plain.usage);
  });

  it('spends a completion cap on reasoning first, then on as many words as remain', async () => {
    fake.respondWith('یک دو سه چهار پنج');
    fake.setReasoningTokens(3);

    const capped = await client().chat.completions.create({
      model: 'o4-mini',
      messages: MESSAGES,
      max_completion_tokens: 5,
    });

    expect(capped.choices[0]).toMatchObject({ message: { content: 'یک دو' }, finish_reason: 'length' });
    expect(capped.usage).toMatchObject({ completion_tokens: 5, completion_tokens_details: { reasoning_tokens: 3 } });
  });

  it('streams without usage when include_usage is not set', async () => {
    const stream = await client().chat.completions.create({ model: MODEL, messages: MESSAGES, stream: true });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks.at(-1)?.choices[0].finish_reason).toBe('stop');
    expect(chunks.every((c) => !('usage' in c))).toBe(true);
  });

  it('leaves the usage chunk out on request, even when include_usage asks for it, keeping the id', async () => {
    fake.respondWith('یک دو سه');
    fake.leaveOutOfStreams({ usage: true });

    const stream = await client().chat.completions.create({
      model: MODEL,
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks.at(-1)?.choices[0].finish_reason).toBe('stop');
    expect(chunks.every((c) => !('usage' in c))).toBe(true);
    expect(chunks.every((c) => c.id.startsWith('chatcmpl-'))).toBe(true);
  });

  it('leaves the completion id out on request, and goes back to whole streams after reset()', async () => {
    fake.leaveOutOfStreams({ usage: true, id: true });
    const streamOnce = async () => {
      const stream = await client().chat.completions.create({
        model: MODEL,
        messages: MESSAGES,
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      return chunks;
    };

    const bare = await streamOnce();
    expect(bare.every((c) => !('id' in c) && !('usage' in c))).toBe(true);
    expect(bare.at(-1)?.choices[0].finish_reason).toBe('stop');

    fake.reset();
    const whole = await streamOnce();
    expect(whole.at(-1)?.usage).toMatchObject({ total_tokens: expect.any(Number) });
    expect(whole.every((c) => c.id.startsWith('chatcmpl-'))).toBe(true);
  });

  it('stops at max_completion_tokens with finish_reason length', async () => {
    fake.respondWith('یک دو سه چهار پنج');

    const completion = await client().chat.completions.create({
      model: MODEL,
      messages: MESSAGES,
      max_completion_tokens: 2,
    });

    expect(completion.choices[0]).toMatchObject({ message: { content: 'یک دو' }, finish_reason: 'length' });
    expect(completion.usage?.completion_tokens).toBe(2);
  });

  it('surfaces a scripted rate limit as RateLimitError with retry-after', async () => {
    fake.failNext(1, { status: 429, code: 'rate_limit_exceeded', retryAfterSeconds: 7 });

    const error = await client()
      .chat.completions.create({ model: MODEL, messages: MESSAGES })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.code).toBe('rate_limit_exceeded');
    expect(rateLimit.headers.get('retry-after')).toBe('7');
    expect(rateLimit.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(rateLimit.param).toBeNull();
  });

  it('surfaces insufficient_quota with its code', async () => {
    fake.failNext(1, { status: 429, code: 'insufficient_quota' });

    const error = await client()
      .chat.completions.create({ model: MODEL, messages: MESSAGES })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe('insufficient_quota');
  });

  it('surfaces a scripted 500 as InternalServerError', async () => {
    fake.failNext(1, { status: 500 });

    await expect(client().chat.completions.create({ model: MODEL, messages: MESSAGES })).rejects.toBeInstanceOf(
      OpenAI.InternalServerError,
    );
  });

  it('surfaces a scripted 400 as BadRequestError', async () => {
    fake.failNext(1, { status: 400, code: 'invalid_request_error', message: 'bad prompt' });

    await expect(client().chat.completions.create({ model: MODEL, messages: MESSAGES })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_request_error',
      message: expect.stringContaining('bad prompt'),
    });
  });

  it('lets the SDK succeed on the third request after two 503s', async () => {
    fake.failNext(2, { status: 503 });

    const completion = await client({ maxRetries: 2 }).chat.completions.create({ model: MODEL, messages: MESSAGES });

    expect(completion.choices[0].message.content).toBe(DEFAULT_FAKE_OPENAI_REPLY);
    expect(fake.requestCount).toBe(3);
  });

  it('rejects a wrong API key with 401 invalid_api_key', async () => {
    await expect(
      client({ apiKey: 'sk-wrong-key-123456' }).chat.completions.create({ model: MODEL, messages: MESSAGES }),
    ).rejects.toMatchObject({
      status: 401,
      code: 'invalid_api_key',
    });
  });

  it('rejects a request without model or messages with 400', async () => {
    const post = (body: unknown) =>
      fetch(`${fake.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const noModel = await post({ messages: MESSAGES });
    const noMessages = await post({ model: MODEL });

    expect(noModel.status).toBe(400);
    expect(await noModel.json()).toEqual({
      error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: null },
    });
    expect(noMessages.status).toBe(400);
    expect(await noMessages.json()).toEqual({
      error: expect.objectContaining({ param: 'messages', code: 'missing_required_parameter' }),
    });
  });

  it('delays the response by the configured latency', async () => {
    fake.setLatency(150);
    const started = performance.now();

    await client().chat.completions.create({ model: MODEL, messages: MESSAGES });

    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drops the connection mid-stream when scripted', async () => {
    fake.respondWith('یک دو سه چهار پنج شش');
    fake.failMidStream(2);

    const stream = await client().chat.completions.create({ model: MODEL, messages: MESSAGES, stream: true });
    const received: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    };

    await expect(consume()).rejects.toThrow();
    expect(received.join('')).toBe('یک دو ');
  });

  it('lets a hanging request time out on the client', async () => {
    fake.hangNext();
    const impatient = new OpenAI({ apiKey: API_KEY, baseURL: fake.baseUrl, maxRetries: 0, timeout: 200 });
    const started = performance.now();

    // Plain Node gives APIConnectionTimeoutError here; under Jest the abort's DOMException comes
    // from another realm, the SDK cannot recognise it and reports the APIConnectionError base class.
    await expect(impatient.chat.completions.create({ model: MODEL, messages: MESSAGES })).rejects.toBeInstanceOf(
      OpenAI.APIConnectionError,
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(fake.requestCount).toBe(1);
  });
});
