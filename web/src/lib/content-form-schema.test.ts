import { describe, expect, it } from 'vitest';
import { contentFormSchema } from './content-form-schema';

const base = { title: 'عنوان', templateId: '', prompt: 'بنویس', variables: {}, model: 'gpt-4.1-mini', temperature: '', maxTokens: '' };

describe('contentFormSchema', () => {
  it('reads temperature and max tokens typed in Persian digits, and leaves empty ones out', () => {
    expect(contentFormSchema.parse({ ...base, temperature: '۰٫۷'.replace('٫', '.'), maxTokens: '۸۰۰' })).toMatchObject({ temperature: 0.7, maxTokens: 800 });
    expect(contentFormSchema.parse(base)).toMatchObject({ temperature: undefined, maxTokens: undefined });
  });

  it('needs a prompt unless a template is chosen, and refuses out-of-range numbers', () => {
    expect(contentFormSchema.safeParse({ ...base, prompt: '' }).success).toBe(false);
    expect(contentFormSchema.safeParse({ ...base, prompt: '', templateId: 't1' }).success).toBe(true);
    expect(contentFormSchema.safeParse({ ...base, temperature: '3' }).success).toBe(false);
    expect(contentFormSchema.safeParse({ ...base, maxTokens: '1.5' }).success).toBe(false);
  });
});
