import { Injectable } from '@nestjs/common';
import { Clock, type Actor } from '#libs/ddd';
import { TWO_FACTOR_POLICY } from '../../domain/two-factor';
import { AccessTokens } from '../ports/token-service';
import { TwoFactorCodes } from './two-factor-codes';

export interface SteppedUpToken {
  accessToken: string;
  expiresIn: number;
  steppedUpAt: Date;
  /** Until when sensitive actions accept this token without another code. */
  stepUpExpiresAt: Date;
}

/**
 * Trades a fresh authenticator code for an access token that records the step-up: sensitive
 * actions accept it for TWO_FACTOR_POLICY.stepUpMaxAgeSeconds. The refresh token is unchanged,
 * and a refreshed access token carries no step-up.
 */
@Injectable()
export class StepUpUseCase {
  constructor(
    private readonly codes: TwoFactorCodes,
    private readonly tokens: AccessTokens,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { code: string }): Promise<SteppedUpToken> {
    await this.codes.spend(actor.userId, input.code, 'confirmed');
    // Whole seconds, as the token stores them, so the answer says exactly what the token holds.
    const steppedUpAt = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
    const { token, expiresIn } = await this.tokens.sign(actor.userId, { steppedUpAt });
    return {
      accessToken: token,
      expiresIn,
      steppedUpAt,
      stepUpExpiresAt: new Date(steppedUpAt.getTime() + TWO_FACTOR_POLICY.stepUpMaxAgeSeconds * 1000),
    };
  }
}
