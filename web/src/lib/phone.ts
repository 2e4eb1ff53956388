import { toLatinDigits } from './format';

/** A phone as typed → Latin digits without spaces, dashes or brackets. */
export function normalizePhone(typed: string): string {
  return toLatinDigits(typed).replace(/[\s\-()]/g, '');
}

/** An Iranian mobile as people write it, once normalized: 0 / +98 / 0098 or nothing before the 9. */
export function isIranianMobile(phone: string): boolean {
  return /^(?:\+98|0098|0)?9\d{9}$/.test(phone);
}

/** The phone as the API takes it, or undefined when it is not an Iranian mobile. */
export function phoneOf(typed: string): string | undefined {
  const phone = normalizePhone(typed);
  return isIranianMobile(phone) ? phone : undefined;
}
