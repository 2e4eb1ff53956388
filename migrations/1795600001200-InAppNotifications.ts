import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** In-app notifications: one per user and event, newest first per user. */
export class InAppNotifications1795600001200 implements MigrationInterface {
  name = 'InAppNotifications1795600001200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "type" character varying(64) NOT NULL,
      "data" jsonb NOT NULL,
      "event_id" character varying(120) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "read_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_notifications" PRIMARY KEY ("id")
    )`);
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_user_created" ON "notifications" ("user_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notifications_user_event" ON "notifications" ("user_id", "event_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
