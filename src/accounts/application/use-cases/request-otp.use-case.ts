import { Injectable } from '@nestjs/common';
import { Clock, Phone } from '#libs/ddd';
import { OtpCooldownError, OtpDailyLimitError } from '../../domain/accounts.errors';
import { OTP_POLICY } from '../../domain/otp-policy';
import { OtpCrypto } from '../ports/otp-crypto';
import { OtpStore } from '../ports/otp-store';
import { SmsQueue } from '../ports/sms-queue';

export interface RequestOtpInput {
  phone: string;
}

export interface RequestOtpOutput {
  ttl: number;
  resendAfter: number;
}

/**
 * Sends a sign-in code. The answer is the same whether or not the phone has an account, so it
 * cannot be used to find out who uses Contexor.
 */
@Injectable()
export class RequestOtpUseCase {
  constructor(
    private readonly store: OtpStore,
    private readonly crypto: OtpCrypto,
    private readonly sms: SmsQueue,
    private readonly clock: Clock,
  ) {}

  async execute(input: RequestOtpInput): Promise<RequestOtpOutput> {
    const phone = Phone.parse(input.phone);
    const cooldown = await this.store.startCooldown(phone.e164, OTP_POLICY.resendAfterSeconds);
    if (!cooldown.started) throw new OtpCooldownError(Math.ceil(cooldown.retryAfterMs / 1000));
    const daily = await this.store.countDailySend(phone.e164);
    if (daily.count > OTP_POLICY.perPhonePerDay) throw new OtpDailyLimitError(Math.ceil(daily.resetInMs / 1000));

    const code = this.crypto.generateCode(OTP_POLICY.codeLength);
    const expiresAt = this.clock.now().getTime() + OTP_POLICY.ttlSeconds * 1000;
    await this.store.save(phone.e164, this.crypto.hash(phone.e164, code), expiresAt);
    await this.sms.enqueueOtp(phone.e164, code, expiresAt);
    return { ttl: OTP_POLICY.ttlSeconds, resendAfter: OTP_POLICY.resendAfterSeconds };
  }
}
