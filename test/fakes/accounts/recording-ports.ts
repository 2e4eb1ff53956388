import { Clock, toLatinDigits, type Phone, type Page } from '#libs/ddd';
import { AuditLog, type AuditEntryInput, type AuditEntryView } from '../../../src/accounts/application/ports/audit-log';
import { OtpCrypto } from '../../../src/accounts/application/ports/otp-crypto';
import { SmsQueue } from '../../../src/accounts/application/ports/sms-queue';
import { UserRepository } from '../../../src/accounts/application/ports/user.repository';
import { User } from '../../../src/accounts/domain/user';

export class FixedClock extends Clock {
  constructor(public time = new Date('2026-11-24T10:00:00Z').getTime()) {
    super();
  }

  now(): Date {
    return new Date(this.time);
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

/** Hands out a known code so tests can type it; hashes are readable for the same reason. */
export class PredictableOtpCrypto extends OtpCrypto {
  constructor(public nextCode = '123456') {
    super();
  }

  generateCode(): string {
    return this.nextCode;
  }

  hash(phone: string, code: string): string {
    return `${phone}|${toLatinDigits(code).trim()}`;
  }
}

export class RecordingSmsQueue extends SmsQueue {
  readonly sent: { phoneE164: string; code: string; expiresAt: number }[] = [];

  enqueueOtp(phoneE164: string, code: string, expiresAt: number): Promise<void> {
    this.sent.push({ phoneE164, code, expiresAt });
    return Promise.resolve();
  }
}

export class InMemoryUserRepository extends UserRepository {
  readonly users = new Map<string, User>();
  private sequence = 0;

  findById(id: string): Promise<User | undefined> {
    return Promise.resolve(this.users.get(id));
  }

  findByPhone(phone: Phone): Promise<User | undefined> {
    return Promise.resolve([...this.users.values()].find((user) => user.phone.equals(phone)));
  }

  async findOrCreateByPhone(phone: Phone): Promise<{ user: User; created: boolean }> {
    const existing = await this.findByPhone(phone);
    if (existing) return { user: existing, created: false };
    this.sequence += 1;
    const user = User.create({
      id: `00000000-0000-4000-8000-${String(this.sequence).padStart(12, '0')}`,
      phone,
      now: new Date(),
    });
    this.users.set(user.id, user);
    return { user, created: true };
  }

  save(user: User): Promise<void> {
    this.users.set(user.id, user);
    return Promise.resolve();
  }
}

export class RecordingAuditLog extends AuditLog {
  readonly entries: AuditEntryInput[] = [];

  record(entry: AuditEntryInput): Promise<void> {
    this.entries.push(entry);
    return Promise.resolve();
  }

  listForOrganization(): Promise<Page<AuditEntryView>> {
    return Promise.resolve({ items: [], total: 0, page: 1, limit: 20 });
  }
}
