import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { Clock, UnitOfWork, type Actor } from '#libs/ddd';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { WebhookEventType } from '../../domain/webhooks/webhook-events';
import { parseWebhookUrl } from '../../domain/webhooks/webhook-url';
import { WebhookTargetForbiddenError, WebhookUrlInvalidError } from '../../domain/webhooks/webhook.errors';
import { isForbiddenTarget } from '../../domain/webhooks/target-address';
import { AuditLog } from '../../../accounts';
import { HostResolver, WebhookEndpointRepository, WebhookSecrets } from './webhook-ports';

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
    private readonly resolver: HostResolver,
    private readonly secrets: WebhookSecrets,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(actor: Actor, organizationId: string, input: RegisterWebhookInput): Promise<WebhookEndpoint> {
    const url = parseWebhookUrl(input.url);
    if (!this.config.webhooks.allowPrivateTargets) await this.refusePrivate(url.hostname);
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
  private async refusePrivate(hostname: string): Promise<void> {
    const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    if (host === 'localhost' || host.endsWith('.localhost')) throw new WebhookTargetForbiddenError();
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : await this.resolver.resolve(host);
    } catch {
      throw new WebhookUrlInvalidError(`The host ${host} does not resolve`);
    }
    if (!addresses.length || addresses.some(isForbiddenTarget)) throw new WebhookTargetForbiddenError();
  }
}
