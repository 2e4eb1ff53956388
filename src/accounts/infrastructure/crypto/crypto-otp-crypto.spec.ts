import { loadConfig } from '#libs/config';
import { HmacOtpCrypto } from './crypto-otp-crypto';

describe('HmacOtpCrypto', () => {
  const crypto = new HmacOtpCrypto(loadConfig({ JWT_SECRET: 'a'.repeat(40) }));

  it('makes codes of the asked length from digits only', () => {
    for (let i = 0; i < 200; i += 1) expect(crypto.generateCode(6)).toMatch(/^\d{6}$/);
  });

  it('spreads codes over the whole range (not a fixed or predictable value)', () => {
    const codes = new Set(Array.from({ length: 500 }, () => crypto.generateCode(6)));
    expect(codes.size).toBeGreaterThan(490);
  });

  it('stores a keyed hash that does not contain the code', () => {
    const hash = crypto.hash('+989121234567', '123456');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('123456');
    expect(new HmacOtpCrypto(loadConfig({ JWT_SECRET: 'b'.repeat(40) })).hash('+989121234567', '123456')).not.toBe(
      hash,
    );
  });

  it('hashes the code alike whether typed in Latin, Persian or Arabic-Indic digits', () => {
    const hash = crypto.hash('+989121234567', '123456');
    expect(crypto.hash('+989121234567', '۱۲۳۴۵۶')).toBe(hash);
    expect(crypto.hash('+989121234567', ' ١٢٣٤٥٦ ')).toBe(hash);
  });

  it('hashes a wrong code, or the same code for another phone, differently', () => {
    const hash = crypto.hash('+989121234567', '123456');
    expect(crypto.hash('+989121234567', '123457')).not.toBe(hash);
    expect(crypto.hash('+989121234568', '123456')).not.toBe(hash);
  });
});
