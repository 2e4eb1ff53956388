import { Money, MoneyInvalidError } from '#libs/ddd';
import { ModelUnknownError, TokenCountInvalidError } from './usage.errors';

/** Prices of one model in integer micro-USD per million tokens (0.40 USD per million = 400 000). */
export interface ModelPrice {
  input: bigint;
  cachedInput: bigint;
  output: bigint;
}

/**
 * One model's price as people write and read it (the contract's `ai-provider` `models` entries): decimal
 * strings of USD per million tokens (`"0.40"`, at most 6 decimals). `cachedInputUsdPerMTok` is the price of
 * prompt tokens served from the provider's prompt cache; reasoning tokens are completion tokens and are
 * charged at `outputUsdPerMTok`.
 */
export interface ModelPriceEntry {
  inputUsdPerMTok: string;
  cachedInputUsdPerMTok: string;
  outputUsdPerMTok: string;
}

/** The tokens one completed call used, as the OpenAI `usage` object reports them. */
export interface CallTokens {
  /** All prompt tokens, cached ones included (`usage.prompt_tokens`). */
  promptTokens: number;
  /** The part of the prompt served from OpenAI's prompt cache (`usage.prompt_tokens_details.cached_tokens`). */
  cachedTokens: number;
  /** All completion tokens, reasoning ones included (`usage.completion_tokens`): charged at the output price. */
  completionTokens: number;
  /**
   * The part of the completion the model spent reasoning (`usage.completion_tokens_details.reasoning_tokens`).
   * Already counted in `completionTokens` and billed as output, so it adds nothing to the cost; 0 when left out.
   */
  reasoningTokens?: number;
}

const TOKENS_PER_PRICE_UNIT = 1_000_000n;
const PRICE_FIELDS = ['input', 'cachedInput', 'output'] as const;
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
// OpenAI answers with dated snapshots of the model asked for: gpt-4.1-mini → gpt-4.1-mini-2025-04-14.
const SNAPSHOT_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

const usd = (decimal: string): bigint => Money.parse(decimal).micros;

/** OpenAI list prices in USD per million tokens (input / cached input / output). */
export const DEFAULT_MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4.1-mini': { input: usd('0.40'), cachedInput: usd('0.10'), output: usd('1.60') },
  'gpt-4.1': { input: usd('2.00'), cachedInput: usd('0.50'), output: usd('8.00') },
  'gpt-4o-mini': { input: usd('0.15'), cachedInput: usd('0.075'), output: usd('0.60') },
  'gpt-4o': { input: usd('2.50'), cachedInput: usd('1.25'), output: usd('10.00') },
};

/** What one completed call is charged, and whether its model was priced at the fallback rate. */
export interface CallCharge {
  cost: Money;
  /** The model had no price of its own: the call was charged at the fallback price. */
  priceFallback: boolean;
}

/** A price override that is not `{"model": {"input": "0.40", "cachedInput": "0.10", "output": "1.60"}}`. */
export class PriceTableInvalidError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PriceTableInvalidError';
  }
}

/**
 * What each model costs, and so what each call costs. Deployments override or extend the list
 * prices with decimal strings (USD per million tokens), never floats.
 */
export class PriceTable {
  private constructor(
    private readonly prices: ReadonlyMap<string, ModelPrice>,
    /** What a completed call of a model without a price is charged at. */
    readonly fallbackPrice: ModelPrice,
  ) {}

  static defaults(): PriceTable {
    return PriceTable.withOverrides({});
  }

  /**
   * The list prices with `overrides` applied: `{"model": {"input": "0.40", "cachedInput": "0.10", "output": "1.60"}}`.
   * A new model name adds a model. Throws PriceTableInvalidError naming the first bad entry.
   */
  static withOverrides(overrides: Record<string, unknown>): PriceTable {
    const prices = new Map<string, ModelPrice>(Object.entries(DEFAULT_MODEL_PRICES));
    for (const [model, value] of Object.entries(overrides)) {
      if (!MODEL_NAME.test(model)) throw new PriceTableInvalidError(`"${model.slice(0, 64)}" is not a model name`);
      prices.set(model.toLowerCase(), parseModelPrice(model, value));
    }
    return new PriceTable(prices, highestPrices([...prices.values()]));
  }

