import { Injectable } from '@nestjs/common';
import { NotFoundError, type Page, type PageRequest } from '#libs/ddd';
import { WebhookDeliveryLog, WebhookEndpointRepository, type WebhookDeliveryAttempt } from './webhook-ports';

@Injectable()
export class ListWebhookDeliveriesUseCase {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryLog,
  ) {}

  async execute(organizationId: string, id: string, page: PageRequest): Promise<Page<WebhookDeliveryAttempt>> {
    if (!(await this.endpoints.findById(organizationId, id))) throw new NotFoundError('Webhook');
    return this.deliveries.listForEndpoint(id, page);
  }
}
