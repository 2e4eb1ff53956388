import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
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
  ) {}

  async execute(input: RefreshSessionInput): Promise<TokenPair & { user: User }> {
    let successorToken = '';
    const outcome = await this.refreshTokens.rotate(
      this.secrets.hash(input.refreshToken),
      (from) => {
        const next = this.sessions.successor(from);
        successorToken = next.token;
        return next.record;
      },
      this.clock.now(),
    );
    if (outcome.kind === 'invalid') throw new RefreshInvalidError();
    if (outcome.kind === 'reused') {
      await this.audit.record({
        action: 'auth.refresh_reused',
        actorId: outcome.userId,
        organizationId: null,
        targetType: 'token_family',
        targetId: outcome.familyId,
        requestId: input.requestId,
        ip: input.ip,
      });
      throw new RefreshReusedError();
    }
    const user = await this.users.findById(outcome.userId);
    if (!user) throw new RefreshInvalidError();
    return { ...(await this.sessions.pair(outcome.userId, successorToken)), user };
  }
}
