import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '#libs/config';
import { TypeOrmLogger } from './typeorm-logger';

// Resolves to the source tree under Jest and to dist/ once compiled, so one glob serves both.
const PROJECT_ROOT = join(__dirname, '..', '..');

/**
 * `migrations` leaves statements unbounded: a migration may rightly run for minutes, and a process
 * starting beside one waits for its advisory lock for as long as it takes.
 */
export type DataSourcePurpose = 'app' | 'migrations';

export function dataSourceOptions(
  config: Pick<AppConfig, 'database'>,
  purpose: DataSourcePurpose = 'app',
): DataSourceOptions {
  const { database } = config;
  return {
    type: 'postgres',
    url: database.url,
    entities: [join(PROJECT_ROOT, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(PROJECT_ROOT, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension (and no superuser) is needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: database.logQueries ? ['query', 'error', 'warn', 'migration'] : ['error', 'warn', 'migration'],
    logger: new TypeOrmLogger(database.logQueries),
    maxQueryExecutionTime: 1000,
    // Handed to pg-pool, which passes them on to each pg Client it opens.
    extra: {
      max: database.poolSize,
      application_name: 'contexor',
      // pg-pool applies it to waiting for a free client as well as to connecting a new one.
      connectionTimeoutMillis: database.acquireTimeoutMs,
      // Sent in the startup packet, so every connection of the pool has them before its first query.
      statement_timeout: purpose === 'migrations' ? undefined : database.statementTimeoutMs,
      idle_in_transaction_session_timeout: database.idleInTransactionTimeoutMs,
    },
  };
}
