export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

export type RotationOutcome =
  | { kind: 'rotated'; userId: string }
  | { kind: 'invalid' }
  /** The token had been used before: its whole family has now been revoked. */
  | { kind: 'reused'; userId: string; familyId: string };

export abstract class RefreshTokenRepository {
  abstract issue(token: NewRefreshToken): Promise<void>;
  /**
   * In one transaction with the presented token's row locked: checks it, marks it used and stores
   * its successor in the same family; or, when it had been used already, revokes the family.
   */
  abstract rotate(
    presentedHash: string,
    successor: (userId: string, familyId: string) => NewRefreshToken,
    now: Date,
  ): Promise<RotationOutcome>;
  /** Revokes the family of the presented token. Returns the user it belonged to, if any. */
  abstract revokeFamilyOf(presentedHash: string, now: Date): Promise<string | undefined>;
  /** Deletes tokens that expired before `before`; returns how many. */
  abstract deleteExpired(before: Date): Promise<number>;
}
