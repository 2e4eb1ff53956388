import { describe, expect, it } from 'vitest';
import { parseContentForm } from './content-form-schema';

const base = { title: 'عنوان', templateId: '', prompt: 'بنویس', variables: {}, model: 'gpt-4.1-mini', temperature: '', maxTokens: '' };

describe('parseContentForm', () => {
  it('reads temperature and max tokens typed in Persian digits (with ٫ or .), and leaves empty ones out', () => {
    expect(parseContentForm({ ...base, temperature: '۰٫۷', maxTokens: '۸۰۰' })).toMatchObject({ ok: true, value: { temperature: 0.7, maxTokens: 800 } });
    expect(parseContentForm({ ...base, temperature: '0.5' })).toMatchObject({ ok: true, value: { temperature: 0.5 } });
    expect(parseContentForm(base)).toMatchObject({ ok: true, value: { temperature: undefined, maxTokens: undefined } });
  });

  it('sends the title and prompt trimmed', () => {
    expect(parseContentForm({ ...base, title: '  گزارش Q3 برای ACME ', prompt: ' بنویس ' })).toMatchObject({ ok: true, value: { title: 'گزارش Q3 برای ACME', prompt: 'بنویس' } });
  });

  it('needs a title, and a prompt unless a template is chosen, and refuses out-of-range numbers, each in Persian', () => {
    expect(parseContentForm({ ...base, title: ' ', prompt: '' })).toEqual({ ok: false, problems: { title: 'این بخش را پر کنید.', prompt: 'این بخش را پر کنید.' } });
    expect(parseContentForm({ ...base, prompt: '', templateId: 't1' }).ok).toBe(true);
    expect(parseContentForm({ ...base, temperature: '3' })).toEqual({ ok: false, problems: { temperature: 'یک عدد وارد کنید.' } });
    expect(parseContentForm({ ...base, maxTokens: '1.5' })).toEqual({ ok: false, problems: { maxTokens: 'یک عدد وارد کنید.' } });
  });
});
