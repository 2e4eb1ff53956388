import * as z from 'zod/mini';
import { toLatinDigits } from './format';
import { isIranianMobile, normalizePhone } from './phone';

// zod/mini: the forms' schemas without the whole of zod in every page's first load.

/** An Iranian mobile as people write it: any digit script, spaces, dashes, 0 / +98 / 0098 or nothing before the 9. */
export const phoneSchema = z.object({
  phone: z.pipe(z.string(), z.transform(normalizePhone)).check(z.refine(isIranianMobile, { message: 'PHONE_INVALID' })),
});

export const codeSchema = z.object({
  code: z.pipe(
    z.string(),
    z.transform((value) => toLatinDigits(value).replace(/\s/g, '')),
  ).check(z.refine((value) => /^\d{6}$/.test(value), { message: 'OTP_INVALID' })),
});
