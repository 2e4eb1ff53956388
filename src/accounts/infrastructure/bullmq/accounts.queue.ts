/** Queues of the accounts context: names, job names and payloads, declared once. */
export const ACCOUNTS_SMS_QUEUE = 'accounts-sms';
export const SEND_OTP_SMS_JOB = 'send-otp-sms';

export interface SendOtpSmsPayload {
  phoneE164: string;
  /** The code, sealed with AES-GCM: it must not sit readable in Redis. */
  sealedCode: string;
  expiresAt: number;
}

export const ACCOUNTS_MAINTENANCE_QUEUE = 'accounts-maintenance';
export const CLEAN_UP_EXPIRED_AUTH_JOB = 'clean-up-expired-auth-state';
export const CLEAN_UP_EVERY_MS = 60 * 60_000;

export const SMS_RETRY = { attempts: 6, backoff: { type: 'exponential', delay: 2000 } } as const;
