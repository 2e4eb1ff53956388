import type { DataSource } from 'typeorm';
import type { DataCipher } from '#libs/encryption';
import { WEBHOOK_SECRET_PURPOSE } from './typeorm-webhook-endpoints';

/**
 * Rewrites every webhook secret not encrypted under the current key (plain text from before
 * encryption, or an older key) under the current one. Each row is written only if it still holds
 * what was read, so it is safe beside a running app and safe to run again.
 */
export async function reencryptWebhookSecrets(
  dataSource: DataSource,
  cipher: DataCipher,
): Promise<{ checked: number; rewritten: number }> {
  const rows = (await dataSource.query('SELECT id, secret FROM webhook_endpoints')) as { id: string; secret: string }[];
  let rewritten = 0;
  for (const row of rows) {
    if (cipher.isCurrent(row.secret)) continue;
    const secret = cipher.encrypt(cipher.decrypt(row.secret, WEBHOOK_SECRET_PURPOSE), WEBHOOK_SECRET_PURPOSE);
    const [, changed] = (await dataSource.query(
      'UPDATE webhook_endpoints SET secret = $2 WHERE id = $1 AND secret = $3',
      [row.id, secret, row.secret],
    )) as [unknown, number];
    rewritten += changed;
  }
  return { checked: rows.length, rewritten };
}
