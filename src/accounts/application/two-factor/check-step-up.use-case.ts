import { Injectable } from '@nestjs/common';
import { Clock, type Actor } from '#libs/ddd';
import { assertSteppedUp } from '../../domain/two-factor';
import { TwoFactorRepository } from './two-factor-ports';

/** Before a sensitive action in an organization: throws unless the caller has stepped up recently enough. */
@Injectable()
export class CheckStepUpUseCase {
  constructor(
    private readonly enrolments: TwoFactorRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, organizationId: string): Promise<void> {
    const context = await this.enrolments.stepUpContext(actor.userId, organizationId);
    assertSteppedUp({ ...context, steppedUpAt: actor.steppedUpAt }, this.clock.now());
  }
}
