import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import OpenAI from 'openai';
import { Registry } from 'prom-client';
import { AppConfig } from '#libs/config';
import { guardedFetch } from '#libs/net';
import {
  LlmClient,
  type DeltaListener,
  type LlmRequest,
  type LlmResult,
  type ProviderConnection,
} from '../../application/ports/llm-client';
import { TokenCounter } from '../../application/ports/token-counter';
import type { TokenUsage } from '../../domain/generation-event';
import { LlmError } from '../../domain/generation.errors';
import { chatCompletionBody } from './chat-request';
import { LlmMetrics } from '../prometheus/llm-metrics';
import { forOwnProvider, toLlmError, type StopReason } from './openai-errors';

/** Clients of organizations' own providers kept at once (the least recently used one goes first). */
const OWN_PROVIDER_CLIENTS = 100;

/**
 * The official `openai` SDK, streamed. Retries belong to the queue (BullMQ), so the SDK makes
 * exactly one request per call (`maxRetries: 0`; it would otherwise retry even a 429
 * insufficient_quota). `OPENAI_TIMEOUT_MS` bounds the wait for the response headers (the SDK's
 * timeout) and, because the SDK's timer stops once headers arrive, also every silence between two
 * chunks of the stream (ours).
 *
 * An answer that finished (a `finish_reason` arrived) without a usage chunk (a compatible server
 * that ignores `stream_options`) is not failed: the tokens were spent, and retrying would spend
 * them again and fail the same way. They are counted locally and the result says so
 * (`usageEstimated`). A stream that broke off before its finish reason is a transient failure.
 *
 * Nothing here logs the key, the prompt or the generated text; the SDK's own log lines go to the
 * structured log without their arguments.
 *
 * A request with a `connection` (an organization's own provider) goes to that base URL with that
 * key, through a client of its own kept per connection key (organization and settings version),
 * at most OWN_PROVIDER_CLIENTS of them; its quota and billing errors are `provider_quota`.
 *
 * Every call is counted by outcome, and a completed one timed (duration, time to the first text,
 * completion tokens per second after it) into `registry` (LlmMetrics; a private registry when none
 * is given, e.g. in tests).
 */
@Injectable()
export class OpenAiLlmClient extends LlmClient {
  private readonly client: OpenAI;
  private readonly ownProviderClients = new Map<string, OpenAI>();
  private readonly timeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly logger = new Logger('OpenAI');
  private readonly metrics: LlmMetrics;
  /** An organization's own provider is an address its ADMIN chose: checked again at every connection. */
  private readonly ownProviderFetch: typeof fetch;

  constructor(
    config: AppConfig,
    private readonly tokens: TokenCounter,
    registry: Registry = new Registry(),
  ) {
    super();
    this.metrics = new LlmMetrics(registry);
    const logger = this.logger;
    if (!config.openai.apiKey) logger.warn('OPENAI_API_KEY is empty: the provider will refuse generation calls');
    this.idleTimeoutMs = this.timeoutMs = config.openai.timeoutMs;
    this.ownProviderFetch = guardedFetch(config.webhooks.allowPrivateTargets);
    // The SDK refuses to start without a key; an empty one fails per call instead (401 → permanent `auth`).
    this.client = this.makeClient(config.openai.apiKey || 'missing-openai-api-key', config.openai.baseUrl);
  }

  private makeClient(apiKey: string, baseURL: string | undefined, customFetch?: typeof fetch): OpenAI {
    const logger = this.logger;
    return new OpenAI({
      apiKey,
      baseURL,
      ...(customFetch && { fetch: customFetch }),
      timeout: this.timeoutMs,
      maxRetries: 0,
      logLevel: 'warn',
      logger: {
        error: (message: string) => logger.error(String(message)),
        warn: (message: string) => logger.warn(String(message)),
        info: (message: string) => logger.log(String(message)),
        debug: (message: string) => logger.debug(String(message)),
      },
    });
  }

  /** The deployment's client, or the organization's own (made once per connection key, the least recently used dropped). */
  private clientFor(connection: ProviderConnection | undefined): OpenAI {
    if (!connection) return this.client;
    let client = this.ownProviderClients.get(connection.key);
    if (client) this.ownProviderClients.delete(connection.key);
    else client = this.makeClient(connection.apiKey, connection.baseUrl, this.ownProviderFetch);
    this.ownProviderClients.set(connection.key, client);
    if (this.ownProviderClients.size > OWN_PROVIDER_CLIENTS) {
      const oldest = this.ownProviderClients.keys().next().value;
      if (oldest !== undefined) this.ownProviderClients.delete(oldest);
    }
    return client;
  }

