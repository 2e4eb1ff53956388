export * from './data-source-options';
export * from './run-migrations';
export * from './ensure-database';
export * from './database.module';
export * from './postgres-errors';
export * from './typeorm-logger';
export * from './prepared-statement';
