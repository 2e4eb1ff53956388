/** The sign-in code rules, in one place. */
export const OTP_POLICY = {
  codeLength: 6,
  ttlSeconds: 120,
  resendAfterSeconds: 60,
  maxAttempts: 5,
  /** Codes one phone may receive per rolling day; guards against SMS pumping. */
  perPhonePerDay: 10,
  /** Code requests one IP address may make per hour, across all phones. */
  perIpPerHour: 30,
} as const;
