import * as z from 'zod/mini';
import { toLatinDigits } from './format';

/** A code from an authenticator app, typed in any digit script, with or without spaces. */
export const authenticatorCodeSchema = z.object({
  code: z.pipe(
    z.string(),
    z.transform((value) => toLatinDigits(value).replace(/\s/g, '')),
  ).check(z.refine((value) => /^\d{6}$/.test(value), { message: 'TWO_FACTOR_CODE_FORMAT' })),
});

/** A base32 secret in groups of four, to type into an app by hand: JBSW Y3DP EHPK 3PXP. */
export function groupSecret(secret: string): string {
  return (secret.replace(/[\s=]/g, '').toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
