import { describe, expect, it } from 'vitest';
import { errorMessage } from './fa';

describe('errorMessage', () => {
  it('shows the wait the API gives in Latin digits with Persian ones', () => {
    expect(errorMessage('OTP_COOLDOWN', { seconds: '54' })).toBe('برای ارسال دوباره کد ۵۴ ثانیه صبر کنید.');
    expect(errorMessage('OTP_COOLDOWN', { retryAfterSeconds: 120 })).toContain('۱۲۰');
  });

  it('falls back to the general message for a code it does not know', () => {
    expect(errorMessage('NO_SUCH_CODE')).toBe(errorMessage(undefined));
  });
});
