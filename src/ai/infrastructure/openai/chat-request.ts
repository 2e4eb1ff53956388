import type OpenAI from 'openai';
import type { LlmRequest } from '../../application/ports/llm-client';
import { profileOf } from '../../domain/model-profile';

/**
 * The streamed chat-completions body for a request. Reasoning models (o-series, gpt-5) take only
 * `max_completion_tokens` and refuse a `temperature`; every other model gets `max_tokens`, which
 * OpenAI's gpt-4o/gpt-4.1 and every OpenAI-compatible server understand.
 * `include_usage` makes the stream end with a usage chunk (`choices: []`).
 */
export function chatCompletionBody(request: LlmRequest): OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming {
  const { reasoning } = profileOf(request.model);
  return {
    model: request.model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    stream: true,
    stream_options: { include_usage: true },
    ...(request.maxTokens !== undefined &&
      (reasoning ? { max_completion_tokens: request.maxTokens } : { max_tokens: request.maxTokens })),
    ...(request.temperature !== undefined && !reasoning && { temperature: request.temperature }),
  };
}
