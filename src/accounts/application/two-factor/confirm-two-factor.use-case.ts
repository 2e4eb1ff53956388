import { Injectable } from '@nestjs/common';
import { UnitOfWork, type Actor } from '#libs/ddd';
import { AuditLog } from '../ports/audit-log';
import { GetTwoFactorStatusUseCase, type TwoFactorStatus } from './get-two-factor-status.use-case';
import { TwoFactorCodes } from './two-factor-codes';

/** The first code from the app proves it holds the secret: from now on the user has a second factor. */
@Injectable()
export class ConfirmTwoFactorUseCase {
  constructor(
    private readonly codes: TwoFactorCodes,
    private readonly audit: AuditLog,
    private readonly status: GetTwoFactorStatusUseCase,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(actor: Actor, input: { code: string }): Promise<TwoFactorStatus> {
    await this.uow.run(async () => {
      await this.codes.spend(actor.userId, input.code, 'pending');
      await this.audit.record({
        action: 'two_factor.enabled',
        actorId: actor.userId,
        organizationId: null,
        targetType: 'user',
        targetId: actor.userId,
        requestId: actor.requestId,
        ip: actor.ip,
      });
    });
    return this.status.execute(actor);
  }
}
