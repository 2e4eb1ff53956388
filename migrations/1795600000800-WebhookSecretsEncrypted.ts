import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Webhook signing secrets are stored encrypted (`enc:v1:<key id>:<base64url>`, about 120
 * characters for a secret of 50), so the column widens. Secrets stored before stay readable as
 * they are until `npm run secrets:reencrypt` encrypts them; the application never writes plain
 * text again.
 */
export class WebhookSecretsEncrypted1795600000800 implements MigrationInterface {
  name = 'WebhookSecretsEncrypted1795600000800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" ALTER COLUMN "secret" TYPE varchar(500)`);
  }

  /**
   * The column stays wide: encrypted secrets do not fit the old width, and cutting them would lose
   * them. Code from before this migration reads and writes plain secrets in it all the same.
   */
  public async down(): Promise<void> {
    // Nothing to undo that can be undone without losing data.
  }
}
