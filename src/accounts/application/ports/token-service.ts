export interface AccessTokenClaims {
  userId: string;
  /** When the token stops being accepted (its `exp`). */
  expiresAt?: Date;
  /** When the holder proved a second factor for this token (POST /auth/step-up), if they did. */
  steppedUpAt?: Date;
}

export abstract class AccessTokens {
  abstract sign(userId: string, options?: { steppedUpAt?: Date }): Promise<{ token: string; expiresIn: number }>;
  /** Throws UnauthenticatedError for anything but a valid, unexpired token signed by a known key. */
  abstract verify(token: string): Promise<AccessTokenClaims>;
}

/** Opaque refresh tokens: random values handed to the client, of which only a hash is stored. */
export abstract class RefreshTokenSecrets {
  abstract generate(): string;
  abstract hash(token: string): string;
}
