export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  /** When this token lapses unused (the idle lifetime), never after `familyExpiresAt`. */
  expiresAt: Date;
  /** When the whole family (the sign-in) ends, whatever its refreshes. */
  familyExpiresAt: Date;
}

/** The token a successor follows: what it inherits. */
export interface RotatedFrom {
  userId: string;
  familyId: string;
  familyExpiresAt: Date;
}

export type RotationOutcome =
  | { kind: 'rotated'; userId: string }
  | { kind: 'invalid' }
  /** The token had been used before: its whole family has now been revoked. */
  | { kind: 'reused'; userId: string; familyId: string };

export abstract class RefreshTokenRepository {
  abstract issue(token: NewRefreshToken): Promise<void>;
  /**
   * One at a time per family (a rotation, a reuse and a logout of one family never interleave):
   * checks the presented token, marks it used and stores its successor; or, when it had been used
   * already, revokes the family, the successor a concurrent rotation just stored included. A token
   * past its own or its family's end is invalid.
   */
  abstract rotate(
    presentedHash: string,
    successor: (from: RotatedFrom) => NewRefreshToken,
    now: Date,
  ): Promise<RotationOutcome>;
  /** Revokes the family of the presented token, one at a time per family like `rotate`. Returns its user, if any. */
  abstract revokeFamilyOf(presentedHash: string, now: Date): Promise<string | undefined>;
  /** Deletes tokens that expired before `before`; returns how many. */
  abstract deleteExpired(before: Date): Promise<number>;
}
