import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { AppConfig } from '#libs/config';
import { Phone } from '#libs/ddd';
import { SmsDeliveryError } from '../../application/ports/sms-sender';
import { SendOtpSmsUseCase } from '../../application/use-cases/send-otp-sms.use-case';
import { deriveKey } from '../security/derived-keys';
import { SealedBox } from '../security/sealed-box';
import { ACCOUNTS_SMS_QUEUE, SEND_OTP_SMS_JOB, type SendOtpSmsPayload } from './accounts.queue';

@Processor(ACCOUNTS_SMS_QUEUE, { concurrency: 10 })
export class SmsProcessor extends WorkerHost {
  private readonly logger = new Logger(SmsProcessor.name);
  private readonly box: SealedBox;

  constructor(
    private readonly sendOtpSms: SendOtpSmsUseCase,
    config: AppConfig,
  ) {
    super();
    this.box = new SealedBox(deriveKey(config.jwt.secret, 'otp-seal'));
  }

  async process(job: Job<SendOtpSmsPayload>): Promise<string> {
    if (job.name !== SEND_OTP_SMS_JOB) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const { phoneE164, sealedCode, expiresAt } = job.data;
    try {
      return await this.sendOtpSms.execute({ phoneE164, code: this.box.open(sealedCode), expiresAt });
    } catch (error) {
      const transient = error instanceof SmsDeliveryError ? error.transient : true;
      this.logger.warn(
        {
          phone: Phone.parse(phoneE164).masked,
          attempt: job.attemptsMade + 1,
          transient,
          reason: (error as Error).message,
        },
        'Sign-in SMS not delivered',
      );
      if (!transient) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  }
}
