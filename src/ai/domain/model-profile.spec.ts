import { profileOf } from './model-profile';

describe('profileOf', () => {
  it.each([
    ['gpt-4.1-mini', { reasoning: false, o200k: true, maxOutputTokens: 32_768 }],
    ['gpt-4.1-2025-04-14', { reasoning: false, o200k: true }],
    ['gpt-4o-mini', { reasoning: false, o200k: true, maxOutputTokens: 16_384 }],
    ['chatgpt-4o-latest', { reasoning: false, o200k: true }],
    ['o3-mini', { reasoning: true, o200k: true }],
    ['o1', { reasoning: true }],
    ['gpt-5-mini', { reasoning: true, o200k: true }],
    ['gpt-4', { reasoning: false, o200k: false }],
    ['llama3.1:8b', { reasoning: false, o200k: false, maxOutputTokens: 16_384 }],
  ])('knows %s', (model, expected) => {
    expect(profileOf(model)).toMatchObject(expected);
  });
});
