import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import { AppConfig } from '#libs/config';
import { MembershipRepository } from '../ports/membership.repository';
import { AccessTokens, RefreshTokenSecrets } from '../ports/token-service';
import { RefreshTokenRepository, type NewRefreshToken, type RotatedFrom } from '../ports/refresh-token.repository';

const DAY_MS = 86_400_000;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/**
 * Makes access/refresh token pairs; shared by sign-in and refresh. A sign-in starts a family that
 * ends AUTH_SESSION_MAX_DAYS later whatever happens; each token of it lapses after
 * AUTH_SESSION_IDLE_DAYS unused, never later than the family.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly secrets: RefreshTokenSecrets,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly memberships: MembershipRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async startFamily(userId: string): Promise<TokenPair> {
    const refreshToken = this.secrets.generate();
    const familyExpiresAt = new Date(this.clock.now().getTime() + this.config.sessions.maxDays * DAY_MS);
    await this.refreshTokens.issue(this.newRecord({ userId, familyId: randomUUID(), familyExpiresAt }, refreshToken));
    return this.pair(userId, refreshToken);
  }

  /** A successor for rotation: the caller stores the record, then hands out `pair(...)`. */
  successor(from: RotatedFrom): { token: string; record: NewRefreshToken } {
    const token = this.secrets.generate();
    return { token, record: this.newRecord(from, token) };
  }

  async pair(userId: string, refreshToken: string): Promise<TokenPair> {
    // Signing in (or staying signed in) is what accepts the organizations' invitations.
    const [access] = await Promise.all([this.accessTokens.sign(userId), this.memberships.acceptInvitations(userId)]);
    return { accessToken: access.token, refreshToken, tokenType: 'Bearer', expiresIn: access.expiresIn };
  }

  private newRecord({ userId, familyId, familyExpiresAt }: RotatedFrom, token: string): NewRefreshToken {
    const idleEnd = this.clock.now().getTime() + this.config.sessions.idleDays * DAY_MS;
    const expiresAt = new Date(Math.min(idleEnd, familyExpiresAt.getTime()));
    return { userId, familyId, tokenHash: this.secrets.hash(token), expiresAt, familyExpiresAt };
  }
}
