import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The transactional outbox of webhook events: a change and the event it causes commit together,
 * and the relay (worker processes) turns each row into delivery jobs, then deletes it. A row is
 * relayed into the queues of its writer's REDIS_PREFIX (`queue_prefix`), the one all processes of a
 * deployment share.
 */
export class WebhookOutbox1795600000900 implements MigrationInterface {
  name = 'WebhookOutbox1795600000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhook_outbox" (
        "event_id" character varying(100) NOT NULL,
        "queue_prefix" character varying(100) NOT NULL,
        "organization_id" uuid NOT NULL,
        "event_type" character varying(64) NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "data" jsonb NOT NULL,
        "endpoint_ids" uuid array NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "claimed_until" TIMESTAMP WITH TIME ZONE,
        "attempts" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_webhook_outbox" PRIMARY KEY ("event_id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_outbox_prefix_created" ON "webhook_outbox" ("queue_prefix", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_outbox"`);
  }
}
