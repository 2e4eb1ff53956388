import type { DataSource, EntityManager } from 'typeorm';
import { activeTransactionOf, managerOf } from './transaction-scope';

/**
 * Runs a read without rules (a report, a search, a list, an export) on a read replica
 * (DATABASE_READ_URLS) when the deployment has one, through one replica connection for all of
 * `work`'s statements. Everything else stays on the primary: with no replica, and inside a
 * transaction (a UnitOfWork run, `inTransaction`), `work` gets what `managerOf` gives, so that a
 * read that is part of a write sees that write.
 *
 * A replica may lag behind the primary: use this only where a result a moment old is acceptable,
 * never to check a rule (a limit, a permission, a state) before a write.
 */
export async function readFromReplica<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!hasReplicas(dataSource) || activeTransactionOf(dataSource)) return work(managerOf(dataSource));
  const runner = dataSource.createQueryRunner('slave');
  try {
    return await work(runner.manager);
  } finally {
    await runner.release();
  }
}

function hasReplicas(dataSource: DataSource): boolean {
  const options = dataSource.options as { replication?: { slaves?: unknown[] } };
  return (options.replication?.slaves?.length ?? 0) > 0;
}
