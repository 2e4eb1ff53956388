/** Hands a sign-in code to the background SMS sender. */
export abstract class SmsQueue {
  abstract enqueueOtp(phoneE164: string, code: string, expiresAt: number): Promise<void>;
}
