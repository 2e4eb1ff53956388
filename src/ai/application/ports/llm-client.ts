import type { TokenUsage } from '../../domain/generation-event';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  /** Cap on completion tokens; the adapter spells it the way the model expects. */
  maxTokens?: number;
  /** Aborting it stops the call (an `aborted` LlmError). */
  signal?: AbortSignal;
  /**
   * An organization's own OpenAI-compatible provider; the deployment's (OPENAI_BASE_URL,
   * OPENAI_API_KEY) when left out. Its quota and billing errors are `provider_quota`.
   */
  connection?: ProviderConnection;
}

/** Where to send a call other than to the deployment's provider. `key` changes whenever the settings do. */
export interface ProviderConnection {
  key: string;
  baseUrl: string;
  apiKey: string;
}

export interface LlmResult {
  /** The whole generated text (the deltas joined). */
  text: string;
  /** The model that answered, as the provider names it (may be a dated snapshot of the one asked for). */
  model: string;
  /**
   * The provider's id of this completion: the unique key of its usage record. When the provider
   * sent none, a key made for this result alone (`local-<uuid>`).
   */
  responseId: string;
  finishReason: string | null;
  usage: TokenUsage;
  /** The provider finished the answer but sent no usage: `usage` was counted locally (TokenCounter). */
  usageEstimated: boolean;
}

export type DeltaListener = (text: string) => void | Promise<void>;

/**
 * A chat-completion model, streamed. `onDelta` receives each piece of text in order and is
 * awaited before the next one. Failures are `LlmError`s (domain/generation.errors), already
 * classified as transient or permanent; the client itself never retries.
 * A call resolves only once the answer is finished, with its usage (the provider's, or counted
 * locally when the provider sent none); a stream that broke off before it finished is a transient
 * failure.
 */
export abstract class LlmClient {
  abstract stream(request: LlmRequest, onDelta: DeltaListener): Promise<LlmResult>;
}
