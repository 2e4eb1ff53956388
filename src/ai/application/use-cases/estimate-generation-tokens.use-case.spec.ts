import type { ChatMessage } from '../ports/llm-client';
import { TokenCounter } from '../ports/token-counter';
import { EstimateGenerationTokensUseCase } from './estimate-generation-tokens.use-case';

class FixedCounter extends TokenCounter {
  countChat(_model: string, messages: ChatMessage[]): Promise<number> {
    return Promise.resolve(10 * messages.length);
  }

  countText(_model: string, text: string): Promise<number> {
    return Promise.resolve(text.length);
  }
}

describe('EstimateGenerationTokensUseCase', () => {
  const estimate = new EstimateGenerationTokensUseCase(new FixedCounter());
  const messages: ChatMessage[] = [{ role: 'user', content: 'hi' }];

  it('reserves the prompt plus the content’s completion cap', async () => {
    await expect(estimate.execute({ model: 'gpt-4.1-mini', messages, maxTokens: 500 })).resolves.toEqual({
      promptTokens: 10,
      maxCompletionTokens: 500,
      worstCaseTokens: 510,
    });
  });

  it('falls back to the model’s own output cap when the content sets none', async () => {
    await expect(estimate.execute({ model: 'gpt-4.1-mini', messages })).resolves.toMatchObject({
      maxCompletionTokens: 32_768,
      worstCaseTokens: 32_778,
    });
    await expect(estimate.execute({ model: 'gpt-4o-mini', messages, maxTokens: null })).resolves.toMatchObject({
      maxCompletionTokens: 16_384,
    });
  });
});
