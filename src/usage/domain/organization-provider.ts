import { DomainError, Money, MoneyInvalidError } from '#libs/ddd';
import { PriceTable, type ModelPriceEntry } from './price-table';

/** One model the organization's own provider serves, with its prices as decimal USD per million tokens. */
export interface ProviderModelInput extends ModelPriceEntry {
  id: string;
}

export interface OrganizationProviderState {
  organizationId: string;
  /** Already checked against the address guard (the use case does that: it needs DNS). */
  baseUrl: string;
  /** The plaintext key: encrypted by the repository, never logged, never answered. */
  apiKey: string;
  models: ProviderModelInput[];
  updatedBy: string;
  updatedAt: Date;
}

export const PROVIDER_LIMITS = {
  maxModels: 50,
  minKeyLength: 8,
  maxKeyLength: 512,
  /** USD per million tokens; the most expensive list price today is far below. */
  maxPriceUsdPerMTok: '10000',
} as const;

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
const DECIMAL = /^\d{1,5}(?:\.\d{1,6})?$/;
const PRICE_FIELDS = ['inputUsdPerMTok', 'cachedInputUsdPerMTok', 'outputUsdPerMTok'] as const;

export class ProviderInvalidError extends DomainError {
  constructor(reason: string) {
    super('AI_PROVIDER_INVALID', 'invalid', reason);
  }
}

/**
 * An organization's own OpenAI-compatible provider: its base URL, its key and the price table its
 * generations are charged by (and limited to: a model outside it is refused as MODEL_UNKNOWN).
 */
export class OrganizationProvider {
  private constructor(private readonly state: OrganizationProviderState) {}

  /** Checks the key and the models (non-empty, unique ids, prices 0 … 10 000 USD per million tokens). */
  static create(state: OrganizationProviderState): OrganizationProvider {
    const key = state.apiKey;
    if (key.length < PROVIDER_LIMITS.minKeyLength || key.length > PROVIDER_LIMITS.maxKeyLength)
      throw new ProviderInvalidError(
        `apiKey must be ${PROVIDER_LIMITS.minKeyLength} to ${PROVIDER_LIMITS.maxKeyLength} characters`,
      );
    if (/[^\x21-\x7e]/.test(key)) throw new ProviderInvalidError('apiKey must be printable ASCII without spaces');
    if (!state.models.length) throw new ProviderInvalidError('models must name at least one model');
    if (state.models.length > PROVIDER_LIMITS.maxModels)
      throw new ProviderInvalidError(`models may name at most ${PROVIDER_LIMITS.maxModels} models`);
    const seen = new Set<string>();
    const models = state.models.map((model) => {
      const id = model.id.trim();
      if (!MODEL_NAME.test(id)) throw new ProviderInvalidError(`"${id.slice(0, 64)}" is not a model name`);
      if (seen.has(id.toLowerCase())) throw new ProviderInvalidError(`The model "${id}" is listed twice`);
      seen.add(id.toLowerCase());
      const normalised = { id } as ProviderModelInput;
      for (const field of PRICE_FIELDS) normalised[field] = priceOf(id, field, model[field]).toDecimalString();
      return normalised;
    });
    return new OrganizationProvider({ ...state, models });
  }

  static restore(state: OrganizationProviderState): OrganizationProvider {
    return new OrganizationProvider(state);
  }

  get organizationId(): string {
    return this.state.organizationId;
  }
  get baseUrl(): string {
    return this.state.baseUrl;
  }
  get apiKey(): string {
    return this.state.apiKey;
  }
  get apiKeyLast4(): string {
    return this.state.apiKey.slice(-4);
  }
  get models(): ProviderModelInput[] {
    return this.state.models.map((model) => ({ ...model }));
  }
  get updatedBy(): string {
    return this.state.updatedBy;
  }
  get updatedAt(): Date {
    return this.state.updatedAt;
  }

  /** The organization's own price table: only its models, the fallback at its highest prices. */
  priceTable(): PriceTable {
    return PriceTable.ofEntries(Object.fromEntries(this.state.models.map(({ id, ...price }) => [id, price])));
  }

  /** What the audit log keeps: everything but the key, of which only the last 4 characters. */
  auditSnapshot(): { baseUrl: string; apiKeyLast4: string; models: ProviderModelInput[] } {
    return { baseUrl: this.baseUrl, apiKeyLast4: this.apiKeyLast4, models: this.models };
  }
}

function priceOf(model: string, field: string, raw: unknown): Money {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!DECIMAL.test(text))
    throw new ProviderInvalidError(`${model}.${field} must be a decimal string of USD with at most 6 decimals`);
  let price: Money;
  try {
    price = Money.parse(text);
  } catch (error) {
    if (error instanceof MoneyInvalidError) throw new ProviderInvalidError(`${model}.${field} is not a decimal`);
    throw error;
  }
  if (price.micros > Money.parse(PROVIDER_LIMITS.maxPriceUsdPerMTok).micros)
    throw new ProviderInvalidError(`${model}.${field} must be at most ${PROVIDER_LIMITS.maxPriceUsdPerMTok}`);
  return price;
}
