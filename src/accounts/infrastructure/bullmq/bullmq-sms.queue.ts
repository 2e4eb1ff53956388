import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '#libs/config';
import { SmsQueue } from '../../application/ports/sms-queue';
import { deriveKey } from '../crypto/derived-keys';
import { SealedBox } from '../crypto/sealed-box';
import { ACCOUNTS_SMS_QUEUE, SEND_OTP_SMS_JOB, SMS_RETRY, type SendOtpSmsPayload } from './accounts.queue';

@Injectable()
export class BullMqSmsQueue extends SmsQueue {
  private readonly box: SealedBox;

  constructor(
    @InjectQueue(ACCOUNTS_SMS_QUEUE) private readonly queue: Queue<SendOtpSmsPayload>,
    config: AppConfig,
  ) {
    super();
    this.box = new SealedBox(deriveKey(config.jwt.secret, 'otp-seal'));
  }

  async enqueueOtp(phoneE164: string, code: string, expiresAt: number): Promise<void> {
    await this.queue.add(
      SEND_OTP_SMS_JOB,
      { phoneE164, sealedCode: this.box.seal(code), expiresAt },
      { ...SMS_RETRY, removeOnComplete: true, removeOnFail: { age: 86_400 } },
    );
  }
}
