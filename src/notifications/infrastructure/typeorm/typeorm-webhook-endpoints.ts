import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { managerOf, PreparedStatement, queryPrepared } from '#libs/database';
import { DataCipher } from '#libs/encryption';
import type { OwnerQuery } from '../../../accounts';
import { WebhookEndpointRepository } from '../../application/webhooks/webhook-ports';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { WebhookEventType } from '../../domain/webhooks/webhook-events';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

/** Asked on every content event (each generation's included): prepared once per connection. */
const SUBSCRIBED_TO = new PreparedStatement(
  `SELECT id, organization_id AS "organizationId", url, events, secret, created_by AS "createdBy",
          created_at AS "createdAt", failing_since AS "failingSince", disabled_at AS "disabledAt"
     FROM webhook_endpoints
    WHERE organization_id = $1 AND disabled_at IS NULL AND $2 = ANY(events)`,
);

/** The organization of a webhook endpoint, for the access guard (see ResourceOwners). */
export const WEBHOOK_OWNER: OwnerQuery = 'SELECT organization_id FROM webhook_endpoints WHERE id = $1';

/** What the signing secret's ciphertext is bound to: it opens in this column only. */
export const WEBHOOK_SECRET_PURPOSE = 'webhook_endpoints.secret';

/** Signing secrets are stored encrypted (DataCipher) and decrypted as endpoints are read. */
@Injectable()
export class TypeOrmWebhookEndpoints extends WebhookEndpointRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
  ) {
    super();
  }

  private get rows() {
    return managerOf(this.dataSource).getRepository(WebhookEndpointEntity);
  }

  async add(endpoint: WebhookEndpoint): Promise<void> {
    await this.rows.insert({
      ...endpoint,
      events: [...endpoint.events],
      secret: this.cipher.encrypt(endpoint.secret, WEBHOOK_SECRET_PURPOSE),
    });
  }

  async listForOrganization(organizationId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.rows.find({ where: { organizationId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map((row) => this.toDomain(row));
  }

  async findById(organizationId: string, id: string): Promise<WebhookEndpoint | undefined> {
    const row = await this.rows.findOneBy({ organizationId, id });
    return row ? this.toDomain(row) : undefined;
  }

  async findForDelivery(id: string): Promise<WebhookEndpoint | undefined> {
    const row = await this.rows.findOneBy({ id });
    return row ? this.toDomain(row) : undefined;
  }

  async delete(organizationId: string, id: string): Promise<boolean> {
    return ((await this.rows.delete({ organizationId, id })).affected ?? 0) > 0;
  }

  async subscribedTo(organizationId: string, type: WebhookEventType): Promise<WebhookEndpoint[]> {
    const { rows } = await queryPrepared<WebhookEndpointEntity>(this.dataSource, SUBSCRIBED_TO, [organizationId, type]);
    return rows.map((row) => this.toDomain(row));
  }

  async recordSuccess(id: string): Promise<void> {
    await this.rows.update({ id }, { failingSince: null });
  }

  async recordFailure(id: string, at: Date): Promise<WebhookEndpoint | undefined> {
    await managerOf(this.dataSource).query(
      'UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, $2) WHERE id = $1',
      [id, at],
    );
    return this.findForDelivery(id);
  }

  async disable(id: string, at: Date): Promise<boolean> {
    return ((await this.rows.update({ id, disabledAt: IsNull() }, { disabledAt: at })).affected ?? 0) > 0;
  }

  private toDomain(row: WebhookEndpointEntity): WebhookEndpoint {
    return toDomainWith(this.cipher, row);
  }
}

function toDomainWith(cipher: DataCipher, row: WebhookEndpointEntity): WebhookEndpoint {
  return {
    id: row.id,
    organizationId: row.organizationId,
    url: row.url,
    events: row.events as WebhookEventType[],
    secret: cipher.decrypt(row.secret, WEBHOOK_SECRET_PURPOSE),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    failingSince: row.failingSince,
    disabledAt: row.disabledAt,
  };
}
