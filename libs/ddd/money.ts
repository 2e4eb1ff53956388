import { DomainError } from './domain-error';

const MICROS_PER_UNIT = 1_000_000n;
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,6}))?$/;

export class MoneyInvalidError extends DomainError {
  constructor(value: string) {
    super('MONEY_INVALID', 'invalid', `"${value}" is not an amount with at most 6 decimals`);
  }
}

/**
 * An amount of US dollars in integer micro-units (1 USD = 1 000 000 micros), so that sums of
 * many small costs never drift the way floating point does.
 */
export class Money {
  private constructor(readonly micros: bigint) {}

  static readonly zero = new Money(0n);

  static fromMicros(micros: bigint | number | string): Money {
    const value = BigInt(micros);
    return new Money(value);
  }

  /** Parses the contract's decimal string form (`"12.5"`, `"0.000420"`). */
  static parse(decimal: string): Money {
    const match = DECIMAL.exec(decimal);
    if (!match) throw new MoneyInvalidError(decimal);
    const whole = BigInt(match[1] ?? '0');
    const fraction = BigInt((match[2] ?? '').padEnd(6, '0'));
    return new Money(whole * MICROS_PER_UNIT + fraction);
  }

  add(other: Money): Money {
    return new Money(this.micros + other.micros);
  }

  subtract(other: Money): Money {
    return new Money(this.micros - other.micros);
  }

  isGreaterThan(other: Money): boolean {
    return this.micros > other.micros;
  }

  /** Always six fractional digits: `"0.000420"`, `"-1.500000"`. */
  toDecimalString(): string {
    const negative = this.micros < 0n;
    const abs = negative ? -this.micros : this.micros;
    const whole = abs / MICROS_PER_UNIT;
    const fraction = (abs % MICROS_PER_UNIT).toString().padStart(6, '0');
    return `${negative ? '-' : ''}${whole}.${fraction}`;
  }

  equals(other: Money): boolean {
    return other.micros === this.micros;
  }

  toJSON(): string {
    return this.toDecimalString();
  }
}
