import { hkdfSync } from 'node:crypto';

/** Separate keys for separate purposes, all derived from the one configured secret. */
export function deriveKey(secret: string, purpose: 'otp-hash' | 'otp-seal'): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'contexor', purpose, 32));
}
