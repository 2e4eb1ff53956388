import { describe, expect, it } from 'vitest';
import { phoneOf } from './phone';

describe('phoneOf', () => {
  it('takes an Iranian mobile in any digit script, with spaces, dashes and any prefix', () => {
    expect(phoneOf('۰۹۳۵ ۱۲۳ ۴۵۶۷')).toBe('09351234567');
    expect(phoneOf('+98 (912) 123-4567')).toBe('+989121234567');
    expect(phoneOf('٠٠٩٨٩١٢١٢٣٤٥٦٧')).toBe('00989121234567');
    expect(phoneOf('9121234567')).toBe('9121234567');
  });

  it('refuses anything else', () => {
    expect(phoneOf('02112345678')).toBeUndefined();
    expect(phoneOf('0912123456')).toBeUndefined();
    expect(phoneOf('')).toBeUndefined();
  });
});
