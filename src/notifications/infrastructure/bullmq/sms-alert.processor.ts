import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { KavenegarError } from '#libs/kavenegar';
import { Phone } from '#libs/ddd';
import type { SmsAlert } from '../../application/in-app/notification-ports';
import { SendSmsAlertUseCase } from '../../application/in-app/send-sms-alert.use-case';
import { SEND_SMS_ALERT_JOB, SMS_ALERT_QUEUE } from './sms-alert.queue';

@Processor(SMS_ALERT_QUEUE, { concurrency: 5 })
export class SmsAlertProcessor extends WorkerHost {
  private readonly logger = new Logger(SmsAlertProcessor.name);

  constructor(private readonly sendSmsAlert: SendSmsAlertUseCase) {
    super();
  }

  async process(job: Job<SmsAlert>): Promise<void> {
    if (job.name !== SEND_SMS_ALERT_JOB) throw new UnrecoverableError(`Unknown job ${job.name}`);
    try {
      await this.sendSmsAlert.execute(job.data);
    } catch (error) {
      const transient = error instanceof KavenegarError ? error.transient : true;
      this.logger.warn(
        {
          phone: Phone.parse(job.data.phone).masked,
          attempt: job.attemptsMade + 1,
          transient,
          reason: (error as Error).message,
        },
        'SMS alert not delivered',
      );
      if (!transient) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  }
}
