/** Failure of an SMS provider; `transient` ones are worth retrying. */
export class SmsDeliveryError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly providerStatus?: number,
  ) {
    super(message);
    this.name = 'SmsDeliveryError';
  }
}

export abstract class SmsSender {
  abstract sendOtp(phoneE164: string, code: string): Promise<void>;
}
