/**
 * Makes a use case's writes atomic: every port that writes to the database inside `run` writes in one
 * transaction, which commits when `work` resolves and rolls back when it throws. A `run` inside a
 * `run` joins the outer one (one transaction, no savepoint). Keep `work` to database writes and the
 * reads they need: no Redis, no HTTP, no waiting on anything else while the transaction is open.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
