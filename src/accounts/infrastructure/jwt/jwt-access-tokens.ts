import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '#libs/config';
import { AccessTokens, type AccessTokenClaims } from '../../application/ports/token-service';
import { UnauthenticatedError } from '../../domain/accounts.errors';
import { VerifiedTokenCache } from './verified-token-cache';

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
const ALGORITHM = 'HS256';
const ISSUER = 'contexor';
const AUDIENCE = 'contexor-api';

/**
 * HS256 access tokens with a `kid` header. The algorithm is pinned (an `alg: none` or RS256 token
 * is refused) and the key is picked by `kid` among the current and previous keys, so keys rotate
 * without signing everybody out.
 */
@Injectable()
export class JwtAccessTokens extends AccessTokens {
  /**
   * Verification keys by `kid`, as KeyObjects made once: given a string, jsonwebtoken first tries to
   * parse it as a public key (and throws) on every verify before it makes a secret key of it.
   */
  private readonly keys: Map<string, KeyObject>;
  private readonly verified = new VerifiedTokenCache();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    super();
    const secrets: [string, string][] = [
      ...Object.entries(config.jwt.previousKeys),
      [config.jwt.keyId, config.jwt.secret],
    ];
    this.keys = new Map(secrets.map(([kid, secret]) => [kid, createSecretKey(Buffer.from(secret, 'utf8'))]));
  }

  async sign(userId: string, options: { steppedUpAt?: Date } = {}): Promise<{ token: string; expiresIn: number }> {
    const stepUp = options.steppedUpAt && { sua: Math.floor(options.steppedUpAt.getTime() / 1000) };
    const token = await this.jwt.signAsync(
      { typ: 'access', ...stepUp },
      {
        secret: this.config.jwt.secret,
        algorithm: ALGORITHM,
        keyid: this.config.jwt.keyId,
        // A unique id, so that two tokens issued within the same second (sign-in, then refresh) still differ.
        jwtid: randomUUID(),
        subject: userId,
        issuer: ISSUER,
        audience: AUDIENCE,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      },
    );
    return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const known = this.verified.get(token);
    if (known) return known;
    const claims = await this.verifySignatureAndClaims(token);
    this.verified.set(token, claims);
    return claims;
  }

  private async verifySignatureAndClaims(token: string): Promise<AccessTokenClaims> {
    const decoded = this.jwt.decode<{ header?: { alg?: string; kid?: string } } | null>(token, { complete: true });
    const kid = decoded?.header?.kid;
    const secret = kid ? this.keys.get(kid) : undefined;
    if (!secret || decoded?.header?.alg !== ALGORITHM) throw new UnauthenticatedError('The access token is not valid');
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: string; typ?: string; exp?: number; sua?: unknown }>(token, {
        // jsonwebtoken takes a KeyObject; @nestjs/jwt's option type only names strings and Buffers.
        secret: secret as unknown as Buffer,
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (payload.typ !== 'access' || !payload.sub) throw new Error('not an access token');
      return {
        userId: payload.sub,
        ...(payload.exp !== undefined && { expiresAt: new Date(payload.exp * 1000) }),
        ...(typeof payload.sua === 'number' && { steppedUpAt: new Date(payload.sua * 1000) }),
      };
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw new UnauthenticatedError(
        expired ? 'The access token has expired; refresh it' : 'The access token is not valid',
      );
    }
  }
}
