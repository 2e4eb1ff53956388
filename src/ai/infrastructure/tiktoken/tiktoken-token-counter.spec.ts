import { OTHER_MODEL_MARGIN, TiktokenTokenCounter } from './tiktoken-token-counter';

describe('TiktokenTokenCounter', () => {
  const counter = new TiktokenTokenCounter();

  it('counts a chat with the per-message overhead and reply priming (o200k_base)', async () => {
    // "Hello world" is 2 tokens, "user" 1: 3 + (3 + 1 + 2) = 9, as the OpenAI cookbook recipe gives.
    await expect(counter.countChat('gpt-4.1-mini', [{ role: 'user', content: 'Hello world' }])).resolves.toBe(9);
    await expect(
      counter.countChat('gpt-4o', [
        { role: 'system', content: '' },
        { role: 'user', content: 'Hello world' },
      ]),
    ).resolves.toBe(13);
  });

  it('counts Persian text and text that looks like a special token without refusing it', async () => {
    const persian = await counter.countChat('gpt-4.1-mini', [
      { role: 'user', content: 'یک جمله کوتاه درباره چای ایرانی بنویس.' },
    ]);
    expect(persian).toBeGreaterThan(9);
    await expect(
      counter.countChat('gpt-4.1-mini', [{ role: 'user', content: 'a <|endoftext|> b' }]),
    ).resolves.toBeGreaterThan(7);
  });

  it('adds a margin for models whose own encoding is not shipped', async () => {
    const messages = [{ role: 'user' as const, content: 'Hello world' }];
    await expect(counter.countChat('llama3.1:8b', messages)).resolves.toBe(Math.ceil(9 * OTHER_MODEL_MARGIN));
    await expect(counter.countText('llama3.1:8b', 'Hello world')).resolves.toBe(Math.ceil(2 * OTHER_MODEL_MARGIN));
  });

  it('counts a completion’s text alone, with no message overhead', async () => {
    await expect(counter.countText('gpt-4.1-mini', 'Hello world')).resolves.toBe(2);
    await expect(counter.countText('gpt-4o', '')).resolves.toBe(0);
    const persian = 'یک جمله کوتاه درباره چای ایرانی بنویس.';
    await expect(counter.countText('gpt-4.1-mini', persian)).resolves.toBe(
      (await counter.countChat('gpt-4.1-mini', [{ role: 'user', content: persian }])) - 7,
    );
  });
});
