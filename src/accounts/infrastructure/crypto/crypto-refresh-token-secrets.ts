import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RefreshTokenSecrets } from '../../application/ports/token-service';

@Injectable()
export class RandomRefreshTokenSecrets extends RefreshTokenSecrets {
  generate(): string {
    return randomBytes(32).toString('base64url');
  }

  // A plain SHA-256 suffices: the token is 256 random bits, so there is nothing to brute-force.
  hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
