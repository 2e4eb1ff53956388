import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { Registry, type Counter } from 'prom-client';
import { AppConfig } from '#libs/config';
import { Phone } from '#libs/ddd';
import { counterIn } from '#libs/metrics';
import { SmsDeliveryError } from '../../application/ports/sms-sender';
import { SendOtpSmsUseCase } from '../../application/use-cases/send-otp-sms.use-case';
import { deriveKey } from '../crypto/derived-keys';
import { SealedBox } from '../crypto/sealed-box';
import { ACCOUNTS_SMS_QUEUE, SEND_OTP_SMS_JOB, type SendOtpSmsPayload } from './accounts.queue';

/**
 * Sends queued sign-in codes. Counts each attempt: sent, or failed — `transient` (retried),
 * `permanent` (the provider refused: bad number, no credit, missing template) or `expired` (the code
 * ran out before it could be sent).
 */
@Processor(ACCOUNTS_SMS_QUEUE, { concurrency: 10 })
export class SmsProcessor extends WorkerHost {
  private readonly logger = new Logger(SmsProcessor.name);
  private readonly box: SealedBox;
  private readonly sent: Counter;
  private readonly failed: Counter<'reason'>;

  constructor(
    private readonly sendOtpSms: SendOtpSmsUseCase,
    config: AppConfig,
    registry: Registry,
  ) {
    super();
    this.box = new SealedBox(deriveKey(config.jwt.secret, 'otp-seal'));
    this.sent = counterIn(registry, {
      name: 'otp_sms_sent_total',
      help: 'Sign-in code SMS the provider accepted',
    });
    this.failed = counterIn(registry, {
      name: 'otp_sms_failed_total',
      help: 'Sign-in code SMS attempts that failed, by reason: transient (retried), permanent or expired',
      labelNames: ['reason'],
    });
    // From 0, so that a rule over increase() sees the first failure too.
    for (const reason of ['transient', 'permanent', 'expired']) this.failed.inc({ reason }, 0);
  }

  async process(job: Job<SendOtpSmsPayload>): Promise<string> {
    if (job.name !== SEND_OTP_SMS_JOB) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const { phoneE164, sealedCode, expiresAt } = job.data;
    try {
      const result = await this.sendOtpSms.execute({ phoneE164, code: this.box.open(sealedCode), expiresAt });
      if (result === 'sent') this.sent.inc();
      else this.failed.inc({ reason: 'expired' });
      return result;
    } catch (error) {
      const transient = error instanceof SmsDeliveryError ? error.transient : true;
      this.failed.inc({ reason: transient ? 'transient' : 'permanent' });
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
