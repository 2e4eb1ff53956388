/** The notifications context's public surface: other contexts import only from here (and need not). */
export { NotificationsModule } from './notifications.module';
export { notificationsWorkers } from './notifications.workers';
export { WEBHOOK_EVENTS, type WebhookEventType } from './domain/webhooks/webhook-events';
export { NOTIFICATIONS_ENCRYPTED_COLUMNS } from './infrastructure/typeorm/encrypted-columns';
export { CheckTargetAddressUseCase, type TargetVerdict } from './application/webhooks/check-target-address.use-case';
