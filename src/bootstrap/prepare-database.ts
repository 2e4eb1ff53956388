import { DataSource } from 'typeorm';
import type { AppConfig } from '#libs/config';
import { dataSourceOptions, ensureDatabaseExists, runMigrationsExclusively } from '#libs/database';

/**
 * Runs before Nest starts, so that no queue processor or request can touch a table that a
 * pending migration is about to change. It connects to DATABASE_DIRECT_URL (DATABASE_URL unless
 * set): the migration lock is a session-level advisory lock, which a transaction-mode PgBouncer
 * would lose between statements.
 */
export async function prepareDatabase(config: AppConfig, log: (message: string) => void): Promise<void> {
  if (!config.database.migrateOnStart) return;
  if (!config.isProduction && (await ensureDatabaseExists(config.database.directUrl)))
    log('Created the database named in DATABASE_URL');
  const dataSource = new DataSource(dataSourceOptions(config, 'migrations'));
  await dataSource.initialize();
  try {
    const applied = await runMigrationsExclusively(dataSource);
    log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  } finally {
    await dataSource.destroy();
  }
}