  async stream(request: LlmRequest, onDelta: DeltaListener): Promise<LlmResult> {
    const call: CallProgress = { startedAt: performance.now(), firstTextAt: undefined, model: undefined };
    try {
      const result = await this.call(request, onDelta, call);
      const timing = { ...call, endedAt: performance.now() };
      this.metrics.completed(result.model, timing, result.usage.completionTokens);
      return result;
    } catch (error) {
      this.metrics.failed(call.model, error instanceof LlmError ? error.code : 'internal');
      throw error;
    }
  }

  private async call(request: LlmRequest, onDelta: DeltaListener, progress: CallProgress): Promise<LlmResult> {
    const stop = new AbortController();
    let stopped: StopReason | undefined;
    const halt = (reason: StopReason) => {
      stopped ??= reason;
      stop.abort();
    };
    const onCallerAbort = () => halt('caller_aborted');
    if (request.signal?.aborted) throw toLlmError(undefined, 'caller_aborted');
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let idle: NodeJS.Timeout | undefined;
    let lastActivity = performance.now();
    const resetIdle = () => {
      clearTimeout(idle);
      lastActivity = performance.now();
      idle = setTimeout(() => halt('idle_timeout'), this.idleTimeoutMs);
    };

    let text = '';
    let model = request.model;
    let responseId = '';
    let finishReason: string | null = null;
    let usage: TokenUsage | undefined;
    try {
      // Started before the request, so that our timer (same length as the SDK's, set a little
      // earlier) usually decides: under Jest the SDK's own timeout is indistinguishable from a
      // connection error.
      resetIdle();
      const stream = await this.clientFor(request.connection).chat.completions.create(chatCompletionBody(request), {
        signal: stop.signal,
      });
      resetIdle();
      for await (const chunk of stream) {
        resetIdle();
        responseId ||= chunk.id;
        if (chunk.model) model = progress.model = chunk.model;
        if (chunk.usage) usage = usageOf(chunk.usage);
        const choice = chunk.choices[0];
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        const piece = choice?.delta?.content;
        if (piece) {
          progress.firstTextAt ??= performance.now();
          text += piece;
          try {
            await onDelta(piece);
          } catch (error) {
            throw new ListenerFailure(error);
          }
        }
      }
    } catch (error) {
      // The listener's own failures are not the provider's: passed on as they are.
      if (error instanceof ListenerFailure) throw error.cause;
      // The SDK's timer fired first: a connection error after a full timeout of silence is that timeout.
      if (
        !stopped &&
        error instanceof OpenAI.APIConnectionError &&
        performance.now() - lastActivity >= this.idleTimeoutMs - 5
      )
        stopped = 'idle_timeout';
      const failure = toLlmError(error, stopped);
      throw request.connection ? forOwnProvider(failure) : failure;
    } finally {
      clearTimeout(idle);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
    // The SDK ends an aborted stream quietly, without an error.
    if (stopped) throw toLlmError(undefined, stopped);
    if (!finishReason && !usage)
      throw new LlmError('transient', 'incomplete_stream', 'The stream ended before the answer finished');
    if (!responseId) {
      // The usage record is keyed by this id: a key made once here stays with the result, retries included.
      responseId = `local-${randomUUID()}`;
      this.logger.warn({ model, responseId }, 'The provider sent no completion id: the result is keyed locally');
    }
    if (usage) return { text, model, responseId, finishReason, usage, usageEstimated: false };
    this.logger.warn({ model, responseId }, 'The provider sent no usage: tokens are counted locally');
    return {
      text,
      model,
      responseId,
      finishReason,
      usage: await this.countLocally(request, text),
      usageEstimated: true,
    };
  }

  private async countLocally(request: LlmRequest, text: string): Promise<TokenUsage> {
    const [promptTokens, completionTokens] = await Promise.all([
      this.tokens.countChat(request.model, request.messages),
      this.tokens.countText(request.model, text),
    ]);
    return {
      promptTokens,
      completionTokens,
      cachedTokens: 0,
      reasoningTokens: 0,
      totalTokens: promptTokens + completionTokens,
    };
  }
}

function usageOf(usage: OpenAI.Completions.CompletionUsage): TokenUsage {
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
    totalTokens: usage.total_tokens,
  };
}

/** How far a call got: when it started, when its first text came, which model the provider says answers. */
interface CallProgress {
  startedAt: number;
  firstTextAt: number | undefined;
  model: string | undefined;
}

/** Marks an error thrown by the delta listener while the stream was read. */
class ListenerFailure {
  constructor(readonly cause: unknown) {}
}
