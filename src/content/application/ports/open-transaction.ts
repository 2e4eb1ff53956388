/**
 * A database transaction that a caller outside this context has opened and will commit or roll
 * back — e.g. the generate endpoint, which must start the generation, reserve usage and enqueue
 * the job all or nothing. Application code only passes it on; the TypeORM adapters expect
 * `manager` to be that transaction's `EntityManager` (`dataSource.transaction((manager) => …)`).
 */
export interface OpenTransaction {
  readonly manager: unknown;
}
