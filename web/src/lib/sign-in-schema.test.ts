import { describe, expect, it } from 'vitest';
import { codeSchema, phoneSchema } from './sign-in-schema';

describe('sign-in schemas', () => {
  it.each(['09121234567', '۰۹۱۲ ۱۲۳ ۴۵۶۷', '+98 912-123-4567', '٠٩١٢١٢٣٤٥٦٧', '9121234567', '00989121234567'])('accepts the mobile %s', (phone) => {
    expect(phoneSchema.safeParse({ phone }).success).toBe(true);
  });

  it.each(['02188776655', '0912123', 'abc'])('refuses %s with PHONE_INVALID', (phone) => {
    const result = phoneSchema.safeParse({ phone });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('PHONE_INVALID');
  });

  it('reads a code typed in Persian digits and refuses one of the wrong length', () => {
    expect(codeSchema.parse({ code: '۱۲۳ ۴۵۶' })).toEqual({ code: '123456' });
    expect(codeSchema.safeParse({ code: '12345' }).success).toBe(false);
  });
});
