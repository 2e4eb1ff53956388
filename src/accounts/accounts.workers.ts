import type { Provider } from '@nestjs/common';
import type { AppConfig } from '#libs/config';
import { MaintenanceProcessor } from './infrastructure/queue/maintenance.processor';
import { SmsProcessor } from './infrastructure/queue/sms.processor';
import { webhookDeliveryProcessorFor } from './infrastructure/webhooks/webhook-delivery.processor';
import { WebhookOutboxRelay } from './infrastructure/webhooks/webhook-outbox-relay';

/** The accounts context's queue processors and the webhook outbox relay, for the roots that run workers. */
export function accountsWorkers(config: AppConfig): Provider[] {
  return [SmsProcessor, MaintenanceProcessor, webhookDeliveryProcessorFor(config), WebhookOutboxRelay];
}
