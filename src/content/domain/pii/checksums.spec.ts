import { isValidIranianIban, isValidIranianNationalId, passesLuhn } from './checksums';

describe('checksums', () => {
  it.each(['0079425194', '1234567891', '0499370899'])('accepts the national ID %s', (id) => {
    expect(isValidIranianNationalId(id)).toBe(true);
  });

  it.each(['0079425193', '1111111111', '0000000000', '123456789', '12345678901'])(
    'refuses %s as a national ID',
    (id) => {
      expect(isValidIranianNationalId(id)).toBe(false);
    },
  );

  it('checks card numbers with Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('6037991234567891')).toBe(false);
    expect(passesLuhn('411111111')).toBe(false);
  });

  it('checks Sheba numbers with ISO 13616 mod 97 (the 24 digits after IR)', () => {
    expect(isValidIranianIban('820540102680020817909002')).toBe(true);
    expect(isValidIranianIban('820540102680020817909003')).toBe(false);
    expect(isValidIranianIban('82054010268002081790900')).toBe(false);
  });
});
