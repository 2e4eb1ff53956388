import { Injectable } from '@nestjs/common';
import { SmsAlertSender, type SmsAlert } from './notification-ports';

/** The worker's half of an SMS alert. */
@Injectable()
export class SendSmsAlertUseCase {
  constructor(private readonly sender: SmsAlertSender) {}

  execute(alert: SmsAlert): Promise<void> {
    return this.sender.send(alert.phone, alert.text);
  }
}
