import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import { AccessTokens, RefreshTokenSecrets } from '../ports/token-service';
import { RefreshTokenRepository, type NewRefreshToken } from '../ports/refresh-token.repository';

export const REFRESH_TOKEN_TTL_DAYS = 30;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Makes access/refresh token pairs; shared by sign-in and refresh. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly secrets: RefreshTokenSecrets,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly clock: Clock,
  ) {}

  async startFamily(userId: string): Promise<TokenPair> {
    const refreshToken = this.secrets.generate();
    await this.refreshTokens.issue(this.newRecord(userId, randomUUID(), refreshToken));
    return this.pair(userId, refreshToken);
  }

  /** A successor for rotation: the caller stores the record, then hands out `pair(...)`. */
  successor(userId: string, familyId: string): { token: string; record: NewRefreshToken } {
    const token = this.secrets.generate();
    return { token, record: this.newRecord(userId, familyId, token) };
  }

  async pair(userId: string, refreshToken: string): Promise<TokenPair> {
    const access = await this.accessTokens.sign(userId);
    return { accessToken: access.token, refreshToken, tokenType: 'Bearer', expiresIn: access.expiresIn };
  }

  private newRecord(userId: string, familyId: string, token: string): NewRefreshToken {
    const expiresAt = new Date(this.clock.now().getTime() + REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    return { userId, familyId, tokenHash: this.secrets.hash(token), expiresAt };
  }
}
