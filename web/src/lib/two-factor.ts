import { toLatinDigits } from './format';

/** A code from an authenticator app as typed (any digit script, with or without spaces) → its six Latin digits, or undefined when it is not six digits. */
export function authenticatorCodeOf(typed: string): string | undefined {
  const code = toLatinDigits(typed).replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}

/** A base32 secret in groups of four, to type into an app by hand: JBSW Y3DP EHPK 3PXP. */
export function groupSecret(secret: string): string {
  return (secret.replace(/[\s=]/g, '').toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
