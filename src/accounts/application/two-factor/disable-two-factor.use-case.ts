import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Actor } from '#libs/ddd';
import { TwoFactorRequiredByOrganizationError } from '../../domain/two-factor';
import { AuditLog } from '../ports/audit-log';
import { TwoFactorCodes } from './two-factor-codes';
import { TwoFactorRepository } from './two-factor-ports';

/** Removes the authenticator, on a current code; refused while an organization requires it of this admin. */
@Injectable()
export class DisableTwoFactorUseCase {
  constructor(
    private readonly enrolments: TwoFactorRepository,
    private readonly codes: TwoFactorCodes,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(actor: Actor, input: { code: string }): Promise<void> {
    const requiredBy = await this.enrolments.organizationsRequiringIt(actor.userId);
    if (requiredBy.length) throw new TwoFactorRequiredByOrganizationError(requiredBy);
    await this.uow.run(async () => {
      await this.codes.spend(actor.userId, input.code, 'confirmed');
      await this.enrolments.remove(actor.userId);
      await this.audit.record({
        action: 'two_factor.disabled',
        actorId: actor.userId,
        organizationId: null,
        targetType: 'user',
        targetId: actor.userId,
        requestId: actor.requestId,
        ip: actor.ip,
      });
    });
  }
}
