import type { DataSource } from 'typeorm';
import type { DataCipher } from './data-cipher';

/** A column of secrets encrypted with DataCipher, bound to `purpose`. */
export interface EncryptedColumn {
  label: string;
  table: string;
  key: string;
  column: string;
  purpose: string;
}

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
  // Identifiers come from the contexts' constant lists of encrypted columns, never from input.
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
