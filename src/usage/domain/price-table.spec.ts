import { Money } from '#libs/ddd';
import { modelPriceOf, PriceTable, PriceTableInvalidError, priceEntryOf } from './price-table';
import { ModelUnknownError, TokenCountInvalidError } from './usage.errors';

describe('PriceTable', () => {
  const prices = PriceTable.defaults();

  it('knows the four list-priced models in micro-USD per million tokens', () => {
    expect(prices.models).toEqual(['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini']);
    expect(prices.priceOf('gpt-4.1-mini')).toEqual({ input: 400_000n, cachedInput: 100_000n, output: 1_600_000n });
    expect(prices.priceOf('gpt-4.1')).toEqual({ input: 2_000_000n, cachedInput: 500_000n, output: 8_000_000n });
    expect(prices.priceOf('gpt-4o-mini')).toEqual({ input: 150_000n, cachedInput: 75_000n, output: 600_000n });
    expect(prices.priceOf('gpt-4o')).toEqual({ input: 2_500_000n, cachedInput: 1_250_000n, output: 10_000_000n });
  });

  it('charges prompt and completion tokens at their own prices', () => {
    // 1 000 × 0.40 + 500 × 1.60 = 400 + 800 micro-USD
    expect(
      prices.costOf('gpt-4.1-mini', { promptTokens: 1_000, cachedTokens: 0, completionTokens: 500 }).toDecimalString(),
    ).toBe('0.001200');
    // 1 000 000 × 2.50 + 1 000 000 × 10.00
    expect(
      prices
        .costOf('gpt-4o', { promptTokens: 1_000_000, cachedTokens: 0, completionTokens: 1_000_000 })
        .toDecimalString(),
    ).toBe('12.500000');
  });

  it('charges cached prompt tokens at the cached price and only the rest at the input price', () => {
    // (1 000 − 800) × 0.40 + 800 × 0.10 + 0 = 80 + 80 micro-USD
    expect(prices.costOf('gpt-4.1-mini', { promptTokens: 1_000, cachedTokens: 800, completionTokens: 0 }).micros).toBe(
      160n,
    );
    // gpt-4o-mini cached input is 0.075: 1 000 cached tokens = 75 micro-USD exactly
    expect(prices.costOf('gpt-4o-mini', { promptTokens: 1_000, cachedTokens: 1_000, completionTokens: 0 }).micros).toBe(
      75n,
    );
  });

  it('charges reasoning tokens as the output they are part of, never twice', () => {
    // gpt-4.1: 10 000 prompt tokens of which 6 000 cached, 3 000 completion tokens of which 2 000 reasoning:
    // 4 000 × 2.00 + 6 000 × 0.50 + 3 000 × 8.00 = 8 000 + 3 000 + 24 000 micro-USD
    const tokens = { promptTokens: 10_000, cachedTokens: 6_000, completionTokens: 3_000, reasoningTokens: 2_000 };
    expect(prices.costOf('gpt-4.1', tokens).micros).toBe(35_000n);
    expect(prices.costOf('gpt-4.1', { ...tokens, reasoningTokens: 0 }).micros).toBe(35_000n);
    // a reasoning model added by USAGE_PRICES (o4-mini list prices 1.10 / 0.275 / 4.40):
    // (1 234 − 1 024) × 1.10 + 1 024 × 0.275 + 777 × 4.40 = 231 + 281.6 + 3 418.8 = 3 931.4 → 3 932
    const o4 = PriceTable.withOverrides({ 'o4-mini': { input: '1.10', cachedInput: '0.275', output: '4.40' } });
    expect(
      o4.costOf('o4-mini', { promptTokens: 1_234, cachedTokens: 1_024, completionTokens: 777, reasoningTokens: 640 })
        .micros,
    ).toBe(3_932n);
  });

  it('refuses more reasoning tokens than completion tokens', () => {
    expect(() =>
      prices.costOf('gpt-4o', { promptTokens: 1, cachedTokens: 0, completionTokens: 5, reasoningTokens: 6 }),
    ).toThrow(TokenCountInvalidError);
    expect(() =>
      prices.costOf('gpt-4o', { promptTokens: 1, cachedTokens: 0, completionTokens: 5, reasoningTokens: -1 }),
    ).toThrow(TokenCountInvalidError);
  });

  it('rounds up once per call, not per token kind', () => {
    // 1 × 0.15 + 1 × 0.60 = 0.75 micro-USD → 1; per-kind rounding would give 2
    expect(prices.costOf('gpt-4o-mini', { promptTokens: 1, cachedTokens: 0, completionTokens: 1 }).micros).toBe(1n);
    // 3 cached gpt-4o-mini tokens = 0.225 micro-USD → 1
    expect(prices.costOf('gpt-4o-mini', { promptTokens: 3, cachedTokens: 3, completionTokens: 0 }).micros).toBe(1n);
    // exact amounts are not rounded
    expect(prices.costOf('gpt-4.1-mini', { promptTokens: 10, cachedTokens: 0, completionTokens: 0 }).micros).toBe(4n);
    expect(prices.costOf('gpt-4.1-mini', { promptTokens: 0, cachedTokens: 0, completionTokens: 0 }).micros).toBe(0n);
  });

  it('computes huge calls exactly, with no floating point', () => {
    const cost = prices.costOf('gpt-4.1', {
      promptTokens: 123_456_789,
      cachedTokens: 23_456_789,
      completionTokens: 98_765_432,
    });
    // 100 000 000 × 2.00 + 23 456 789 × 0.50 + 98 765 432 × 8.00 = 200 + 11.7283945 + 790.123456 USD
    expect(cost.toDecimalString()).toBe('1001.851851');
  });

  it('prices the worst case of a generation as all prompt tokens uncached plus the completion cap', () => {
    expect(prices.worstCaseCostOf('gpt-4.1-mini', 1_000, 1_000).micros).toBe(2_000n);
  });

  it('prices a dated snapshot of a known model like the model', () => {
    expect(prices.priceOf('gpt-4o-mini-2024-07-18')).toEqual(prices.priceOf('gpt-4o-mini'));
    expect(prices.priceOf(' GPT-4.1-mini ')).toEqual(prices.priceOf('gpt-4.1-mini'));
  });

  it('refuses an unknown model with MODEL_UNKNOWN, listing the known ones', () => {
    expect(() => prices.costOf('gpt-5-turbo', { promptTokens: 1, cachedTokens: 0, completionTokens: 1 })).toThrow(
      ModelUnknownError,
    );
    expect(() => prices.assertKnown('gpt-5-turbo')).toThrow(
      expect.objectContaining({
        code: 'MODEL_UNKNOWN',
        kind: 'invalid',
        details: { model: 'gpt-5-turbo', knownModels: prices.models },
      }),
    );
  });

  it.each([
    [{ promptTokens: -1, cachedTokens: 0, completionTokens: 0 }],
    [{ promptTokens: 1.5, cachedTokens: 0, completionTokens: 0 }],
    [{ promptTokens: 10, cachedTokens: 11, completionTokens: 0 }],
    [{ promptTokens: 10, cachedTokens: 0, completionTokens: Number.NaN }],
  ])('refuses impossible token counts %j', (tokens) => {
    expect(() => prices.costOf('gpt-4o', tokens)).toThrow(TokenCountInvalidError);
  });

  describe('the fallback price of a completed call whose model has no price', () => {
    const tokens = { promptTokens: 1_000, cachedTokens: 200, completionTokens: 500 };

    it('is by default, field by field, the highest price of the table’s models', () => {
      // input and output from gpt-4o, cached input from gpt-4o too (1.25): never less than a known model
      expect(prices.fallbackPrice).toEqual({ input: 2_500_000n, cachedInput: 1_250_000n, output: 10_000_000n });
      const table = PriceTable.withOverrides({ 'o1-pro': { input: '150', cachedInput: '0', output: '600' } });
      expect(table.fallbackPrice).toEqual({ input: 150_000_000n, cachedInput: 1_250_000n, output: 600_000_000n });
    });

    it('charges an unknown model at the fallback price and flags it', () => {
      // 800 × 2.50 + 200 × 1.25 + 500 × 10.00 = 2 000 + 250 + 5 000 micro-USD
      expect(prices.chargeOf('relay/gpt-5-preview', tokens)).toEqual({
        cost: Money.fromMicros(7_250),
        priceFallback: true,
      });
    });

    it('charges a known model, or its dated snapshot, at its own price, unflagged', () => {
      expect(prices.chargeOf('gpt-4.1-mini-2025-04-14', tokens)).toEqual({
        cost: prices.costOf('gpt-4.1-mini', tokens),
        priceFallback: false,
      });
    });

    it('takes a configured fallback price in place of the default', () => {
      const table = PriceTable.defaults().withFallbackPrice({ input: '1', cachedInput: '0.5', output: '4' });
      expect(table.fallbackPrice).toEqual({ input: 1_000_000n, cachedInput: 500_000n, output: 4_000_000n });
      // 800 × 1 + 200 × 0.5 + 500 × 4 = 800 + 100 + 2 000
      expect(table.chargeOf('gpt-9', tokens).cost.micros).toBe(2_900n);
      expect(table.models).toEqual(prices.models);
    });

    it('still refuses an unknown model up front (a reservation) with MODEL_UNKNOWN', () => {
      expect(() => prices.worstCaseCostOf('gpt-9', 10, 10)).toThrow(ModelUnknownError);
    });

    it.each([
      ['1.00', /^must be an object/],
      [{ input: '1', output: '4' }, /^cachedInput must be a decimal string/],
      [{ input: 1, cachedInput: '0.5', output: '4' }, /^input must be a decimal string/],
      [{ input: '1', cachedInput: '0.5', output: '4', extra: '1' }, /^extra is not a price field/],
      [{ input: 'free', cachedInput: '0.5', output: '4' }, /^input "free" is not a decimal/],
    ])('refuses the malformed fallback price %j', (fallback, message) => {
      expect(() => prices.withFallbackPrice(fallback)).toThrow(PriceTableInvalidError);
      expect(() => prices.withFallbackPrice(fallback)).toThrow(message);
    });

    it('refuses impossible token counts at the fallback price too', () => {
      expect(() => prices.chargeOf('gpt-9', { promptTokens: 1, cachedTokens: 2, completionTokens: 0 })).toThrow(
        TokenCountInvalidError,
      );
    });
  });

  describe('overrides from USAGE_PRICES', () => {
    it('replaces the price of a listed model', () => {
      const table = PriceTable.withOverrides({ 'gpt-4o': { input: '2', cachedInput: '1', output: '8.5' } });
      expect(table.priceOf('gpt-4o')).toEqual({ input: 2_000_000n, cachedInput: 1_000_000n, output: 8_500_000n });
      expect(table.priceOf('gpt-4.1-mini')).toEqual(PriceTable.defaults().priceOf('gpt-4.1-mini'));
    });

    it('adds a model the list does not have', () => {
      const table = PriceTable.withOverrides({
        'ft:gpt-4o-mini:acme:fa-news:abc123': { input: '0.30', cachedInput: '0.15', output: '1.20' },
      });
      expect(
        table.costOf('ft:gpt-4o-mini:acme:fa-news:abc123', {
          promptTokens: 1_000,
          cachedTokens: 0,
          completionTokens: 1_000,
        }).micros,
      ).toBe(1_500n);
    });

    it.each([
      [{ 'gpt-4o': '2.50' }, /gpt-4o must be an object/],
      [{ 'gpt-4o': { input: 2.5, cachedInput: '1', output: '10' } }, /gpt-4o.input must be a decimal string/],
      [{ 'gpt-4o': { input: '2.5', output: '10' } }, /gpt-4o.cachedInput must be a decimal string/],
      [{ 'gpt-4o': { input: '-2', cachedInput: '1', output: '10' } }, /gpt-4o.input "-2" is not a decimal/],
      [{ 'gpt-4o': { input: '0.0000001', cachedInput: '1', output: '10' } }, /at most 6 decimals/],
      [{ 'gpt-4o': { input: '1', cachedInput: '1', output: '10', cached: '1' } }, /gpt-4o.cached is not a price field/],
      [{ 'bad model!': { input: '1', cachedInput: '1', output: '1' } }, /is not a model name/],
    ])('refuses the malformed override %j', (overrides, message) => {
      expect(() => PriceTable.withOverrides(overrides)).toThrow(PriceTableInvalidError);
      expect(() => PriceTable.withOverrides(overrides)).toThrow(message);
    });
  });

  describe('price entries {inputUsdPerMTok, cachedInputUsdPerMTok, outputUsdPerMTok}', () => {
    const entry = { inputUsdPerMTok: '0.30', cachedInputUsdPerMTok: '0.075', outputUsdPerMTok: '1.20' };

    it('reads an entry into micro-USD per million tokens and writes it back as 6-decimal strings', () => {
      expect(modelPriceOf('relay-mini', entry)).toEqual({ input: 300_000n, cachedInput: 75_000n, output: 1_200_000n });
      expect(priceEntryOf(modelPriceOf('relay-mini', entry))).toEqual({
        inputUsdPerMTok: '0.300000',
        cachedInputUsdPerMTok: '0.075000',
        outputUsdPerMTok: '1.200000',
      });
    });

    it('builds a table of exactly the given models, charged at their own prices', () => {
      const table = PriceTable.ofEntries({ 'Relay-Mini': entry });
      expect(table.models).toEqual(['relay-mini']);
      expect(table.entries).toEqual({ 'relay-mini': priceEntryOf(modelPriceOf('relay-mini', entry)) });
      // (1 000 − 400) × 0.30 + 400 × 0.075 + 500 × 1.20 = 180 + 30 + 600 micro-USD
      expect(table.costOf('relay-mini', { promptTokens: 1_000, cachedTokens: 400, completionTokens: 500 }).micros).toBe(
        810n,
      );
      expect(() => table.assertKnown('gpt-4o')).toThrow(ModelUnknownError);
      expect(table.fallbackPrice).toEqual(modelPriceOf('relay-mini', entry));
    });

    it.each([
      [{ ...entry, cachedInputUsdPerMTok: undefined }, /^m.cachedInputUsdPerMTok must be a decimal string/],
      [{ ...entry, outputUsdPerMTok: 1.2 }, /^m.outputUsdPerMTok must be a decimal string/],
      [{ ...entry, inputUsdPerMTok: '-1' }, /^m.inputUsdPerMTok "-1" is not a decimal/],
      [{ ...entry, input: '1' }, /^m.input is not a price field \(use inputUsdPerMTok, cachedInputUsdPerMTok/],
    ])('refuses the malformed entry %j naming the field', (bad, message) => {
      expect(() => PriceTable.ofEntries({ m: bad as never })).toThrow(PriceTableInvalidError);
      expect(() => PriceTable.ofEntries({ m: bad as never })).toThrow(message);
    });
  });
});
