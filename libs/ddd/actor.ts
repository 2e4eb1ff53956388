/** Who is doing something, and from where: passed to every use case for authorization and audit. */
export interface Actor {
  userId: string;
  requestId?: string;
  ip?: string;
  /** When the caller's access token expires: long-lived responses (event streams) end then. */
  sessionExpiresAt?: Date;
  /** When the caller last proved a second factor (its access token's step-up), if it did. */
  steppedUpAt?: Date;
}