  /**
   * A table of exactly `entries` (model name → price entry), none of the list prices: an organization's
   * own provider, which is charged at its own prices. Its fallback price is, field by field, the highest
   * of its models. Throws PriceTableInvalidError naming the first bad entry; an empty table has no models.
   */
  static ofEntries(entries: Readonly<Record<string, ModelPriceEntry>>): PriceTable {
    const prices = new Map<string, ModelPrice>();
    for (const [model, entry] of Object.entries(entries)) {
      if (!MODEL_NAME.test(model)) throw new PriceTableInvalidError(`"${model.slice(0, 64)}" is not a model name`);
      prices.set(model.toLowerCase(), modelPriceOf(model, entry));
    }
    return new PriceTable(prices, highestPrices([...prices.values()]));
  }

  /** Every model's price as an entry of decimal strings (USD per million tokens), by model name. */
  get entries(): Record<string, ModelPriceEntry> {
    return Object.fromEntries(this.models.map((model) => [model, priceEntryOf(this.prices.get(model)!)]));
  }

  /**
   * This table with `fallback` (`{"input": "…", "cachedInput": "…", "output": "…"}`) as the price of
   * completed calls whose model has none. Throws PriceTableInvalidError naming the bad field.
   */
  withFallbackPrice(fallback: unknown): PriceTable {
    return new PriceTable(this.prices, parseModelPrice('', fallback));
  }

  get models(): string[] {
    return [...this.prices.keys()].sort();
  }

  /** The price of `model`, or of the model a dated snapshot name (`gpt-4o-2024-08-06`) belongs to. */
  priceOf(model: string): ModelPrice {
    const price = this.findPrice(model);
    if (!price) throw new ModelUnknownError(model, this.models);
    return price;
  }

  /** Throws MODEL_UNKNOWN when the model has no price. */
  assertKnown(model: string): void {
    this.priceOf(model);
  }

  /**
   * (uncached prompt tokens × input + cached tokens × cached input + completion tokens × output) / 1e6,
   * in integer micro-USD, rounded up once for the whole call. Reasoning tokens are completion tokens
   * (OpenAI counts and bills them as output), so they are in the third term and never added again.
   */
  costOf(model: string, tokens: CallTokens): Money {
    return costAt(this.priceOf(model), tokens);
  }

  /**
   * What a call that has completed is charged. A model missing from the table (a relay's own name,
   * a snapshot newer than the table) is charged at the fallback price rather than refused: the
   * tokens are spent, and a charge that cannot be computed would never be recorded.
   */
  chargeOf(model: string, tokens: CallTokens): CallCharge {
    const price = this.findPrice(model);
    return { cost: costAt(price ?? this.fallbackPrice, tokens), priceFallback: !price };
  }

  /** The most a call can cost: every prompt token uncached and the completion at its `maxTokens` cap. */
  worstCaseCostOf(model: string, promptTokens: number, maxTokens: number): Money {
    return this.costOf(model, { promptTokens, cachedTokens: 0, completionTokens: maxTokens });
  }

  private findPrice(model: string): ModelPrice | undefined {
    const name = model.trim().toLowerCase();
    return this.prices.get(name) ?? this.prices.get(name.replace(SNAPSHOT_SUFFIX, ''));
  }
}

function costAt(price: ModelPrice, tokens: CallTokens): Money {
  assertCallTokens(tokens);
  const uncached = BigInt(tokens.promptTokens - tokens.cachedTokens);
  const microsTimesTokens =
    uncached * price.input +
    BigInt(tokens.cachedTokens) * price.cachedInput +
    BigInt(tokens.completionTokens) * price.output;
  return Money.fromMicros(ceilDiv(microsTimesTokens, TOKENS_PER_PRICE_UNIT));
}

