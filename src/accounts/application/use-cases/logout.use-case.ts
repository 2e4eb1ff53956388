import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork } from '#libs/ddd';
import { AuditLog } from '../ports/audit-log';
import { RefreshTokenRepository } from '../ports/refresh-token.repository';
import { RefreshTokenSecrets } from '../ports/token-service';

/**
 * Revokes the session the refresh token belongs to, with its audit entry in the same transaction.
 * Unknown tokens are ignored: logout always succeeds.
 */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly secrets: RefreshTokenSecrets,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  execute(input: { refreshToken: string; requestId?: string; ip?: string }): Promise<void> {
    return this.uow.run(async () => {
      const userId = await this.refreshTokens.revokeFamilyOf(this.secrets.hash(input.refreshToken), this.clock.now());
      if (userId) {
        await this.audit.record({
          action: 'auth.signed_out',
          actorId: userId,
          organizationId: null,
          requestId: input.requestId,
          ip: input.ip,
        });
      }
    });
  }
}
