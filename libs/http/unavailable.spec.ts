import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import { DatabaseError } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isUnavailableError } from './unavailable';

function postgresError(code: string, message = 'server said no'): DatabaseError {
  return Object.assign(new DatabaseError(message, 0, 'error'), { code });
}

function socketError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

describe('isUnavailableError', () => {
  it.each([
    ['pg-pool found no free connection in time', new Error('timeout exceeded when trying to connect')],
    [
      'pg-pool could not connect a new client in time',
      new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated') }),
    ],
    ['PostgreSQL refused the connection', socketError('ECONNREFUSED')],
    [
      'PostgreSQL refused every address of its host',
      new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], 'connect failed'),
    ],
    ['the connection to PostgreSQL was reset', socketError('ECONNRESET')],
    ['the connection to PostgreSQL terminated', new Error('Connection terminated unexpectedly')],
    [
      'a query ran on a client whose connection had failed',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'a statement outlived statement_timeout (57014)',
      postgresError('57014', 'canceling statement due to statement timeout'),
    ],
    [
      'a transaction idled past idle_in_transaction_session_timeout (25P03)',
      postgresError('25P03', 'terminating connection due to idle-in-transaction timeout'),
    ],
    [
      'PostgreSQL is shutting down (57P01)',
      postgresError('57P01', 'terminating connection due to administrator command'),
    ],
    ['PostgreSQL crashed (57P02)', postgresError('57P02')],
    ['PostgreSQL is starting up (57P03)', postgresError('57P03', 'the database system is starting up')],
    ['PostgreSQL has no connection slot left (53300)', postgresError('53300', 'sorry, too many clients already')],
    ['a connection exception (class 08)', postgresError('08006', 'connection failure')],
    [
      'TypeORM wrapped a statement timeout in QueryFailedError',
      new QueryFailedError('SELECT 1', [], postgresError('57014', 'canceling statement due to statement timeout')),
    ],
    [
      'TypeORM wrapped a terminated connection in QueryFailedError',
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
    ],
    [
      'a transaction whose connection PostgreSQL ended (TypeORM released its runner)',
      new QueryRunnerAlreadyReleasedError(),
    ],
    ['an ioredis command timed out', new Error('Command timed out')],
    ['ioredis gave up retrying a command', new MaxRetriesPerRequestError(2)],
    ['the ioredis connection is closed', new Error('Connection is closed.')],
    [
      'ioredis is down with its offline queue off',
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
    ],
    ['Redis is still loading its dataset', new Error('LOADING Redis is loading the dataset in memory')],
  ])('recognises %s', (_, error) => {
    expect(isUnavailableError(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', postgresError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error wrapped by TypeORM', new QueryFailedError('SELEC 1', [], postgresError('42601'))],
    ['a lock conflict (55P03)', postgresError('55P03', 'could not obtain lock on row')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a Fastify error', Object.assign(new Error('Body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' })],
    ['a Redis reply error', new Error('WRONGTYPE Operation against a key holding the wrong kind of value')],
    ['a thrown string', 'timeout exceeded when trying to connect'],
    ['nothing', undefined],
  ])('leaves %s alone', (_, error) => {
    expect(isUnavailableError(error)).toBe(false);
  });

  it('stops on an error that is its own cause', () => {
    const error: Error & { cause?: unknown } = new Error('loop');
    error.cause = error;
    expect(isUnavailableError(error)).toBe(false);
  });
});
