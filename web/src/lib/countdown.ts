/** Where a sign-in code stands `elapsedSeconds` after it was sent. */
export function codeTimers(sentAt: number, now: number, ttlSeconds: number, resendAfterSeconds: number) {
  const elapsed = Math.max(0, Math.floor((now - sentAt) / 1000));
  return {
    expiresIn: Math.max(0, ttlSeconds - elapsed),
    resendIn: Math.max(0, resendAfterSeconds - elapsed),
    expired: elapsed >= ttlSeconds,
    canResend: elapsed >= resendAfterSeconds,
  };
}
