import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { Phone } from '#libs/ddd';
import { callKavenegar, KavenegarError } from '#libs/kavenegar';
import { SmsDeliveryError, SmsSender } from '../../application/ports/sms-sender';

/**
 * Kavenegar's verify/lookup API. Configuration faults (bad key, no credit, missing template) are
 * logged as alerts and not retried.
 */
@Injectable()
export class KavenegarSmsSender extends SmsSender {
  private readonly logger = new Logger(KavenegarSmsSender.name);

  constructor(private readonly config: AppConfig) {
    super();
  }

  async sendOtp(phoneE164: string, code: string): Promise<void> {
    const phone = Phone.parse(phoneE164);
    const { kavenegarApiKey, kavenegarBaseUrl, otpTemplate } = this.config.sms;
    try {
      await callKavenegar({ apiKey: kavenegarApiKey, baseUrl: kavenegarBaseUrl }, 'verify/lookup', {
        receptor: phone.national,
        template: otpTemplate,
        token: code,
      });
    } catch (error) {
      if (!(error instanceof KavenegarError)) throw error;
      if (error.configuration)
        this.logger.error(
          { alert: true, providerStatus: error.providerStatus, provider: 'kavenegar' },
          `SMS configuration problem: ${error.message}`,
        );
      throw new SmsDeliveryError(error.message, error.transient, error.providerStatus);
    }
    this.logger.log({ phone: phone.masked, provider: 'kavenegar' }, 'Sign-in code sent');
  }
}
