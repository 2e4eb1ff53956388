import { Injectable, Logger } from '@nestjs/common';
import { Phone } from '#libs/ddd';
import { SmsSender } from '../../application/ports/sms-sender';

/**
 * Development only (config refuses it when NODE_ENV=production): prints the sign-in code to the
 * log instead of sending an SMS, so a newcomer can sign in without a Kavenegar account.
 */
@Injectable()
export class LogSmsSender extends SmsSender {
  private readonly logger = new Logger('SmsLogDriver');

  sendOtp(phoneE164: string, code: string): Promise<void> {
    this.logger.warn(`Sign-in code for ${Phone.parse(phoneE164).masked}: ${code} (SMS_DRIVER=log; no SMS was sent)`);
    return Promise.resolve();
  }
}
