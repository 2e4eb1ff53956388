import * as z from 'zod/mini';
import { fa } from '@/messages/fa';
import { toLatinDigits } from './format';

const optionalNumber = (check: (value: number) => boolean) =>
  z.pipe(
    z.pipe(z.string(), z.transform((value) => toLatinDigits(value.trim()))).check(z.refine((value) => value === '' || (Number.isFinite(Number(value)) && check(Number(value))), fa.form.number)),
    z.transform((value) => (value === '' ? undefined : Number(value))),
  );

/** A new content: a written prompt, or a template (templateId) with a value for each of its variables. */
export const contentFormSchema = z
  .object({
    title: z.string().check(z.trim(), z.minLength(1, fa.form.required), z.maxLength(300, fa.form.tooLong(300))),
    templateId: z.string(),
    prompt: z.string().check(z.trim(), z.maxLength(20_000, fa.form.tooLong(20_000))),
    variables: z.record(z.string(), z.string()),
    model: z.string().check(z.minLength(1)),
    temperature: optionalNumber((value) => value >= 0 && value <= 2),
    maxTokens: optionalNumber((value) => Number.isInteger(value) && value >= 1 && value <= 16_384),
  })
  .check(
    z.superRefine((value, context) => {
      if (!value.templateId && !value.prompt) context.addIssue({ code: 'custom', path: ['prompt'], message: fa.form.required });
    }),
  );

export type ContentFormInput = z.input<typeof contentFormSchema>;
export type ContentFormOutput = z.output<typeof contentFormSchema>;
