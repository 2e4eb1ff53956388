import { toLatinDigits } from '#libs/ddd';

type Input = { value: unknown };

/**
 * Transforms a request DTO applies (`@Transform(trim)`) before it validates. Each leaves anything it
 * does not expect as it is, so that the validators refuse it with their own message.
 */

/** Trims strings. */
export const trim = ({ value }: Input) => (typeof value === 'string' ? value.trim() : value);

/** Trims strings and writes their Persian (۰–۹) and Arabic-Indic (٠–٩) digits as Latin ones. */
export const latinTrimmed = ({ value }: Input) => (typeof value === 'string' ? toLatinDigits(value).trim() : value);

/**
 * A query value of up to ten Latin, Persian or Arabic-Indic digits becomes that number; anything
 * else (a sign, a fraction, an exponent, more digits, a repeated parameter) is left to be refused.
 */
export const wholeNumber = ({ value }: Input) =>
  typeof value === 'string' && /^[\d۰-۹٠-٩]{1,10}$/.test(value.trim()) ? Number(toLatinDigits(value.trim())) : value;
