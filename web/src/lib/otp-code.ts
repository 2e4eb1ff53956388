import { toLatinDigits } from './format';

/** A one-time code as the API takes it (six Latin digits), typed in any digit script with spaces; undefined when it is not one. */
export function codeOf(typed: string): string | undefined {
  const code = toLatinDigits(typed).replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}
