import { Injectable } from '@nestjs/common';
import { profileOf } from '../../domain/model-profile';
import type { ChatMessage } from '../ports/llm-client';
import { TokenCounter } from '../ports/token-counter';

export interface EstimateGenerationTokensInput {
  model: string;
  messages: ChatMessage[];
  /** The content's completion cap; without one the model's own cap is the worst case. */
  maxTokens?: number | null;
}

export interface GenerationTokenEstimate {
  promptTokens: number;
  maxCompletionTokens: number;
  /** What to reserve against usage limits before queuing: prompt + completion cap. */
  worstCaseTokens: number;
}

/**
 * The most tokens a generation can use, computed before it is queued, so that the usage context
 * can reserve it and refuse a request that could overrun a limit (402 USAGE_LIMIT_EXCEEDED).
 */
@Injectable()
export class EstimateGenerationTokensUseCase {
  constructor(private readonly counter: TokenCounter) {}

  async execute(input: EstimateGenerationTokensInput): Promise<GenerationTokenEstimate> {
    const promptTokens = await this.counter.countChat(input.model, input.messages);
    const maxCompletionTokens = input.maxTokens ?? profileOf(input.model).maxOutputTokens;
    return { promptTokens, maxCompletionTokens, worstCaseTokens: promptTokens + maxCompletionTokens };
  }
}
