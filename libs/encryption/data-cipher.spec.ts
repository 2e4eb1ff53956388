import { randomBytes } from 'node:crypto';
import { DataCipher } from './data-cipher';

describe('DataCipher', () => {
  const k1 = { id: 'k1', key: randomBytes(32) };
  const k2 = { id: 'k2', key: randomBytes(32) };

  it('encrypts so that the stored value shows neither the secret nor anything of it, and decrypts it back', () => {
    const cipher = new DataCipher([k1]);
    const stored = cipher.encrypt('whsec_رمز', 'webhook_endpoints.secret');
    expect(stored).toMatch(/^enc:v1:k1:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('whsec');
    expect(cipher.encrypt('whsec_رمز', 'webhook_endpoints.secret')).not.toBe(stored);
    expect(cipher.decrypt(stored, 'webhook_endpoints.secret')).toBe('whsec_رمز');
  });

  it('opens values under an older key after a rotation, and tells which are not under the current one', () => {
    const old = new DataCipher([k1]).encrypt('secret', 'p');
    const rotated = new DataCipher([k2, k1]);
    expect(rotated.decrypt(old, 'p')).toBe('secret');
    expect(rotated.isCurrent(old)).toBe(false);
    expect(rotated.isCurrent(rotated.encrypt('secret', 'p'))).toBe(true);
  });

  it('refuses a value moved to another purpose, a tampered value and an unknown key', () => {
    const cipher = new DataCipher([k1]);
    const stored = cipher.encrypt('secret', 'webhook_endpoints.secret');
    expect(() => cipher.decrypt(stored, 'organizations.provider_key')).toThrow();
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'BB' : 'AA');
    expect(() => cipher.decrypt(tampered, 'webhook_endpoints.secret')).toThrow();
    expect(() => new DataCipher([k2]).decrypt(stored, 'webhook_endpoints.secret')).toThrow(/"k1"/);
  });

  it('reads a value written before encryption as it is', () => {
    expect(new DataCipher([k1]).decrypt('whsec_plain', 'p')).toBe('whsec_plain');
  });
});
