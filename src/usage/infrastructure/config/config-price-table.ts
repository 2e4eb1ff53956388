import { ConfigError, type AppConfig } from '#libs/config';
import { PriceTable, PriceTableInvalidError } from '../../domain/price-table';

/**
 * The price table from USAGE_PRICES and USAGE_FALLBACK_PRICE. A malformed value stops start-up
 * with one line naming the variable.
 */
export function priceTableFrom(config: Pick<AppConfig, 'usagePriceOverrides' | 'usageFallbackPrice'>): PriceTable {
  const table = parsedAs('USAGE_PRICES', () => PriceTable.withOverrides(config.usagePriceOverrides));
  const fallback = config.usageFallbackPrice;
  return fallback === null ? table : parsedAs('USAGE_FALLBACK_PRICE', () => table.withFallbackPrice(fallback));
}

function parsedAs(variable: string, parse: () => PriceTable): PriceTable {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof PriceTableInvalidError)) throw error;
    const configError = new ConfigError(variable, error.reason);
    // An operator's mistake, not a bug: the message is all there is to say.
    configError.stack = configError.message;
    throw configError;
  }
}
