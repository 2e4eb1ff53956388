import type { DataSource } from 'typeorm';
import type { DataCipher } from '#libs/encryption';
import { TOTP_SECRET_PURPOSE } from '../two-factor/typeorm-two-factor.repository';
import { WEBHOOK_SECRET_PURPOSE } from '../webhooks/typeorm-webhook-endpoints';

/** A column of secrets encrypted with DataCipher, bound to `purpose`. */
interface EncryptedColumn {
  label: string;
  table: string;
  key: string;
  column: string;
  purpose: string;
}

/** Every column of the accounts context that holds an encrypted secret. */
export const ENCRYPTED_ACCOUNT_COLUMNS: readonly EncryptedColumn[] = [
  {
    label: 'Webhook secrets',
    table: 'webhook_endpoints',
    key: 'id',
    column: 'secret',
    purpose: WEBHOOK_SECRET_PURPOSE,
  },
  {
    label: 'Authenticator secrets',
    table: 'user_two_factor',
    key: 'user_id',
    column: 'secret',
    purpose: TOTP_SECRET_PURPOSE,
  },
];

/**
 * Rewrites every value of the column not encrypted under the current key (plain text from before
 * encryption, or an older key) under the current one. Each row is written only if it still holds
 * what was read, so it is safe beside a running app and safe to run again.
 */
export async function reencryptColumn(
  dataSource: DataSource,
  cipher: DataCipher,
  { table, key, column, purpose }: EncryptedColumn,
): Promise<{ checked: number; rewritten: number }> {
  // Identifiers come from the constant list above, never from input.
  const rows = (await dataSource.query(`SELECT ${key} AS key, ${column} AS value FROM ${table}`)) as {
    key: string;
    value: string;
  }[];
  let rewritten = 0;
  for (const row of rows) {
    if (cipher.isCurrent(row.value)) continue;
    const value = cipher.encrypt(cipher.decrypt(row.value, purpose), purpose);
    const [, changed] = (await dataSource.query(
      `UPDATE ${table} SET ${column} = $2 WHERE ${key} = $1 AND ${column} = $3`,
      [row.key, value, row.value],
    )) as [unknown, number];
    rewritten += changed;
  }
  return { checked: rows.length, rewritten };
}

export async function reencryptWebhookSecrets(dataSource: DataSource, cipher: DataCipher) {
  return reencryptColumn(dataSource, cipher, ENCRYPTED_ACCOUNT_COLUMNS[0]!);
}
