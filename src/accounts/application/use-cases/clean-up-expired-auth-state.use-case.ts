import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import { RefreshTokenRepository } from '../ports/refresh-token.repository';

// Kept a week past expiry so that a late reuse of an old token is still recognised as reuse.
const RETENTION_MS = 7 * 86_400_000;

/** Removes refresh tokens long past expiry. Codes and cooldowns expire in Redis by themselves. */
@Injectable()
export class CleanUpExpiredAuthStateUseCase {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly clock: Clock,
  ) {}

  execute(): Promise<number> {
    return this.refreshTokens.deleteExpired(new Date(this.clock.now().getTime() - RETENTION_MS));
  }
}
