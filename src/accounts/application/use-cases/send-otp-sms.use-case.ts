import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import { SmsSender } from '../ports/sms-sender';

export type SendOtpSmsResult = 'sent' | 'expired';

/** Delivers a queued code. A retry sends the same code; once the code has expired there is no point. */
@Injectable()
export class SendOtpSmsUseCase {
  constructor(
    private readonly sender: SmsSender,
    private readonly clock: Clock,
  ) {}

  async execute(input: { phoneE164: string; code: string; expiresAt: number }): Promise<SendOtpSmsResult> {
    if (input.expiresAt <= this.clock.now().getTime()) return 'expired';
    await this.sender.sendOtp(input.phoneE164, input.code);
    return 'sent';
  }
}
