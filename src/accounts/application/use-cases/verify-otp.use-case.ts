import { Injectable } from '@nestjs/common';
import { Clock, Phone, UnitOfWork } from '#libs/ddd';
import { OtpAttemptsExceededError, OtpExpiredError, OtpInvalidError } from '../../domain/accounts.errors';
import { OTP_POLICY } from '../../domain/otp-policy';
import type { User } from '../../domain/user';
import { AuditLog } from '../ports/audit-log';
import { OtpCrypto } from '../ports/otp-crypto';
import { OtpStore } from '../ports/otp-store';
import { UserRepository } from '../ports/user.repository';
import { SessionIssuer, type TokenPair } from '../services/session-issuer';

export interface VerifyOtpInput {
  phone: string;
  code: string;
  requestId?: string;
  ip?: string;
}

export interface VerifyOtpOutput extends TokenPair {
  user: User;
}

@Injectable()
export class VerifyOtpUseCase {
  constructor(
    private readonly store: OtpStore,
    private readonly crypto: OtpCrypto,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: VerifyOtpInput): Promise<VerifyOtpOutput> {
    const phone = Phone.parse(input.phone);
    const attempt = await this.store.attempt(
      phone.e164,
      this.crypto.hash(phone.e164, input.code),
      this.clock.now().getTime(),
      OTP_POLICY.maxAttempts,
    );
    if (attempt === 'expired') throw new OtpExpiredError();
    if (attempt === 'exhausted') throw new OtpAttemptsExceededError();
    if (attempt !== 'matched') throw new OtpInvalidError();

    // The account, the session's first refresh token and the audit entry commit together or not at all.
    return this.uow.run(async () => {
      const { user, created } = await this.users.findOrCreateByPhone(phone);
      const tokens = await this.sessions.startFamily(user.id);
      await this.audit.record({
        action: 'auth.signed_in',
        actorId: user.id,
        organizationId: null,
        targetType: 'user',
        targetId: user.id,
        metadata: { newUser: created },
        requestId: input.requestId,
        ip: input.ip,
      });
      return { ...tokens, user };
    });
  }
}
