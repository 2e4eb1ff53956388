import { DomainError } from './domain-error';

export class EmailInvalidError extends DomainError {
  constructor() {
    super('EMAIL_INVALID', 'invalid', 'Enter a valid email address');
  }
}

const SHAPE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@.]{2,}$/;

export class Email {
  private constructor(readonly value: string) {}

  static parse(input: string): Email {
    const trimmed = input.trim();
    if (trimmed.length > 254 || !SHAPE.test(trimmed)) throw new EmailInvalidError();
    const at = trimmed.lastIndexOf('@');
    return new Email(`${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`);
  }

  toString(): string {
    return this.value;
  }
}
