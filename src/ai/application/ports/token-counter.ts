import type { ChatMessage } from './llm-client';

/**
 * Counts the prompt tokens a chat request will be billed for, before it is sent, so that the
 * worst case (prompt + completion cap) can be reserved against usage limits.
 */
export abstract class TokenCounter {
  /** Prompt tokens of `messages` for `model`, per-message overhead and reply priming included. */
  abstract countChat(model: string, messages: ChatMessage[]): Promise<number>;
}
