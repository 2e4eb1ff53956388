import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** The transaction a `run` opened, as its callers' adapters find it. */
interface ActiveTransaction {
  readonly dataSource: DataSource;
  readonly manager: EntityManager;
  readonly queryRunner: QueryRunner;
  readonly afterCommit: (() => void)[];
  /** False once the work has settled: work it started and left running goes back to the pool. */
  open: boolean;
  /** A transaction of another data source this one was opened inside of (tests hold several). */
  readonly outer: ActiveTransaction | undefined;
}

const scope = new AsyncLocalStorage<ActiveTransaction>();

/** The open transaction of `dataSource` around this call, if any. */
export function activeTransactionOf(dataSource: DataSource): ActiveTransaction | undefined {
  for (let active = scope.getStore(); active; active = active.outer)
    if (active.dataSource === dataSource) return active.open ? active : undefined;
  return undefined;
}

/**
 * What an adapter queries through: the transaction's manager inside `inTransaction` (or a
 * UnitOfWork run), the data source's own (a pooled connection per statement) outside one. Inside a
 * transaction every statement must go through it: one sent through the pool would not see the
 * transaction's writes, would not roll back with it, and would hold a second pooled connection.
 */
export function managerOf(dataSource: DataSource): EntityManager {
  return activeTransactionOf(dataSource)?.manager ?? dataSource.manager;
}

/**
 * Runs `work` in a transaction of `dataSource`: the open one around this call (joined, no savepoint,
 * so a failure anywhere rolls all of it back), or a new one that commits when `work` resolves. An
 * adapter method that must be atomic on its own uses this instead of `dataSource.transaction`.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const active = activeTransactionOf(dataSource);
  if (active) return work(active.manager);
  const afterCommit: (() => void)[] = [];
  const result = await dataSource.transaction(async (manager) => {
    if (!manager.queryRunner) throw new Error('A transaction without its query runner');
    const transaction: ActiveTransaction = {
      dataSource,
      manager,
      queryRunner: manager.queryRunner,
      afterCommit,
      open: true,
      outer: scope.getStore(),
    };
    try {
      return await scope.run(transaction, () => work(manager));
    } finally {
      transaction.open = false;
    }
  });
  for (const effect of afterCommit) {
    try {
      effect();
    } catch {
      // An after-commit effect is a hint (wake a relay up); the committed work stands regardless.
    }
  }
  return result;
}

/**
 * Runs `effect` once the transaction around this call has committed (never if it rolls back), or
 * right away when there is none. Effects run synchronously after COMMIT: keep them to a signal.
 */
export function afterCommit(dataSource: DataSource, effect: () => void): void {
  const active = activeTransactionOf(dataSource);
  if (active) active.afterCommit.push(effect);
  else effect();
}
