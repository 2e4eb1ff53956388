import { Injectable } from '@nestjs/common';
import { Clock, toLatinDigits } from '#libs/ddd';
import { TwoFactorCodeInvalidError, TwoFactorNotEnabledError } from '../../domain/two-factor';
import { TotpAuthenticator, TwoFactorRepository } from './two-factor-ports';

/** Checks a user's authenticator code and spends it, so that it cannot be used a second time. */
@Injectable()
export class TwoFactorCodes {
  constructor(
    private readonly enrolments: TwoFactorRepository,
    private readonly totp: TotpAuthenticator,
    private readonly clock: Clock,
  ) {}

  /** `pending` accepts the code of an enrolment not yet confirmed (and confirms it). */
  async spend(userId: string, code: string, which: 'confirmed' | 'pending'): Promise<void> {
    const enrolment = await this.enrolments.findForUser(userId);
    const usable = which === 'confirmed' ? enrolment?.confirmedAt : enrolment && !enrolment.confirmedAt;
    if (!enrolment || !usable) throw new TwoFactorNotEnabledError();
    const now = this.clock.now();
    const step = this.totp.stepOf(enrolment.secret, toLatinDigits(code).replace(/\s/g, ''), now);
    if (step === null || !(await this.enrolments.useStep(userId, enrolment.version, step, now)))
      throw new TwoFactorCodeInvalidError();
  }
}
