import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { offsetOf, type Page, type PageRequest } from '#libs/ddd';
import { WebhookDeliveryLog, type WebhookDeliveryAttempt } from '../../application/webhooks/webhook-ports';
import type { WebhookEventType } from '../../domain/webhooks/webhook-events';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

@Injectable()
export class TypeOrmWebhookDeliveryLog extends WebhookDeliveryLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async record(attempt: WebhookDeliveryAttempt): Promise<void> {
    await this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .insert({ ...attempt, error: attempt.error?.slice(0, 300) ?? null });
  }

  async listForEndpoint(endpointId: string, page: PageRequest): Promise<Page<WebhookDeliveryAttempt>> {
    const [rows, total] = await this.dataSource.getRepository(WebhookDeliveryEntity).findAndCount({
      where: { endpointId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offsetOf(page),
      take: page.limit,
    });
    return {
      items: rows.map((row) => ({ ...row, eventType: row.eventType as WebhookEventType })),
      total,
      page: page.page,
      limit: page.limit,
    };
  }
}
