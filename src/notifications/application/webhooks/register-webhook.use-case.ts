import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type Actor } from '#libs/ddd';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { WebhookEventType } from '../../domain/webhooks/webhook-events';
import { parseWebhookUrl } from '../../domain/webhooks/webhook-url';
import { WebhookTargetForbiddenError, WebhookUrlInvalidError } from '../../domain/webhooks/webhook.errors';
import { AuditLog } from '../../../accounts';
import { CheckTargetAddressUseCase } from './check-target-address.use-case';
import { WebhookEndpointRepository, WebhookSecrets } from './webhook-ports';

export interface RegisterWebhookInput {
  url: string;
  events: WebhookEventType[];
}

/**
 * ADMIN registers a URL for some events; the answer carries the signing secret, the only time it is
 * shown. The endpoint and its audit entry commit together.
 */
@Injectable()
export class RegisterWebhookUseCase {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly targets: CheckTargetAddressUseCase,
    private readonly secrets: WebhookSecrets,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(actor: Actor, organizationId: string, input: RegisterWebhookInput): Promise<WebhookEndpoint> {
    const url = parseWebhookUrl(input.url);
    await this.refusePrivate(url);
    const endpoint: WebhookEndpoint = {
      id: randomUUID(),
      organizationId,
      url: url.toString(),
      events: [...new Set(input.events)],
      secret: this.secrets.generate(),
      createdBy: actor.userId,
      createdAt: this.clock.now(),
      failingSince: null,
      disabledAt: null,
    };
    await this.uow.run(async () => {
      await this.endpoints.add(endpoint);
      await this.audit.record({
        action: 'webhook.created',
        actorId: actor.userId,
        organizationId,
        targetType: 'webhook',
        targetId: endpoint.id,
        metadata: { url: endpoint.url, events: endpoint.events },
        requestId: actor.requestId,
        ip: actor.ip,
      });
    });
    return endpoint;
  }

  /** Checked again at every delivery (DNS can change); here it gives the admin a clear answer early. */
  private async refusePrivate(url: URL): Promise<void> {
    const verdict = await this.targets.execute(url.toString());
    if (verdict === 'forbidden') throw new WebhookTargetForbiddenError();
    if (verdict === 'unresolvable') throw new WebhookUrlInvalidError(`The host ${url.hostname} does not resolve`);
  }
}
