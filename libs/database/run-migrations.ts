import type { DataSource } from 'typeorm';

// Any fixed number works; it only has to be the same in every process of the deployment.
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that several API and worker
 * processes starting together apply each migration exactly once.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
