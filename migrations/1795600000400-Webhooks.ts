import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Webhook endpoints of organizations and the log of every delivery attempt. */
export class Webhooks1795600000400 implements MigrationInterface {
  name = 'Webhooks1795600000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhook_endpoints" (
        "id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "url" character varying(2000) NOT NULL,
        "events" text array NOT NULL,
        "secret" character varying(100) NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "failing_since" TIMESTAMP WITH TIME ZONE,
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_webhook_endpoints" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_endpoints_org_created" ON "webhook_endpoints" ("organization_id", "created_at") `,
    );
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL,
        "endpoint_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "event_id" character varying(100) NOT NULL,
        "event_type" character varying(64) NOT NULL,
        "attempt" integer NOT NULL,
        "status_code" integer,
        "success" boolean NOT NULL,
        "duration_ms" integer NOT NULL,
        "error" character varying(300),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_webhook_deliveries" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_deliveries_endpoint_created" ON "webhook_deliveries" ("endpoint_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "fk_webhook_deliveries_endpoint" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
  }
}
