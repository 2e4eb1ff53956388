import type { AccessTokenClaims } from '../../application/ports/token-service';

const DEFAULT_CAPACITY = 10_000;

/**
 * Access tokens already verified by this process, with their claims, until they expire: a caller
 * sends the same token with every request for up to an hour, and decoding plus HMAC-checking it each
 * time was a tenth of an authenticated read's CPU. Only tokens that verified are kept, keyed by the
 * whole token string, so a cached answer is exactly what verifying again would say, expiry aside,
 * which is checked on every read. Bounded: past `capacity`, the oldest entry goes.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, AccessTokenClaims & { expiresAt: Date }>();

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The claims of a token verified before and not yet expired; `undefined` otherwise. */
  get(token: string): AccessTokenClaims | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    if (this.now() >= claims.expiresAt.getTime()) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }

  /** Keeps a verified token's claims; one without an expiry is never kept. */
  set(token: string, claims: AccessTokenClaims): void {
    if (!claims.expiresAt) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { ...claims, expiresAt: claims.expiresAt });
  }

  get size(): number {
    return this.entries.size;
  }
}
