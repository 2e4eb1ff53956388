import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs `migration` down, then `meanwhile` (writes made before it existed), then up again, all in one
 * transaction on one connection: what its backfill does to data it has never seen. Query through
 * the runner in `meanwhile`: the down step holds locks another connection would wait for.
 */
export async function rerunMigration(
  dataSource: DataSource,
  migration: MigrationInterface,
  meanwhile: (runner: QueryRunner) => Promise<unknown> = () => Promise.resolve(),
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await migration.down(runner);
    await meanwhile(runner);
    await migration.up(runner);
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
