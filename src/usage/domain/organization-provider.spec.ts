import { OrganizationProvider, ProviderInvalidError, type OrganizationProviderState } from './organization-provider';

const state = (overrides: Partial<OrganizationProviderState> = {}): OrganizationProviderState => ({
  organizationId: 'org-1',
  baseUrl: 'https://relay.example.ir/v1',
  apiKey: 'sk-relay-0123456789abcd',
  models: [
    { id: 'gpt-4.1-mini', inputUsdPerMTok: '1.00', cachedInputUsdPerMTok: '0.25', outputUsdPerMTok: '4' },
    { id: 'relay-large', inputUsdPerMTok: '3', cachedInputUsdPerMTok: '1', outputUsdPerMTok: '9.5' },
  ],
  updatedBy: 'admin-1',
  updatedAt: new Date('2026-12-07T00:00:00Z'),
  ...overrides,
});

describe('OrganizationProvider', () => {
  it('keeps the models with their prices normalised to 6 decimals, and shows only the key’s last 4 characters', () => {
    const provider = OrganizationProvider.create(state());

    expect(provider.apiKeyLast4).toBe('abcd');
    expect(provider.models[0]).toEqual({
      id: 'gpt-4.1-mini',
      inputUsdPerMTok: '1.000000',
      cachedInputUsdPerMTok: '0.250000',
      outputUsdPerMTok: '4.000000',
    });
    expect(JSON.stringify(provider.auditSnapshot())).not.toContain('sk-relay');
  });

  it('prices calls by its own table: uncached input, cached input and output at their own rates, rounded up once', () => {
    const prices = OrganizationProvider.create(state()).priceTable();

    // (900 × 1.00 + 100 × 0.25 + 50 × 4) / 1e6 USD = 1 125 micro-USD
    expect(prices.costOf('gpt-4.1-mini', { promptTokens: 1000, cachedTokens: 100, completionTokens: 50 }).micros).toBe(
      1125n,
    );
    // A dated snapshot of a listed model is that model.
    expect(
      prices.costOf('gpt-4.1-mini-2025-04-14', { promptTokens: 1, cachedTokens: 0, completionTokens: 0 }).micros,
    ).toBe(1n);
  });

  it('knows only its own models: a list-price model is MODEL_UNKNOWN, and a completed call of one is charged its highest prices', () => {
    const prices = OrganizationProvider.create(state()).priceTable();

    expect(() => prices.assertKnown('gpt-4o')).toThrow(expect.objectContaining({ code: 'MODEL_UNKNOWN' }));
    expect(prices.chargeOf('gpt-4o', { promptTokens: 1_000_000, cachedTokens: 0, completionTokens: 0 })).toEqual({
      cost: expect.objectContaining({ micros: 3_000_000n }),
      priceFallback: true,
    });
  });

  it.each([
    ['no models', { models: [] }],
    [
      'a model listed twice (whatever the case)',
      {
        models: [
          { id: 'm', inputUsdPerMTok: '1', cachedInputUsdPerMTok: '1', outputUsdPerMTok: '1' },
          { id: 'M', inputUsdPerMTok: '1', cachedInputUsdPerMTok: '1', outputUsdPerMTok: '1' },
        ],
      },
    ],
    [
      'a negative price',
      { models: [{ id: 'm', inputUsdPerMTok: '-1', cachedInputUsdPerMTok: '0', outputUsdPerMTok: '0' }] },
    ],
    [
      'a price over 10 000',
      { models: [{ id: 'm', inputUsdPerMTok: '10000.000001', cachedInputUsdPerMTok: '0', outputUsdPerMTok: '0' }] },
    ],
    [
      '7 decimals',
      { models: [{ id: 'm', inputUsdPerMTok: '0.0000001', cachedInputUsdPerMTok: '0', outputUsdPerMTok: '0' }] },
    ],
    [
      'a model name with a space',
      { models: [{ id: 'my model', inputUsdPerMTok: '1', cachedInputUsdPerMTok: '1', outputUsdPerMTok: '1' }] },
    ],
    ['a short key', { apiKey: 'sk-1' }],
    ['a key with a space', { apiKey: 'sk-relay 0123456789' }],
  ])('refuses %s with AI_PROVIDER_INVALID', (_case, overrides) => {
    expect(() => OrganizationProvider.create(state(overrides as Partial<OrganizationProviderState>))).toThrow(
      ProviderInvalidError,
    );
  });

  it('accepts free models (price 0) and the bound itself', () => {
    expect(() =>
      OrganizationProvider.create(
        state({ models: [{ id: 'm', inputUsdPerMTok: '0', cachedInputUsdPerMTok: '0', outputUsdPerMTok: '10000' }] }),
      ),
    ).not.toThrow();
  });
});
