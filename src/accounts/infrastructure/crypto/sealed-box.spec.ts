import { randomBytes } from 'node:crypto';
import { SealedBox } from './sealed-box';

describe('SealedBox', () => {
  const box = new SealedBox(randomBytes(32));

  it('opens what it sealed', () => {
    expect(box.open(box.seal('123456'))).toBe('123456');
  });

  it('does not show the plaintext and differs on every seal', () => {
    const a = box.seal('123456');
    expect(a).not.toContain('123456');
    expect(box.seal('123456')).not.toBe(a);
  });

  it('refuses a tampered box', () => {
    const sealed = Buffer.from(box.seal('123456'), 'base64url');
    sealed[sealed.length - 1] ^= 1;
    expect(() => box.open(sealed.toString('base64url'))).toThrow();
  });

  it('refuses a box sealed with another key', () => {
    expect(() => new SealedBox(randomBytes(32)).open(box.seal('123456'))).toThrow();
  });
});
