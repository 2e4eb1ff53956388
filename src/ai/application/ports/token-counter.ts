import type { ChatMessage } from './llm-client';

/**
 * Counts tokens the way the provider bills them: the prompt of a chat request before it is sent,
 * so that the worst case (prompt + completion cap) can be reserved against usage limits, and a
 * finished answer whose provider reported no usage.
 */
export abstract class TokenCounter {
  /** Prompt tokens of `messages` for `model`, per-message overhead and reply priming included. */
  abstract countChat(model: string, messages: ChatMessage[]): Promise<number>;

  /** Tokens of `text` (a completion) for `model`, with no message overhead. */
  abstract countText(model: string, text: string): Promise<number>;
}
