import { Injectable } from '@nestjs/common';
import { Tiktoken } from 'js-tiktoken/lite';
import type { ChatMessage } from '../../application/ports/llm-client';
import { TokenCounter } from '../../application/ports/token-counter';
import { profileOf } from '../../domain/model-profile';

// OpenAI's counting recipe for chat models: each message is wrapped in 3 tokens
// (<|start|>{role}<|message|>…<|end|>, the role itself counted as text) and every reply is primed with 3.
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMING = 3;
/** Only the o200k_base rank ships with the service; for other models its count is raised by this much. */
export const OTHER_MODEL_MARGIN = 1.25;

/**
 * Tokens with js-tiktoken's lite build and the o200k_base rank (gpt-4.1, gpt-4o, o-series,
 * gpt-5), loaded once, on first use (about 2 MB, a few hundred ms), not at start-up. For any other
 * model the count is an estimate with a 25 % margin: it bounds a reservation, and a completion
 * counted here is one whose provider reported no usage, which is better over- than under-charged.
 */
@Injectable()
export class TiktokenTokenCounter extends TokenCounter {
  private encoder?: Promise<Tiktoken>;

  async countChat(model: string, messages: ChatMessage[]): Promise<number> {
    const encoder = await this.load();
    let tokens = REPLY_PRIMING;
    for (const message of messages)
      tokens += TOKENS_PER_MESSAGE + count(encoder, message.role) + count(encoder, message.content);
    return withMarginFor(model, tokens);
  }

  async countText(model: string, text: string): Promise<number> {
    return withMarginFor(model, count(await this.load(), text));
  }

  private load(): Promise<Tiktoken> {
    this.encoder ??= import('js-tiktoken/ranks/o200k_base')
      .then((rank) => new Tiktoken(rank.default))
      .catch((error: unknown) => {
        this.encoder = undefined; // let the next call try again
        throw error;
      });
    return this.encoder;
  }
}

function withMarginFor(model: string, tokens: number): number {
  return profileOf(model).o200k ? tokens : Math.ceil(tokens * OTHER_MODEL_MARGIN);
}

/** Text that looks like a special token (`<|endoftext|>`) in a prompt is counted as plain text, not refused. */
function count(encoder: Tiktoken, text: string): number {
  return encoder.encode(text, [], []).length;
}
