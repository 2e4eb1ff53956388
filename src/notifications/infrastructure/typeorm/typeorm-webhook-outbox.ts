import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '#libs/config';
import { afterCommit, managerOf, PreparedStatement, queryPrepared } from '#libs/database';
import { WebhookOutbox, type OutboxEvent } from '../../application/webhooks/webhook-ports';
import type { WebhookEventType } from '../../domain/webhooks/webhook-events';

/** Written by every event with subscribers (each generation's included). */
const ADD = new PreparedStatement(
  `INSERT INTO webhook_outbox (event_id, queue_prefix, organization_id, event_type, occurred_at, data, endpoint_ids)
   VALUES ($1, $7, $2, $3, $4, $5::jsonb, $6::uuid[])
   ON CONFLICT ON CONSTRAINT pk_webhook_outbox DO NOTHING`,
);

/**
 * Sent by every worker process every WEBHOOK_OUTBOX_POLL_MS. SKIP LOCKED: a row another relay is
 * claiming right now is passed over, not waited for; the lease keeps it that relay's after its commit.
 * Only rows written under this process's REDIS_PREFIX: their deliveries belong in its queues.
 */
const CLAIM = new PreparedStatement(
  `UPDATE webhook_outbox o
      SET claimed_until = now() + $2::int * interval '1 millisecond', attempts = o.attempts + 1
    WHERE o.event_id IN (
      SELECT event_id FROM webhook_outbox
       WHERE queue_prefix = $3 AND (claimed_until IS NULL OR claimed_until < now())
       ORDER BY created_at, event_id
       LIMIT $1
       FOR UPDATE SKIP LOCKED)
    RETURNING o.event_id, o.organization_id, o.event_type, o.occurred_at, o.data, o.endpoint_ids, o.created_at`,
);

interface OutboxRow {
  event_id: string;
  organization_id: string;
  event_type: string;
  occurred_at: Date;
  data: Record<string, unknown>;
  endpoint_ids: string[];
  created_at: Date;
}

/**
 * Tells this process's relay (when it runs one: APP_ROLE=all or worker) that events were committed,
 * so that they leave at once rather than at the next poll.
 */
@Injectable()
export class WebhookOutboxSignal {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  raise(): void {
    for (const listener of this.listeners) listener();
  }
}

@Injectable()
export class TypeOrmWebhookOutbox extends WebhookOutbox {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signal: WebhookOutboxSignal,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async add(event: OutboxEvent): Promise<void> {
    await queryPrepared(this.dataSource, ADD, [
      event.eventId,
      event.organizationId,
      event.type,
      event.occurredAt,
      JSON.stringify(event.data),
      event.endpointIds,
      this.config.redis.prefix,
    ]);
    afterCommit(this.dataSource, () => this.signal.raise());
  }

  async claim(limit: number, leaseMs: number): Promise<OutboxEvent[]> {
    const { rows } = await queryPrepared<OutboxRow>(this.dataSource, CLAIM, [limit, leaseMs, this.config.redis.prefix]);
    return rows
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.event_id.localeCompare(b.event_id))
      .map((row) => ({
        eventId: row.event_id,
        organizationId: row.organization_id,
        type: row.event_type as WebhookEventType,
        occurredAt: row.occurred_at.toISOString(),
        data: row.data,
        endpointIds: row.endpoint_ids,
      }));
  }

  async remove(eventIds: string[]): Promise<void> {
    if (!eventIds.length) return;
    await managerOf(this.dataSource).query('DELETE FROM webhook_outbox WHERE event_id = ANY($1::varchar[])', [
      eventIds,
    ]);
  }

  async release(eventIds: string[]): Promise<void> {
    if (!eventIds.length) return;
    await managerOf(this.dataSource).query(
      'UPDATE webhook_outbox SET claimed_until = NULL WHERE event_id = ANY($1::varchar[])',
      [eventIds],
    );
  }
}
