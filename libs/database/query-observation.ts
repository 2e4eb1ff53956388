import type { Pool } from 'pg';
import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';

/** What a statement did, from PostgreSQL's command tag: a label with a handful of values, never the SQL. */
export type StatementKind = 'select' | 'insert' | 'update' | 'delete' | 'transaction' | 'other';

/** Hears of every statement that succeeded: its kind and how long it took, in seconds. */
export type QueryListener = (kind: StatementKind, seconds: number) => void;

const KINDS: Record<string, StatementKind> = {
  SELECT: 'select',
  INSERT: 'insert',
  UPDATE: 'update',
  DELETE: 'delete',
  BEGIN: 'transaction',
  START: 'transaction',
  COMMIT: 'transaction',
  ROLLBACK: 'transaction',
  SAVEPOINT: 'transaction',
  RELEASE: 'transaction',
};

/** The kind of a statement from pg's `result.command` (`SELECT`, `INSERT`, `START` …); a CTE counts as its main statement. */
export function statementKindOf(command: string | null | undefined): StatementKind {
  return (command && KINDS[command]) || 'other';
}

const listeners = new WeakMap<DataSource, QueryListener>();

/**
 * Times the statements of `dataSource` for `listener` (one per data source; a second call replaces
 * it). TypeORM's own queries are timed by TypeORM (its `executionTime`, whole milliseconds, the figure
 * its slow-query log uses), heard through a query subscriber; prepared statements (`queryPrepared`)
 * time themselves, to the microsecond. Failed statements are not timed: they are logged.
 */
export function observeQueries(dataSource: DataSource, listener: QueryListener): void {
  const subscribed = listeners.has(dataSource);
  listeners.set(dataSource, listener);
  if (subscribed) return;
  const subscriber: EntitySubscriberInterface = {
    afterQuery(event: AfterQueryEvent): void {
      if (!event.success || event.executionTime === undefined) return;
      const raw = event.rawResults as { command?: string } | undefined;
      listeners.get(dataSource)?.(statementKindOf(raw?.command), event.executionTime / 1000);
    },
  };
  dataSource.subscribers.push(subscriber);
}

/** Tells the listener of `dataSource` (if any) about a statement sent outside TypeORM. */
export function queryObserved(dataSource: DataSource, command: string | null | undefined, seconds: number): void {
  listeners.get(dataSource)?.(statementKindOf(command), seconds);
}

export interface PoolStats {
  /** Connections open, lent out or idle. */
  total: number;
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
  /** The most the pool opens (DB_POOL_SIZE). */
  max: number;
}

/** The pool of an initialized PostgreSQL data source, as pg-pool counts it now; undefined before it has one. */
export function poolStatsOf(dataSource: DataSource): PoolStats | undefined {
  const pool = poolOf(dataSource);
  if (!pool) return undefined;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max };
}

/** TypeORM's pg-pool of a PostgreSQL data source (the driver's `master`). */
export function poolOf(dataSource: DataSource): Pool | undefined {
  return (dataSource.driver as unknown as { master?: Pool }).master;
}
