import { describe, expect, it } from 'vitest';
import { authenticatorCodeOf } from './two-factor';

describe('authenticatorCodeOf', () => {
  it('takes six digits in any script, with spaces, as Latin digits', () => {
    expect(authenticatorCodeOf('۱۲۳ ۴۵۶')).toBe('123456');
    expect(authenticatorCodeOf('١٢٣٤٥٦')).toBe('123456');
    expect(authenticatorCodeOf(' 123456 ')).toBe('123456');
  });

  it('refuses anything but six digits', () => {
    expect(authenticatorCodeOf('12345')).toBeUndefined();
    expect(authenticatorCodeOf('1234567')).toBeUndefined();
    expect(authenticatorCodeOf('12a456')).toBeUndefined();
    expect(authenticatorCodeOf('')).toBeUndefined();
  });
});
