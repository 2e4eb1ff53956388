import { Injectable, Logger } from '@nestjs/common';
import { Phone } from '#libs/ddd';
import { SmsAlertSender } from '../../application/in-app/notification-ports';

/** Development only (SMS_DRIVER=log, refused in production): the alert goes to the log. */
@Injectable()
export class LogSmsAlertSender extends SmsAlertSender {
  private readonly logger = new Logger('SmsLogDriver');

  send(phoneE164: string, text: string): Promise<void> {
    this.logger.warn(`SMS alert for ${Phone.parse(phoneE164).masked}: ${text} (SMS_DRIVER=log; no SMS was sent)`);
    return Promise.resolve();
  }
}
