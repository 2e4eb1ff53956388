import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A local stand-in for the OpenAI API that speaks the chat-completions wire format, so tests can
 * drive the real `openai` SDK (`baseURL: fake.baseUrl`) without intercepting other sockets.
 *
 * Token counts are deterministic:
 * - prompt_tokens = ceil(characters of every message's text content / 4), at least 1
 *   (OpenAI's own rule of thumb of about four characters per token), or the value of
 *   `setPromptTokens(n)` when a test needs a round figure;
 * - completion_tokens = number of whitespace-separated words in the reply;
 * - cached_tokens = the value of `setCachedTokens(n)` (default 0), capped at prompt_tokens;
 * - reasoning_tokens = the value of `setReasoningTokens(n)` (default 0): hidden tokens the model
 *   "thought", counted in completion_tokens on top of the reply's words, as OpenAI counts them. A
 *   completion cap (`max_completion_tokens` / `max_tokens`) covers both: reasoning first, capped at
 *   the limit, then as many words as remain (fewer words: finish_reason `length`).
 * Both details are sent in the real wire format (`usage.prompt_tokens_details.cached_tokens`,
 * `usage.completion_tokens_details.reasoning_tokens`), in a plain answer's `usage` and in a stream's
 * last chunk (`choices: []`, sent when `stream_options.include_usage` asks for it).
 */

export type FakeOpenAiHttpFailure =
  | { status: 429; code: 'rate_limit_exceeded'; retryAfterSeconds?: number }
  | { status: 429; code: 'insufficient_quota' }
  | { status: 500 | 502 | 503 }
  | { status: 400; code: 'invalid_request_error'; message?: string }
  | { status: 401; code: 'invalid_api_key' };

export type FakeOpenAiFailure =
  | FakeOpenAiHttpFailure
  /** Accept the request and never answer (until `stop()`): for client timeout tests. */
  | { hang: true }
  /** Stream the role chunk and `dropAfterChunks` content chunks, then destroy the socket. */
  | { dropAfterChunks: number };

export interface FakeOpenAiRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; `{}` when the body was not a JSON object. */
  body: Record<string, unknown>;
  rawBody: string;
}

export interface FakeOpenAiOptions {
  /** When set, every request must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
}

/**
 * Parts of a streamed completion to leave out, as some OpenAI-compatible servers do: the final
 * usage chunk (even when `stream_options.include_usage` asks for it) and the completion id.
 */
export interface FakeOpenAiStreamOmissions {
  usage?: boolean;
  id?: boolean;
}

export type FakeOpenAiReply = string | ((request: Record<string, unknown>) => string);

export const DEFAULT_FAKE_OPENAI_REPLY =
  'این یک متن آزمایشی است که مدل زبانی ساختگی برای آزمون‌ها تولید کرده است. متن کوتاه است و معنای خاصی ندارد.';

interface ErrorBody {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

interface Completion {
  id: string;
  created: number;
  model: string;
  content: string;
  finishReason: 'stop' | 'length';
  usage: ReturnType<typeof usageOf>;
}

const RATE_LIMIT_REQUESTS = 5000;
const RATE_LIMIT_TOKENS = 2_000_000;

export class FakeOpenAiServer {
  readonly requests: FakeOpenAiRequest[] = [];

  private reply: FakeOpenAiReply = DEFAULT_FAKE_OPENAI_REPLY;
  private failures: FakeOpenAiFailure[] = [];
  private latencyMs = 0;
  private chunkDelayMs = 0;
  private cachedTokens = 0;
  private reasoningTokens = 0;
  private promptTokens: number | undefined;
  private omissions: FakeOpenAiStreamOmissions = {};
  /** Names the answering model differently from the one asked for (a relay, a new snapshot). */
  private answeringModel: string | undefined;
  private readonly stopping = new AbortController();

  private readonly server: Server = createServer((req, res) => this.dispatch(req, res));

  private constructor(private readonly options: FakeOpenAiOptions) {}

  static async start(options: FakeOpenAiOptions = {}): Promise<FakeOpenAiServer> {
    const fake = new FakeOpenAiServer(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  get requestCount(): number {
    return this.requests.length;
  }

  /** Sets the reply content of every following completion (a function sees the request body). */
  respondWith(reply: FakeOpenAiReply): void {
    this.reply = reply;
  }

  /** Queues `count` failures; each following request takes the oldest one first. */
  failNext(count: number, failure: FakeOpenAiFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  hangNext(count = 1): void {
    this.failNext(count, { hang: true });
  }

  failMidStream(afterChunks = 2, count = 1): void {
    this.failNext(count, { dropAfterChunks: afterChunks });
  }

  /** Delay before the first byte of every response. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Delay before each streamed content chunk. */
  setChunkDelay(ms: number): void {
    this.chunkDelayMs = ms;
  }

  setCachedTokens(tokens: number): void {
    this.cachedTokens = tokens;
  }

  /** Every following completion reports this many prompt tokens, whatever its messages (until `reset()`). */
  setPromptTokens(tokens: number): void {
    this.promptTokens = tokens;
  }

  /** Every following completion reports this many reasoning tokens, counted in its completion tokens (until `reset()`). */
  setReasoningTokens(tokens: number): void {
    this.reasoningTokens = tokens;
  }

  /** Leaves the usage chunk and/or the completion id out of every following stream (until `reset()`). */
  leaveOutOfStreams(omissions: FakeOpenAiStreamOmissions): void {
    this.omissions = { ...omissions };
  }

  /** Every following completion says this model answered, whatever was asked for (until `reset()`). */
  answerAsModel(model: string): void {
    this.answeringModel = model;
  }

  reset(): void {
    this.answeringModel = undefined;
    this.requests.length = 0;
    this.failures = [];
    this.reply = DEFAULT_FAKE_OPENAI_REPLY;
    this.latencyMs = 0;
    this.chunkDelayMs = 0;
    this.cachedTokens = 0;
    this.reasoningTokens = 0;
    this.promptTokens = undefined;
    this.omissions = {};
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    this.stopping.abort();
    const closed = new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
    this.server.closeAllConnections();
    await closed;
  }

  private dispatch(req: IncomingMessage, res: ServerResponse): void {
    this.handle(req, res).catch(() => {
      if (!res.headersSent)
        this.sendError(res, 500, serverError('The server had an error while processing your request.'));
      else res.destroy();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const signal = this.signalFor(res);
    const rawBody = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const parsed = parseJson(rawBody);
    const body = isObject(parsed) ? parsed : {};
    this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body, rawBody });

    await pause(this.latencyMs, signal);
    if (signal.aborted) return;

    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return this.sendError(res, 404, invalidRequest(`Invalid URL (${req.method} ${path})`));
    }
    const authError = this.checkAuthorization(req.headers.authorization);
    if (authError) return this.sendError(res, 401, authError);

    const failure = this.failures.shift();
    if (failure && 'status' in failure) return this.sendFailure(res, failure, body);
    if (failure && 'hang' in failure) return untilAborted(signal);

    const invalid = validate(parsed, rawBody);
    if (invalid) return this.sendError(res, 400, invalid);

    const completion = this.complete(body);
    const dropAfterChunks = failure?.dropAfterChunks;
    if (body.stream === true) {
      const includeUsage =
        isObject(body.stream_options) && body.stream_options.include_usage === true && !this.omissions.usage;
      return this.stream(res, completion, { includeUsage, dropAfterChunks, signal });
    }
    if (dropAfterChunks !== undefined) return void res.destroy();
    this.sendJson(res, 200, completionBody(completion), this.rateLimitHeaders(completion.usage.prompt_tokens));
  }

  private checkAuthorization(header: string | undefined): ErrorBody | undefined {
    const expected = this.options.apiKey;
    if (expected === undefined || header === `Bearer ${expected}`) return undefined;
    const given = header?.replace(/^Bearer\s+/i, '') ?? '';
    const message = given
      ? `Incorrect API key provided: ${maskKey(given)}. You can find your API key at https://platform.openai.com/account/api-keys.`
      : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
    return { message, type: 'invalid_request_error', param: null, code: 'invalid_api_key' };
  }

  private complete(body: Record<string, unknown>): Completion {
    const full = typeof this.reply === 'function' ? this.reply(body) : this.reply;
    const cap = maxTokensOf(body);
    const reasoningTokens = cap === undefined ? this.reasoningTokens : Math.min(this.reasoningTokens, cap);
    const limit = cap === undefined ? undefined : cap - reasoningTokens;
    const words = splitWords(full);
    const truncated = limit !== undefined && words.length > limit;
    const content = truncated ? words.slice(0, limit).join('').trimEnd() : full;
    const promptTokens = this.promptTokens ?? promptTokensOf(body.messages);
    return {
      id: `chatcmpl-${randomBytes(12).toString('hex')}`,
      created: Math.floor(Date.now() / 1000),
      model: this.answeringModel ?? String(body.model),
      content,
      finishReason: truncated ? 'length' : 'stop',
      usage: usageOf(promptTokens, countWords(content), Math.min(this.cachedTokens, promptTokens), reasoningTokens),
    };
  }

  private async stream(
    res: ServerResponse,
    completion: Completion,
    opts: { includeUsage: boolean; dropAfterChunks: number | undefined; signal: AbortSignal },
  ): Promise<void> {
    res.writeHead(200, {
      ...this.commonHeaders(),
      ...this.rateLimitHeaders(completion.usage.prompt_tokens),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    });
    const usageField = opts.includeUsage ? { usage: null } : {};
    const idField = this.omissions.id ? {} : { id: completion.id };
    const chunk = (choices: unknown[], extra: object = usageField) => ({
      ...idField,
      object: 'chat.completion.chunk',
      created: completion.created,
      model: completion.model,
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
      choices,
      ...extra,
    });
    const choice = (delta: object, finishReason: string | null = null) => ({
      index: 0,
      delta,
      logprobs: null,
      finish_reason: finishReason,
    });
    let flushed: Promise<void> = Promise.resolve();
    const send = (data: unknown) => {
      flushed = new Promise((resolve) => res.write(`data: ${JSON.stringify(data)}\n\n`, () => resolve()));
    };
    // Destroying the socket discards unflushed bytes: let the chunks sent so far reach the client.
    const drop = async () => {
      await flushed;
      res.destroy();
    };

    send(chunk([choice({ role: 'assistant', content: '', refusal: null })]));
    const pieces = splitWords(completion.content);
    for (const [index, piece] of pieces.entries()) {
      if (index === opts.dropAfterChunks) return drop();
      await pause(this.chunkDelayMs, opts.signal);
      if (opts.signal.aborted) return;
      send(chunk([choice({ content: piece })]));
    }
    if (opts.dropAfterChunks !== undefined) return drop();
    send(chunk([choice({}, completion.finishReason)]));
    if (opts.includeUsage) send(chunk([], { usage: completion.usage }));
    res.end('data: [DONE]\n\n');
  }

  private sendFailure(res: ServerResponse, failure: FakeOpenAiHttpFailure, body: Record<string, unknown>): void {
    const model = typeof body.model === 'string' ? body.model : 'gpt-4o-mini';
    switch (failure.status) {
      case 429:
        if (failure.code === 'insufficient_quota') {
          return this.sendError(
            res,
            429,
            {
              message:
                'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
              type: 'insufficient_quota',
              param: null,
              code: 'insufficient_quota',
            },
            { 'retry-after': '1', ...this.rateLimitHeaders(0) },
          );
        }
        return this.sendRateLimited(res, model, failure.retryAfterSeconds ?? 1);
      case 500:
        return this.sendError(
          res,
          500,
          serverError('The server had an error while processing your request. Sorry about that!'),
        );
      case 502:
        return this.sendError(res, 502, serverError('Bad gateway.'));
      case 503:
        return this.sendError(res, 503, serverError('The engine is currently overloaded, please try again later.'));
      case 400:
        return this.sendError(res, 400, {
          ...invalidRequest(failure.message ?? 'Invalid request.'),
          code: failure.code,
        });
      case 401:
        return this.sendError(res, 401, {
          message:
            'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        });
    }
  }

  private sendRateLimited(res: ServerResponse, model: string, retryAfterSeconds: number): void {
    const error = {
      message: `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit ${RATE_LIMIT_REQUESTS}, Used ${RATE_LIMIT_REQUESTS}, Requested 1. Please try again in ${retryAfterSeconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
      type: 'requests',
      param: null,
      code: 'rate_limit_exceeded',
    };
    this.sendError(res, 429, error, {
      'retry-after': String(retryAfterSeconds),
      ...this.rateLimitHeaders(0, { remainingRequests: 0, resetRequests: `${retryAfterSeconds}s` }),
    });
  }

  private sendError(res: ServerResponse, status: number, error: ErrorBody, headers: OutgoingHttpHeaders = {}): void {
    this.sendJson(res, status, { error }, headers);
  }

  private sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      ...this.commonHeaders(),
      ...headers,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
    });
    res.end(payload);
  }

  private commonHeaders(): OutgoingHttpHeaders {
    return {
      'x-request-id': `req_${randomBytes(16).toString('hex')}`,
      'openai-version': '2020-10-01',
      'openai-organization': 'org-fake',
      'openai-processing-ms': String(this.latencyMs),
    };
  }

  private rateLimitHeaders(
    promptTokens: number,
    { remainingRequests = RATE_LIMIT_REQUESTS - 1, resetRequests = '12ms' } = {},
  ): OutgoingHttpHeaders {
    return {
      'x-ratelimit-limit-requests': String(RATE_LIMIT_REQUESTS),
      'x-ratelimit-limit-tokens': String(RATE_LIMIT_TOKENS),
      'x-ratelimit-remaining-requests': String(remainingRequests),
      'x-ratelimit-remaining-tokens': String(RATE_LIMIT_TOKENS - promptTokens),
      'x-ratelimit-reset-requests': resetRequests,
      'x-ratelimit-reset-tokens': '0s',
    };
  }

  /** Aborts when the client goes away or the fake stops, so no timer outlives the test. */
  private signalFor(res: ServerResponse): AbortSignal {
    const closed = new AbortController();
    res.once('close', () => closed.abort());
    return AbortSignal.any([closed.signal, this.stopping.signal]);
  }
}

function validate(parsed: unknown, rawBody: string): ErrorBody | undefined {
  if (!isObject(parsed)) {
    return invalidRequest(
      rawBody.trim()
        ? "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)"
        : 'you must provide a model parameter',
    );
  }
  if (typeof parsed.model !== 'string' || parsed.model === '')
    return invalidRequest('you must provide a model parameter');
  const { messages } = parsed;
  if (messages === undefined) {
    return {
      message: "Missing required parameter: 'messages'.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'missing_required_parameter',
    };
  }
  if (!Array.isArray(messages)) {
    return {
      message: `Invalid type for 'messages': expected an array of objects, but got ${typeof messages} instead.`,
      type: 'invalid_request_error',
      param: 'messages',
      code: 'invalid_type',
    };
  }
  if (messages.length === 0) {
    return {
      message:
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'empty_array',
    };
  }
  return undefined;
}

function completionBody(c: Completion) {
  return {
    id: c.id,
    object: 'chat.completion',
    created: c.created,
    model: c.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: c.content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: c.finishReason,
      },
    ],
    usage: c.usage,
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}

/** `visibleTokens`: the reply's own tokens; reasoning tokens come on top of them in completion_tokens. */
function usageOf(promptTokens: number, visibleTokens: number, cachedTokens: number, reasoningTokens: number) {
  const completionTokens = visibleTokens + reasoningTokens;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: cachedTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function promptTokensOf(messages: unknown): number {
  const characters = Array.isArray(messages)
    ? messages.reduce((sum: number, m: unknown) => sum + (isObject(m) ? textOf(m.content).length : 0), 0)
    : 0;
  return Math.max(1, Math.ceil(characters / 4));
}

/** Message content is a string or an array of parts, of which only text parts count. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: unknown) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

function maxTokensOf(body: Record<string, unknown>): number | undefined {
  const limit = body.max_completion_tokens ?? body.max_tokens;
  return typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : undefined;
}

/** Words with their surrounding whitespace, so that joining the pieces gives back the text. */
function splitWords(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function maskKey(key: string): string {
  return key.length <= 8 ? '*'.repeat(key.length) : `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;
}

function invalidRequest(message: string): ErrorBody {
  return { message, type: 'invalid_request_error', param: null, code: null };
}

function serverError(message: string): ErrorBody {
  return { message, type: 'server_error', param: null, code: null };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return;
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
