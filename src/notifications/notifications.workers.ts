import type { Provider } from '@nestjs/common';
import type { AppConfig } from '#libs/config';
import { SmsAlertProcessor } from './infrastructure/bullmq/sms-alert.processor';
import { webhookDeliveryProcessorFor } from './infrastructure/bullmq/webhook-delivery.processor';
import { WebhookOutboxRelay } from './infrastructure/in-process/webhook-outbox-relay';

/** The notifications context's queue processors and outbox relay, for the roots that run workers. */
export function notificationsWorkers(config: AppConfig): Provider[] {
  return [webhookDeliveryProcessorFor(config), WebhookOutboxRelay, SmsAlertProcessor];
}
