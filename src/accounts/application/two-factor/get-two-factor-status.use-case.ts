import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/ddd';
import { TwoFactorRepository } from './two-factor-ports';

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  /** An enrolment was started and waits for its first code. */
  pending: boolean;
  /** Organizations where the user is an ADMIN that require a second factor. */
  requiredBy: string[];
}

@Injectable()
export class GetTwoFactorStatusUseCase {
  constructor(private readonly enrolments: TwoFactorRepository) {}

  async execute(actor: Actor): Promise<TwoFactorStatus> {
    const [enrolment, requiredBy] = await Promise.all([
      this.enrolments.findForUser(actor.userId),
      this.enrolments.organizationsRequiringIt(actor.userId),
    ]);
    return {
      enabled: Boolean(enrolment?.confirmedAt),
      enabledAt: enrolment?.confirmedAt ?? null,
      pending: Boolean(enrolment && !enrolment.confirmedAt),
      requiredBy,
    };
  }
}
