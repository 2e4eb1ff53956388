import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { Phone } from '#libs/ddd';
import { SmsDeliveryError, SmsSender } from '../../application/ports/sms-sender';

const TIMEOUT_MS = 10_000;
const TRANSIENT = new Set([409, 429, 500, 502, 503, 504]);
const CONFIGURATION = new Set([401, 403, 418, 424, 426]);

interface KavenegarReply {
  return?: { status?: number; message?: string };
}

/**
 * Kavenegar's verify/lookup API. The API key sits in the URL path, so the URL is never logged;
 * configuration faults (bad key, no credit, missing template) are logged as alerts and not retried.
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
    const url = `${kavenegarBaseUrl.replace(/\/+$/, '')}/v1/${encodeURIComponent(kavenegarApiKey)}/verify/lookup.json`;
    const body = new URLSearchParams({ receptor: phone.national, template: otpTemplate, token: code });

    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS} ms` : 'network error';
      throw new SmsDeliveryError(`Kavenegar unreachable: ${reason}`, true);
    }

    const reply = (await response.json().catch(() => ({}))) as KavenegarReply;
    const status = reply.return?.status ?? response.status;
    if (response.ok && status === 200) {
      this.logger.log({ phone: phone.masked, provider: 'kavenegar' }, 'Sign-in code sent');
      return;
    }
    const message = `Kavenegar answered ${status}${reply.return?.message ? ` (${reply.return.message})` : ''}`;
    if (CONFIGURATION.has(status)) {
      this.logger.error(
        { alert: true, providerStatus: status, provider: 'kavenegar' },
        `SMS configuration problem: ${message}`,
      );
      throw new SmsDeliveryError(message, false, status);
    }
    throw new SmsDeliveryError(message, TRANSIENT.has(status) || status >= 500, status);
  }
}
