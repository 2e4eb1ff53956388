import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { Phone } from '#libs/ddd';
import { callKavenegar, KavenegarError } from '#libs/kavenegar';
import { SmsAlertSender } from '../../application/in-app/notification-ports';

/** Kavenegar's `sms/send`, from the account's default line unless KAVENEGAR_SENDER names one. */
@Injectable()
export class KavenegarSmsAlertSender extends SmsAlertSender {
  private readonly logger = new Logger(KavenegarSmsAlertSender.name);

  constructor(private readonly config: AppConfig) {
    super();
  }

  async send(phoneE164: string, text: string): Promise<void> {
    const phone = Phone.parse(phoneE164);
    const { kavenegarApiKey, kavenegarBaseUrl, sender } = this.config.sms;
    try {
      await callKavenegar({ apiKey: kavenegarApiKey, baseUrl: kavenegarBaseUrl }, 'sms/send', {
        receptor: phone.national,
        message: text,
        ...(sender && { sender }),
      });
    } catch (error) {
      if (error instanceof KavenegarError && error.configuration)
        this.logger.error(
          { alert: true, providerStatus: error.providerStatus, provider: 'kavenegar' },
          `SMS configuration problem: ${error.message}`,
        );
      throw error;
    }
    this.logger.log({ phone: phone.masked, provider: 'kavenegar' }, 'SMS alert sent');
  }
}
