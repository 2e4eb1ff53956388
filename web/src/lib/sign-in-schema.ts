import { z } from 'zod';
import { toLatinDigits } from './format';

/** An Iranian mobile as people write it: any digit script, spaces, dashes, 0 / +98 / 0098 or nothing before the 9. */
export const phoneSchema = z.object({
  phone: z
    .string()
    .transform((value) => toLatinDigits(value).replace(/[\s\-()]/g, ''))
    .refine((value) => /^(?:\+98|0098|0)?9\d{9}$/.test(value), { message: 'PHONE_INVALID' }),
});

export const codeSchema = z.object({
  code: z
    .string()
    .transform((value) => toLatinDigits(value).replace(/\s/g, ''))
    .refine((value) => /^\d{6}$/.test(value), { message: 'OTP_INVALID' }),
});
