import { toLatinDigits } from './format';

/** A code from an authenticator app as typed (any digit script, with or without spaces) → its six Latin digits, or undefined when it is not six digits. */
export function authenticatorCodeOf(typed: string): string | undefined {
  const code = toLatinDigits(typed).replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}
