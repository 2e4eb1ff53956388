import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork } from '#libs/ddd';
import { RefreshInvalidError, RefreshReusedError } from '../../domain/accounts.errors';
import { AuditLog } from '../ports/audit-log';
import { RefreshTokenRepository } from '../ports/refresh-token.repository';
import { RefreshTokenSecrets } from '../ports/token-service';
import { UserRepository } from '../ports/user.repository';
import { SessionIssuer, type TokenPair } from '../services/session-issuer';
import type { User } from '../../domain/user';

export interface RefreshSessionInput {
  refreshToken: string;
  requestId?: string;
  ip?: string;
}

/** Rotates a refresh token. Presenting one that was already used revokes its whole family. */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly secrets: RefreshTokenSecrets,
    private readonly sessions: SessionIssuer,
    private readonly users: UserRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: RefreshSessionInput): Promise<TokenPair & { user: User }> {
    let successorToken = '';
    // A reused token's family is revoked together with its audit entry, and both commit before the refusal.
    const outcome = await this.uow.run(async () => {
      const rotation = await this.refreshTokens.rotate(
        this.secrets.hash(input.refreshToken),
        (from) => {
          const next = this.sessions.successor(from);
          successorToken = next.token;
          return next.record;
        },
        this.clock.now(),
      );
      if (rotation.kind === 'reused') {
        await this.audit.record({
          action: 'auth.refresh_reused',
          actorId: rotation.userId,
          organizationId: null,
          targetType: 'token_family',
          targetId: rotation.familyId,
          requestId: input.requestId,
          ip: input.ip,
        });
      }
      return rotation;
    });
    if (outcome.kind === 'invalid') throw new RefreshInvalidError();
    if (outcome.kind === 'reused') throw new RefreshReusedError();
    const user = await this.users.findById(outcome.userId);
    if (!user) throw new RefreshInvalidError();
    return { ...(await this.sessions.pair(outcome.userId, successorToken)), user };
  }
}
