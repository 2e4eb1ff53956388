import { BullModule } from '@nestjs/bullmq';
import { Global, Module, type OnModuleInit, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/config';
import { IntegrationEvents } from '#libs/ddd';
import { AccountsModule, ResourceOwners } from '../accounts';
import { FanOutEventUseCase } from './application/events/fan-out-event.use-case';
import { ListMyNotificationsUseCase } from './application/in-app/list-my-notifications.use-case';
import { MarkNotificationReadUseCase } from './application/in-app/mark-notification-read.use-case';
import {
  NotificationRepository,
  OrganizationMembers,
  SmsAlertQueue,
  SmsAlertSender,
} from './application/in-app/notification-ports';
import { NotifyMembersUseCase } from './application/in-app/notify-members.use-case';
import { SendSmsAlertUseCase } from './application/in-app/send-sms-alert.use-case';
import { DeleteWebhookUseCase } from './application/webhooks/delete-webhook.use-case';
import { DeliverWebhookUseCase } from './application/webhooks/deliver-webhook.use-case';
import { ListWebhookDeliveriesUseCase } from './application/webhooks/list-webhook-deliveries.use-case';
import { ListWebhooksUseCase } from './application/webhooks/list-webhooks.use-case';
import { PublishWebhookEventUseCase } from './application/webhooks/publish-webhook-event.use-case';
import { RegisterWebhookUseCase } from './application/webhooks/register-webhook.use-case';
import { CheckTargetAddressUseCase } from './application/webhooks/check-target-address.use-case';
import { RelayWebhookOutboxUseCase } from './application/webhooks/relay-webhook-outbox.use-case';
import {
  HostResolver,
  WebhookDeliveryLog,
  WebhookEndpointRepository,
  WebhookOutbox,
  WebhookQueue,
  WebhookSecrets,
  WebhookSender,
} from './application/webhooks/webhook-ports';
import { FanOutIntegrationEvents } from './infrastructure/in-process/in-process-integration-events';
import { AccountsOrganizationMembers } from './infrastructure/in-process/in-process-organization-members';
import { BullMqSmsAlertQueue } from './infrastructure/bullmq/bullmq-sms-alert.queue';
import { NotificationEntity } from './infrastructure/typeorm/notification.entity';
import { SMS_ALERT_QUEUE } from './infrastructure/bullmq/sms-alert.queue';
import { TypeOrmNotificationRepository } from './infrastructure/typeorm/typeorm-notification.repository';
import { KavenegarSmsAlertSender } from './infrastructure/kavenegar/kavenegar-sms-alert.sender';
import { LogSmsAlertSender } from './infrastructure/log/log-sms-alert.sender';
import { BullMqWebhookQueue } from './infrastructure/bullmq/bullmq-webhook.queue';
import { DnsHostResolver } from './infrastructure/dns/dns-host-resolver';
import { HttpWebhookSender } from './infrastructure/http/http-webhook-sender';
import { RandomWebhookSecrets } from './infrastructure/crypto/crypto-webhook-secrets';
import { RedisEndpointSlots } from './infrastructure/redis/redis-endpoint-slots';
import { TypeOrmWebhookDeliveryLog } from './infrastructure/typeorm/typeorm-webhook-delivery-log';
import { TypeOrmWebhookEndpoints, WEBHOOK_OWNER } from './infrastructure/typeorm/typeorm-webhook-endpoints';
import { TypeOrmWebhookOutbox, WebhookOutboxSignal } from './infrastructure/typeorm/typeorm-webhook-outbox';
import { WebhookDeliveryEntity } from './infrastructure/typeorm/webhook-delivery.entity';
import { WebhookEndpointEntity } from './infrastructure/typeorm/webhook-endpoint.entity';
import { WebhookOutboxEntity } from './infrastructure/typeorm/webhook-outbox.entity';
import { WEBHOOK_DELIVERY_QUEUE } from './infrastructure/bullmq/webhook.queue';
import { NotificationsController } from './presentation/http/notifications.controller';
import { WebhooksController } from './presentation/http/webhooks.controller';

/** Webhook endpoints of organizations, their events' outbox, and their signed, retried deliveries. */
const webhooks: Provider[] = [
  { provide: WebhookEndpointRepository, useClass: TypeOrmWebhookEndpoints },
  { provide: WebhookDeliveryLog, useClass: TypeOrmWebhookDeliveryLog },
  { provide: WebhookOutbox, useClass: TypeOrmWebhookOutbox },
  WebhookOutboxSignal,
  { provide: WebhookQueue, useClass: BullMqWebhookQueue },
  { provide: WebhookSender, useClass: HttpWebhookSender },
  { provide: HostResolver, useClass: DnsHostResolver },
  { provide: WebhookSecrets, useClass: RandomWebhookSecrets },
  RedisEndpointSlots,
  RegisterWebhookUseCase,
  CheckTargetAddressUseCase,
  ListWebhooksUseCase,
  DeleteWebhookUseCase,
  ListWebhookDeliveriesUseCase,
  PublishWebhookEventUseCase,
  RelayWebhookOutboxUseCase,
  DeliverWebhookUseCase,
];

/** In-app notifications of the members an event concerns, and SMS alerts to ADMINs. */
const inApp: Provider[] = [
  { provide: NotificationRepository, useClass: TypeOrmNotificationRepository },
  { provide: OrganizationMembers, useClass: AccountsOrganizationMembers },
  { provide: SmsAlertQueue, useClass: BullMqSmsAlertQueue },
  {
    provide: SmsAlertSender,
    inject: [AppConfig],
    useFactory: (config: AppConfig) =>
      config.sms.driver === 'kavenegar' ? new KavenegarSmsAlertSender(config) : new LogSmsAlertSender(),
  },
  NotifyMembersUseCase,
  ListMyNotificationsUseCase,
  MarkNotificationReadUseCase,
  SendSmsAlertUseCase,
];

const queues = BullModule.registerQueue({ name: WEBHOOK_DELIVERY_QUEUE }, { name: SMS_ALERT_QUEUE });

/**
 * How Contexor tells people and systems that something happened. Global for one reason: every
 * context announces its events through IntegrationEvents (libs/ddd) without knowing who listens.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookEndpointEntity, WebhookDeliveryEntity, WebhookOutboxEntity, NotificationEntity]),
    queues,
    AccountsModule,
  ],
  controllers: [WebhooksController, NotificationsController],
  providers: [
    ...webhooks,
    ...inApp,
    FanOutEventUseCase,
    { provide: IntegrationEvents, useClass: FanOutIntegrationEvents },
  ],
  exports: [
    IntegrationEvents,
    // For the worker root's processors (see notificationsWorkers).
    DeliverWebhookUseCase,
    RelayWebhookOutboxUseCase,
    WebhookOutboxSignal,
    RedisEndpointSlots,
    SendSmsAlertUseCase,
    // The address guard, for other contexts' outgoing calls (an organization's own AI provider).
    CheckTargetAddressUseCase,
    queues,
  ],
})
export class NotificationsModule implements OnModuleInit {
  constructor(private readonly owners: ResourceOwners) {}

  onModuleInit(): void {
    this.owners.register('webhook', WEBHOOK_OWNER);
  }
}
