/** Making and hashing codes: kept behind a port so the rules can be tested with a known code. */
export abstract class OtpCrypto {
  abstract generateCode(length: number): string;
  /**
   * A keyed hash: a leaked Redis dump does not reveal codes. The code as typed: Persian or
   * Arabic-Indic digits and surrounding spaces hash like the Latin code they stand for.
   */
  abstract hash(phoneE164: string, code: string): string;
}
