import { Injectable } from '@nestjs/common';
import { NotFoundError, type Actor } from '#libs/ddd';
import { AuditLog } from '../ports/audit-log';
import { WebhookEndpointRepository } from './webhook-ports';

/** Deliveries still queued for it find no endpoint and are dropped. Audited. */
@Injectable()
export class DeleteWebhookUseCase {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, organizationId: string, id: string): Promise<void> {
    if (!(await this.endpoints.delete(organizationId, id))) throw new NotFoundError('Webhook');
    await this.audit.record({
      action: 'webhook.deleted',
      actorId: actor.userId,
      organizationId,
      targetType: 'webhook',
      targetId: id,
      requestId: actor.requestId,
      ip: actor.ip,
    });
  }
}
