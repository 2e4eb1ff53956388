import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/database';
import { DataCipher, reencryptColumn } from '#libs/encryption';
import { ACCOUNTS_ENCRYPTED_COLUMNS } from '../accounts';
import { NOTIFICATIONS_ENCRYPTED_COLUMNS } from '../notifications';
import { USAGE_ENCRYPTED_COLUMNS } from '../usage';
import { loadConfigOrExit } from '../bootstrap/load-config-or-exit';

/**
 * `npm run secrets:reencrypt`: after a new key is put first in DATA_ENCRYPTION_KEYS (the old ones
 * kept after it), rewrites every secret at rest under the new key; then the old keys can go.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    const cipher = new DataCipher(config.dataEncryptionKeys);
    for (const column of [
      ...ACCOUNTS_ENCRYPTED_COLUMNS,
      ...NOTIFICATIONS_ENCRYPTED_COLUMNS,
      ...USAGE_ENCRYPTED_COLUMNS,
    ]) {
      const { rewritten, checked } = await reencryptColumn(dataSource, cipher, column);
      process.stdout.write(
        `${column.label}: ${rewritten} of ${checked} re-encrypted under key "${config.dataEncryptionKeys[0]?.id}".\n`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Re-encryption failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
