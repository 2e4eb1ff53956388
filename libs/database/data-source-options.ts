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

/** `application_name` of the app's connections to DATABASE_URL, and of those to a read replica. */
export const APPLICATION_NAME = 'contexor';
export const REPLICA_APPLICATION_NAME = 'contexor-replica';

/**
 * The app's data source: DATABASE_URL, plus a pool per read replica (DATABASE_READ_URLS) that only
 * `readFromReplica` uses. Migrations connect to DATABASE_DIRECT_URL (DATABASE_URL unless set) and
 * never to a replica.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'database'>,
  purpose: DataSourcePurpose = 'app',
): DataSourceOptions {
  const { database } = config;
  const replicas = purpose === 'app' ? database.readUrls : [];
  // PgBouncer refuses parameters it cannot track in the startup packet (these two among them), so
  // behind one the server applies them, set for the role (README, Scaling).
  const sendTimeouts = purpose === 'migrations' || database.pooler === 'none';
  return {
    type: 'postgres',
    ...(replicas.length
      ? {
          replication: {
            master: { url: database.url, applicationName: APPLICATION_NAME },
            slaves: replicas.map((url) => ({ url, applicationName: REPLICA_APPLICATION_NAME })),
            // Nothing goes to a replica unless asked for (readFromReplica): a read after a write
            // must see it, and a replica may lag.
            defaultMode: 'master' as const,
          },
        }
      : {
          url: purpose === 'migrations' ? database.directUrl : database.url,
          applicationName: APPLICATION_NAME,
        }),
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
      // pg-pool applies it to waiting for a free client as well as to connecting a new one.
      connectionTimeoutMillis: database.acquireTimeoutMs,
      // Sent in the startup packet, so every connection of the pool has them before its first query.
      ...(sendTimeouts && {
        statement_timeout: purpose === 'migrations' ? undefined : database.statementTimeoutMs,
        idle_in_transaction_session_timeout: database.idleInTransactionTimeoutMs,
      }),
      // Unbounded even where the role has a statement_timeout of its own (as behind PgBouncer, where
      // the server sets the app's timeouts): migrations connect directly (DATABASE_DIRECT_URL).
      ...(purpose === 'migrations' && { options: '-c statement_timeout=0' }),
    },
  };
}
