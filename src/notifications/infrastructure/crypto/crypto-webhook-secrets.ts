import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WebhookSecrets } from '../../application/webhooks/webhook-ports';

/** `whsec_` + 32 random bytes in base64, the Standard Webhooks form. */
@Injectable()
export class RandomWebhookSecrets extends WebhookSecrets {
  generate(): string {
    return `whsec_${randomBytes(32).toString('base64')}`;
  }
}
