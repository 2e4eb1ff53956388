import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/ddd';
import { TwoFactorAlreadyEnabledError } from '../../domain/two-factor';
import { UserRepository } from '../ports/user.repository';
import { TotpAuthenticator, TwoFactorRepository } from './two-factor-ports';

export interface TwoFactorEnrolmentStarted {
  secret: string;
  otpauthUri: string;
}

/** A new secret for the user's authenticator app; it takes effect once a first code confirms it. */
@Injectable()
export class StartTwoFactorEnrolmentUseCase {
  constructor(
    private readonly enrolments: TwoFactorRepository,
    private readonly totp: TotpAuthenticator,
    private readonly users: UserRepository,
  ) {}

  async execute(actor: Actor): Promise<TwoFactorEnrolmentStarted> {
    const user = await this.users.findById(actor.userId);
    const secret = this.totp.newSecret();
    if (!(await this.enrolments.savePending(actor.userId, secret))) throw new TwoFactorAlreadyEnabledError();
    return { secret, otpauthUri: this.totp.keyUri(secret, user?.phone.e164 ?? actor.userId) };
  }
}
