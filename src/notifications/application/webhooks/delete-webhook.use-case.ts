import { Injectable } from '@nestjs/common';
import { NotFoundError, UnitOfWork, type Actor } from '#libs/ddd';
import { AuditLog } from '../../../accounts';
import { WebhookEndpointRepository } from './webhook-ports';

/** Deliveries still queued for it find no endpoint and are dropped. The deletion and its audit entry commit together. */
@Injectable()
export class DeleteWebhookUseCase {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  execute(actor: Actor, organizationId: string, id: string): Promise<void> {
    return this.uow.run(async () => {
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
    });
  }
}