/** Field by field, the highest price of any model: an unknown model is never charged less than a known one. */
function highestPrices(prices: ModelPrice[]): ModelPrice {
  const highest = (field: PriceField) => prices.reduce((max, price) => (price[field] > max ? price[field] : max), 0n);
  return { input: highest('input'), cachedInput: highest('cachedInput'), output: highest('output') };
}

type PriceField = (typeof PRICE_FIELDS)[number];
const CONFIG_FIELD_NAMES: Readonly<Record<PriceField, string>> = {
  input: 'input',
  cachedInput: 'cachedInput',
  output: 'output',
};
const ENTRY_FIELD_NAMES: Readonly<Record<PriceField, keyof ModelPriceEntry>> = {
  input: 'inputUsdPerMTok',
  cachedInput: 'cachedInputUsdPerMTok',
  output: 'outputUsdPerMTok',
};

/**
 * `value`, an object of the three prices under `names`, in micro-USD. `model` names the entry in
 * messages; the fallback price, which belongs to no model, passes ''.
 */
function parseModelPrice(
  model: string,
  value: unknown,
  names: Readonly<Record<PriceField, string>> = CONFIG_FIELD_NAMES,
): ModelPrice {
  const at = (field: string) => (model ? `${model}.${field}` : field);
  const listed = PRICE_FIELDS.map((field) => names[field]);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new PriceTableInvalidError(
      `${model ? `${model} ` : ''}must be an object {"${listed.join('", "')}"} of USD per million tokens`,
    );
  }
  const entry = value as Record<string, unknown>;
  const unknownField = Object.keys(entry).find((field) => !listed.includes(field));
  if (unknownField)
    throw new PriceTableInvalidError(`${at(unknownField)} is not a price field (use ${listed.join(', ')})`);
  const read = (field: PriceField): bigint => {
    const raw = entry[names[field]];
    if (typeof raw !== 'string')
      throw new PriceTableInvalidError(
        `${at(names[field])} must be a decimal string of USD per million tokens, like "0.40"`,
      );
    try {
      return Money.parse(raw.trim()).micros;
    } catch (error) {
      if (error instanceof MoneyInvalidError)
        throw new PriceTableInvalidError(
          `${at(names[field])} "${raw.slice(0, 20)}" is not a decimal with at most 6 decimals`,
        );
      throw error;
    }
  };
  return { input: read('input'), cachedInput: read('cachedInput'), output: read('output') };
}

/** `entry` in integer micro-USD per million tokens; `model` names it in messages. Throws PriceTableInvalidError. */
export function modelPriceOf(model: string, entry: ModelPriceEntry): ModelPrice {
  return parseModelPrice(model, entry, ENTRY_FIELD_NAMES);
}

/** `price` as decimal strings of USD per million tokens (`400000n` → `"0.400000"`). */
export function priceEntryOf(price: ModelPrice): ModelPriceEntry {
  return {
    inputUsdPerMTok: Money.fromMicros(price.input).toDecimalString(),
    cachedInputUsdPerMTok: Money.fromMicros(price.cachedInput).toDecimalString(),
    outputUsdPerMTok: Money.fromMicros(price.output).toDecimalString(),
  };
}

function assertCallTokens(tokens: CallTokens): void {
  for (const [field, value] of Object.entries(tokens)) {
    if (field === 'reasoningTokens' && value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 0)
      throw new TokenCountInvalidError(`${field} must be a whole number ≥ 0 (got ${String(value)})`);
  }
  if (tokens.cachedTokens > tokens.promptTokens)
    throw new TokenCountInvalidError('cachedTokens cannot exceed promptTokens');
  if ((tokens.reasoningTokens ?? 0) > tokens.completionTokens)
    throw new TokenCountInvalidError('reasoningTokens cannot exceed completionTokens');
}

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}
