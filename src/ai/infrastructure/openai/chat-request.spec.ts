import { chatCompletionBody } from './chat-request';

const messages = [{ role: 'user' as const, content: 'سلام' }];

describe('chatCompletionBody', () => {
  it('streams with usage and spells the cap max_tokens for gpt-4.1 and gpt-4o', () => {
    for (const model of ['gpt-4.1-mini', 'gpt-4o']) {
      expect(chatCompletionBody({ model, messages, maxTokens: 300, temperature: 0.4 })).toEqual({
        model,
        messages,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 300,
        temperature: 0.4,
      });
    }
  });

  it('uses max_completion_tokens and drops temperature for reasoning models', () => {
    const body = chatCompletionBody({ model: 'o3-mini', messages, maxTokens: 300, temperature: 0.4 });
    expect(body).toMatchObject({ max_completion_tokens: 300 });
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('temperature');
  });

  it('sends no cap and no temperature when none is set', () => {
    const body = chatCompletionBody({ model: 'gpt-4.1-mini', messages });
    expect(Object.keys(body).sort()).toEqual(['messages', 'model', 'stream', 'stream_options']);
  });
});
