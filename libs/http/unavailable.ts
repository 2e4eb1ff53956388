/**
 * Errors that mean PostgreSQL or Redis did not answer in time or could not be reached. The same
 * request may well succeed a few seconds later, so they answer 503 with Retry-After, never 500.
 */

const POSTGRES_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '25P03', // idle_in_transaction_session_timeout
  '57P01', // admin_shutdown: the server is stopping or a DBA ended the session
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
]);
// Class 08: connection exceptions.
const POSTGRES_CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const MESSAGES = [
  // pg-pool: no free pooled client (or no new connection) within connectionTimeoutMillis.
  /^timeout exceeded when trying to connect$/,
  // pg: the socket closed ("…unexpectedly", "…due to connection timeout").
  /^Connection terminated\b/,
  // pg: a query on a client whose connection already failed (e.g. ended for idling in a transaction).
  /^Client has encountered a connection error and is not queryable$/,
  // ioredis: commandTimeout elapsed.
  /^Command timed out$/,
  // ioredis: the connection is closed, or down with the offline queue turned off.
  /^Connection is closed\.?$/,
  /^Stream isn't writeable and enableOfflineQueue options is false$/,
  // Redis itself while it loads its dataset after a restart.
  /^LOADING\b/,
];

const ERROR_NAMES = new Set([
  // ioredis gave up reconnecting for this command (maxRetriesPerRequest).
  'MaxRetriesPerRequestError',
  // TypeORM releases a query runner whose connection failed (e.g. PostgreSQL ended the session for
  // idling in a transaction), so the transaction's next query reports this rather than the cause.
  'QueryRunnerAlreadyReleasedError',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  /** TypeORM's QueryFailedError keeps the driver's error here. */
  driverError?: unknown;
  cause?: unknown;
  /** AggregateError: Node reports a refused connection to every address of a host this way. */
  errors?: unknown;
}

export function isUnavailableError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length) {
    const candidate = pending.pop();
    if (!candidate || typeof candidate !== 'object' || seen.has(candidate)) continue;
    seen.add(candidate);
    const { name, code, message, driverError, cause, errors } = candidate as ErrorLike;
    if (typeof code === 'string' && isUnavailableCode(code)) return true;
    if (typeof name === 'string' && ERROR_NAMES.has(name)) return true;
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
    pending.push(driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : []));
  }
  return false;
}

function isUnavailableCode(code: string): boolean {
  return POSTGRES_SQLSTATES.has(code) || POSTGRES_CONNECTION_EXCEPTION.test(code) || SOCKET_CODES.has(code);
}
