import { DomainError } from './domain-error';
import { toLatinDigits } from './digits';

export class PhoneInvalidError extends DomainError {
  constructor() {
    super('PHONE_INVALID', 'invalid', 'Enter an Iranian mobile number, for example 0912 345 6789');
  }
}

// Spaces, dashes, dots, brackets and the invisible direction/joiner marks that RTL editors insert.
const SEPARATORS = /[\s\-.()\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g;
const NATIONAL_MOBILE = /^9\d{9}$/;

/** An Iranian mobile number, always held in E.164 form (`+989121234567`). */
export class Phone {
  private constructor(readonly e164: string) {}

  static parse(input: string): Phone {
    if (typeof input !== 'string' || input.length > 40) throw new PhoneInvalidError();
    const compact = toLatinDigits(input).replace(SEPARATORS, '');
    const national = Phone.nationalPart(compact);
    if (national === undefined || !NATIONAL_MOBILE.test(national)) throw new PhoneInvalidError();
    return new Phone(`+98${national}`);
  }

  static isValid(input: string): boolean {
    try {
      Phone.parse(input);
      return true;
    } catch {
      return false;
    }
  }

  private static nationalPart(compact: string): string | undefined {
    if (compact.startsWith('+98')) return compact.slice(3);
    if (compact.startsWith('0098')) return compact.slice(4);
    if (compact.startsWith('98') && compact.length === 12) return compact.slice(2);
    if (compact.startsWith('0')) return compact.slice(1);
    if (/^\d+$/.test(compact)) return compact;
    return undefined;
  }

  /** The local form Iranian SMS gateways expect (`09121234567`). */
  get national(): string {
    return `0${this.e164.slice(3)}`;
  }

  /** Safe for logs: keeps the operator prefix and the last two digits only. */
  get masked(): string {
    return `${this.e164.slice(0, 6)}*****${this.e164.slice(-2)}`;
  }

  equals(other: Phone): boolean {
    return other.e164 === this.e164;
  }

  toString(): string {
    return this.e164;
  }
}
