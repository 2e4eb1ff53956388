import { Injectable } from '@nestjs/common';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import { WebhookEndpointRepository } from './webhook-ports';

@Injectable()
export class ListWebhooksUseCase {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  execute(organizationId: string): Promise<WebhookEndpoint[]> {
    return this.endpoints.listForOrganization(organizationId);
  }
}
