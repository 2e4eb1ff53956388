import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '#libs/config';
import { TypeOrmLogger } from './typeorm-logger';

// Resolves to the source tree under Jest and to dist/ once compiled, so one glob serves both.
const PROJECT_ROOT = join(__dirname, '..', '..');

export function dataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: [join(PROJECT_ROOT, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(PROJECT_ROOT, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension (and no superuser) is needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: config.database.logQueries ? ['query', 'error', 'warn', 'migration'] : ['error', 'warn', 'migration'],
    logger: new TypeOrmLogger(config.database.logQueries),
    maxQueryExecutionTime: 1000,
    extra: { max: config.database.poolSize, application_name: 'contexor' },
  };
}
