import { ConfigError, loadConfig } from '#libs/config';
import { PriceTable } from '../../domain/price-table';
import { priceTableFrom } from './config-price-table';

function configErrorOf(parse: () => unknown): ConfigError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('priceTableFrom (USAGE_PRICES, USAGE_FALLBACK_PRICE)', () => {
  it('extends the list prices with USAGE_PRICES', () => {
    const table = priceTableFrom(
      loadConfig({ USAGE_PRICES: '{"gpt-5-mini": {"input": "0.25", "cachedInput": "0.025", "output": "2.00"}}' }),
    );
    expect(table.models).toContain('gpt-5-mini');
    expect(table.models).toContain('gpt-4.1-mini');
  });

  it('defaults the fallback price to the table’s highest of each price when USAGE_FALLBACK_PRICE is unset', () => {
    const config = loadConfig({});
    expect(config.usageFallbackPrice).toBeNull();
    expect(priceTableFrom(config).fallbackPrice).toEqual(PriceTable.defaults().fallbackPrice);
  });

  it('reads USAGE_FALLBACK_PRICE as the price of models the table does not know', () => {
    const table = priceTableFrom(
      loadConfig({ USAGE_FALLBACK_PRICE: '{"input": "3", "cachedInput": "1.5", "output": "12.50"}' }),
    );
    expect(table.fallbackPrice).toEqual({ input: 3_000_000n, cachedInput: 1_500_000n, output: 12_500_000n });
    expect(table.chargeOf('gpt-9', { promptTokens: 1_000, cachedTokens: 0, completionTokens: 0 })).toMatchObject({
      priceFallback: true,
    });
  });

  it('turns a malformed USAGE_PRICES entry into a one-line ConfigError naming the variable and the entry', () => {
    const error = configErrorOf(() =>
      priceTableFrom({
        usagePriceOverrides: { 'gpt-4o': { input: '2.5', cachedInput: '1.25' } },
        usageFallbackPrice: null,
      }),
    );
    expect(error.variable).toBe('USAGE_PRICES');
    expect(error.message).toBe(
      'Invalid configuration: USAGE_PRICES gpt-4o.output must be a decimal string of USD per million tokens, like "0.40"',
    );
    expect(error.stack).toBe(error.message);
  });

  it.each([
    ['{"input": "1", "cachedInput": "0.5"}', 'output must be a decimal string of USD per million tokens, like "0.40"'],
    [
      '{"input": "1", "cachedInput": "0.5", "output": 4}',
      'output must be a decimal string of USD per million tokens, like "0.40"',
    ],
    ['{"input": "-1", "cachedInput": "0.5", "output": "4"}', 'input "-1" is not a decimal with at most 6 decimals'],
    [
      '{"input": "1", "cachedInput": "0.5", "output": "4", "gpt-4o": "1"}',
      'gpt-4o is not a price field (use input, cachedInput, output)',
    ],
  ])('stops start-up on USAGE_FALLBACK_PRICE=%s with one line naming it', (value, reason) => {
    const error = configErrorOf(() => priceTableFrom(loadConfig({ USAGE_FALLBACK_PRICE: value })));
    expect(error.variable).toBe('USAGE_FALLBACK_PRICE');
    expect(error.message).toBe(`Invalid configuration: USAGE_FALLBACK_PRICE ${reason}`);
    expect(error.stack).toBe(error.message);
  });

  it('refuses a USAGE_FALLBACK_PRICE that is not a JSON object when the configuration loads', () => {
    const error = configErrorOf(() => loadConfig({ USAGE_FALLBACK_PRICE: '"2.50"' }));
    expect(error.variable).toBe('USAGE_FALLBACK_PRICE');
    expect(error.message).not.toContain('\n');
  });
});
