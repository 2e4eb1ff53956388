import { createHmac } from 'node:crypto';
import { OtpauthTotpAuthenticator } from './otpauth-totp.authenticator';

// RFC 6238 appendix B's SHA-1 key, "12345678901234567890", in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** An independent RFC 4226 computation, to check the library against rather than against itself. */
function codeAt(secretAscii: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', secretAscii).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

describe('OtpauthTotpAuthenticator', () => {
  const totp = new OtpauthTotpAuthenticator();

  it("accepts RFC 6238's test vector at 59 s (step 1) and names its step", () => {
    expect(totp.stepOf(RFC_SECRET, '287082', new Date(59_000))).toBe(1);
  });

  it('matches the code of the step before and after now, and no further', () => {
    const now = new Date(1_800_000_000_000);
    const step = Math.floor(now.getTime() / 30_000);
    const secretAscii = '12345678901234567890';
    expect(totp.stepOf(RFC_SECRET, codeAt(secretAscii, step - 1), now)).toBe(step - 1);
    expect(totp.stepOf(RFC_SECRET, codeAt(secretAscii, step + 1), now)).toBe(step + 1);
    expect(totp.stepOf(RFC_SECRET, codeAt(secretAscii, step - 2), now)).toBeNull();
  });

  it('refuses anything but six digits', () => {
    expect(totp.stepOf(RFC_SECRET, '28708', new Date(59_000))).toBeNull();
    expect(totp.stepOf(RFC_SECRET, '2870820', new Date(59_000))).toBeNull();
    expect(totp.stepOf(RFC_SECRET, 'abcdef', new Date(59_000))).toBeNull();
  });

  it('makes a new 160-bit base32 secret each time, and a URI authenticator apps import', () => {
    const secret = totp.newSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totp.newSecret()).not.toBe(secret);
    const uri = new URL(totp.keyUri(secret, '+989121234567'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Contexor');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });
});
