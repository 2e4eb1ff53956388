import { describe, expect, it } from 'vitest';
import { codeOf } from './otp-code';
import { phoneOf } from './phone';

describe('the sign-in fields', () => {
  it.each(['09121234567', '۰۹۱۲ ۱۲۳ ۴۵۶۷', '+98 912-123-4567', '٠٩١٢١٢٣٤٥٦٧', '9121234567', '00989121234567'])('takes the mobile %s', (phone) => {
    expect(phoneOf(phone)).toBeDefined();
  });

  it.each(['02188776655', '0912123', 'abc'])('refuses the phone %s', (phone) => {
    expect(phoneOf(phone)).toBeUndefined();
  });

  it('reads a code typed in Persian digits and refuses one of the wrong length', () => {
    expect(codeOf('۱۲۳ ۴۵۶')).toBe('123456');
    expect(codeOf('12345')).toBeUndefined();
    expect(codeOf('12345a')).toBeUndefined();
  });
});
