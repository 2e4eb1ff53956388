import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { Clock, UnitOfWork } from '#libs/ddd';
import { shouldDisable } from '../../domain/webhooks/webhook-endpoint';
import { signWebhook } from '../../domain/webhooks/webhook-signature';
import { AuditLog } from '../../../accounts';
import { WebhookDeliveryLog, WebhookEndpointRepository, WebhookSender, type WebhookDelivery } from './webhook-ports';

export type DeliveryOutcome = 'delivered' | 'failed' | 'disabled' | 'gone';

/**
 * One attempt to deliver one event to one endpoint: signs it (Standard Webhooks, with this
 * attempt's timestamp), POSTs it, logs the attempt, and keeps the endpoint's failure streak. An
 * endpoint failing for WEBHOOK_DISABLE_AFTER_MS is disabled, and the disabling audited in the same
 * transaction. The queue
 * retries a `failed` outcome with exponential backoff.
 */
@Injectable()
export class DeliverWebhookUseCase {
  private readonly logger = new Logger(DeliverWebhookUseCase.name);

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly log: WebhookDeliveryLog,
    private readonly sender: WebhookSender,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(delivery: WebhookDelivery, attempt: number): Promise<DeliveryOutcome> {
    const endpoint = await this.endpoints.findForDelivery(delivery.endpointId);
    if (!endpoint) return 'gone';
    if (endpoint.disabledAt) return 'disabled';
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const body = JSON.stringify({ type: delivery.type, timestamp: delivery.occurredAt, data: delivery.data });
    const response = await this.sender.send(
      endpoint.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Contexor-Webhooks/1',
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(endpoint.secret, delivery.eventId, timestamp, body),
      },
      body,
    );
    const success = response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
    const now = this.clock.now();
    await this.log.record({
      id: randomUUID(),
      endpointId: endpoint.id,
      organizationId: endpoint.organizationId,
      eventId: delivery.eventId,
      eventType: delivery.type,
      attempt,
      statusCode: response.statusCode,
      success,
      durationMs: response.durationMs,
      error: success ? null : (response.error ?? `HTTP ${response.statusCode}`),
      createdAt: now,
    });
    if (success) {
      if (endpoint.failingSince) await this.endpoints.recordSuccess(endpoint.id);
      return 'delivered';
    }
    const failing = await this.endpoints.recordFailure(endpoint.id, now);
    if (!failing || !shouldDisable(failing, now, this.config.webhooks.disableAfterMs)) return 'failed';
    const disabled = await this.uow.run(async () => {
      if (!(await this.endpoints.disable(endpoint.id, now))) return false;
      await this.audit.record({
        action: 'webhook.disabled',
        actorId: null,
        organizationId: endpoint.organizationId,
        targetType: 'webhook',
        targetId: endpoint.id,
        metadata: {
          failingSince: failing.failingSince?.toISOString(),
          lastError: response.error ?? `HTTP ${response.statusCode}`,
        },
      });
      return true;
    });
    if (!disabled) return 'failed';
    this.logger.warn(
      { webhookId: endpoint.id, organizationId: endpoint.organizationId },
      'Webhook endpoint disabled after failing too long',
    );
    return 'disabled';
  }
}
