import { MigrationExecutor, type DataSource } from 'typeorm';

// Any fixed number works; it only has to be the same in every process of the deployment.
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that several API and worker
 * processes starting together apply each migration exactly once.
 *
 * The migrations run on the connection that holds the lock: taking a second one from the pool
 * while holding the first would wait forever (or for the acquire timeout) with a pool of one.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
