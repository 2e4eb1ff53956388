import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ChatMessage } from '../../application/ports/llm-client';
import { TokenCounter } from '../../application/ports/token-counter';
import { profileOf } from '../../domain/model-profile';
import { TokenCountingThread } from './token-counting-thread';

// OpenAI's counting recipe for chat models: each message is wrapped in 3 tokens
// (<|start|>{role}<|message|>…<|end|>, the role itself counted as text) and every reply is primed with 3.
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMING = 3;
/** Only the o200k_base rank ships with the service; for other models its count is raised by this much. */
export const OTHER_MODEL_MARGIN = 1.25;

/**
 * Tokens with js-tiktoken's lite build and the o200k_base rank (gpt-4.1, gpt-4o, o-series,
 * gpt-5), counted in a thread of its own (TokenCountingThread), started on first use: the rank
 * takes about 0.8 s to load, which must not stall the requests of the process. For any other model
 * the count is an estimate with a 25 % margin: it bounds a reservation, and a completion counted
 * here is one whose provider reported no usage, which is better over- than under-charged.
 */
@Injectable()
export class TiktokenTokenCounter extends TokenCounter implements OnApplicationShutdown {
  private readonly thread = new TokenCountingThread();

  async countChat(model: string, messages: ChatMessage[]): Promise<number> {
    const counts = await this.thread.count(messages.flatMap((message) => [message.role, message.content]));
    const text = counts.reduce((sum, count) => sum + count, 0);
    return withMarginFor(model, REPLY_PRIMING + TOKENS_PER_MESSAGE * messages.length + text);
  }

  async countText(model: string, text: string): Promise<number> {
    const [count = 0] = await this.thread.count([text]);
    return withMarginFor(model, count);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.thread.stop();
  }
}

function withMarginFor(model: string, tokens: number): number {
  return profileOf(model).o200k ? tokens : Math.ceil(tokens * OTHER_MODEL_MARGIN);
}
