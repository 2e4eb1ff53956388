import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf, queryObserved } from './query-observation';
import { activeTransactionOf } from './transaction-scope';

/**
 * A statement of a path every request or job takes, sent as a named prepared statement: each
 * pooled connection parses and plans it once, then only binds and executes it. Measured on this
 * project's contents row, that is a third of PostgreSQL's CPU per statement and half the round
 * trip. The name follows from the text, so two statements never share one.
 *
 * Prepared statements live on a connection: behind PgBouncer in transaction mode, PgBouncer must
 * track them (`max_prepared_statements`, 1.21 and later).
 */
export class PreparedStatement {
  readonly name: string;

  constructor(readonly text: string) {
    this.name = `cx_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  }
}

/**
 * Runs `statement` on the app's pool or, inside a transaction (`inTransaction`, a UnitOfWork run), on
 * that transaction's connection, so that it sees and joins the transaction's writes. Logged as
 * TypeORM logs its own queries (the statement, never its values; slow ones and failures too), and
 * timed for `observeQueries` (sent to the pool, the time includes the wait for a connection). Errors are pg's own
 * (`code`, `constraint`), which every classifier here reads as it reads TypeORM's `driverError`.
 */
export async function queryPrepared<R>(
  dataSource: DataSource,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<{ rows: R[]; rowCount: number }> {
  const logger = dataSource.logger;
  logger.logQuery(statement.text);
  const started = performance.now();
  try {
    const result = await (
      await connectionOf(dataSource)
    ).query({
      name: statement.name,
      text: statement.text,
      values: values as unknown[],
    });
    const ms = performance.now() - started;
    queryObserved(dataSource, result.command, ms / 1000);
    const slowMs = dataSource.options.maxQueryExecutionTime;
    if (slowMs && ms > slowMs) logger.logQuerySlow(Math.round(ms), statement.text);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  } catch (error) {
    logger.logQueryError(error instanceof Error ? error : String(error), statement.text);
    throw error;
  }
}

/** The open transaction's own pg client when there is one (a statement sent to the pool would escape it). */
async function connectionOf(dataSource: DataSource): Promise<Pool | PoolClient> {
  const transaction = activeTransactionOf(dataSource);
  if (transaction) return (await transaction.queryRunner.connect()) as PoolClient;
  const pool = poolOf(dataSource);
  if (!pool) throw new Error('Prepared statements need an initialized PostgreSQL data source');
  return pool;
}
