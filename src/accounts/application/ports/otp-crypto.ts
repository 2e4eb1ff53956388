/** Making, hashing and comparing codes: kept behind a port so the rules can be tested with a known code. */
export abstract class OtpCrypto {
  abstract generateCode(length: number): string;
  /** A keyed hash: a leaked Redis dump does not reveal codes. */
  abstract hash(phoneE164: string, code: string): string;
  /** Constant-time comparison. */
  abstract matches(expectedHash: string, phoneE164: string, code: string): boolean;
}
