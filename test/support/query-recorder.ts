import pg from 'pg';
import { APP_CONNECTION_NAME } from './observer-data-source';

export interface RecordedQuery {
  text: string;
  values: readonly unknown[];
}

export interface QueryRecorder {
  /** Every statement sent so far, in order. */
  readonly queries: RecordedQuery[];
  stop(): void;
}

type ClientQuery = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Records every statement the app's connections send to PostgreSQL, until `stop()`. Every query of
 * TypeORM (transaction control included) leaves through `pg.Client#query`, one call per statement on
 * the wire; connections of other names (an observer's) are left out.
 */
export function recordAppQueries(applicationName = APP_CONNECTION_NAME): QueryRecorder {
  const prototype = pg.Client.prototype as unknown as { query: ClientQuery };
  const original = prototype.query;
  const queries: RecordedQuery[] = [];
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (applicationNameOf(this) === applicationName) queries.push(recordOf(args));
    return original.apply(this, args);
  };
  return { queries, stop: () => void (prototype.query = original) };
}

function applicationNameOf(client: pg.Client): unknown {
  return (client as unknown as { connectionParameters?: { application_name?: unknown } }).connectionParameters
    ?.application_name;
}

function recordOf([config, values]: unknown[]): RecordedQuery {
  if (typeof config === 'string') return { text: config, values: Array.isArray(values) ? values : [] };
  const query = config as { text?: string; values?: unknown[] };
  return { text: query.text ?? '', values: query.values ?? (Array.isArray(values) ? values : []) };
}

export const isTransactionStart = (query: RecordedQuery): boolean =>
  /^\s*(START TRANSACTION|BEGIN)\b/i.test(query.text);

/** A SELECT that reads the `contents` table (a join from it counts once) for that content id. */
export const readsContentRow =
  (contentId: string) =>
  (query: RecordedQuery): boolean =>
    /^\s*SELECT\b[\s\S]*\bFROM\s+"?contents"?(\s|$)/i.test(query.text) && query.values.includes(contentId);
