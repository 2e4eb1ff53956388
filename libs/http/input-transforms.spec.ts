import { latinTrimmed, trim, wholeNumber } from './input-transforms';

describe('input transforms', () => {
  it('trims strings and leaves other values for the validators', () => {
    expect(trim({ value: '  آژانس نوآوران ' })).toBe('آژانس نوآوران');
    expect(trim({ value: 42 })).toBe(42);
  });

  it('writes Persian and Arabic-Indic digits as Latin ones', () => {
    expect(latinTrimmed({ value: ' ۱۲۰٠٠ ' })).toBe('12000');
    expect(latinTrimmed({ value: null })).toBeNull();
  });

  it('reads up to ten digits of any script as a number, and nothing else', () => {
    expect(wholeNumber({ value: '۴۲' })).toBe(42);
    expect(wholeNumber({ value: '٣' })).toBe(3);
    for (const refused of ['-1', '1.5', '1e3', '12345678901', '', ['1', '2']])
      expect(wholeNumber({ value: refused })).toBe(refused);
  });
});
