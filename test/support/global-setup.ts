// Imported by relative path: Jest loads global setup without its moduleNameMapper, and #libs/* would resolve to an unbuilt dist/.
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config/app-config';
import { dataSourceOptions } from '../../libs/database/data-source-options';
import { ensureDatabaseExists } from '../../libs/database/ensure-database';
import { runMigrationsExclusively } from '../../libs/database/run-migrations';
import { startLocalServices, type LocalServices } from '../../src/bootstrap/local-services';

/** Handed to global-teardown: Jest runs both in its main process, and only globals reach from one to the other. */
export const LOCAL_SERVICES = '__contexorLocalServices';

/**
 * Each Jest run gets a database and a Redis key prefix of its own, made here and removed in
 * global-teardown, so that runs never see each other's rows, keys or queues. The tests use the
 * machine's PostgreSQL and Redis when they answer at the default addresses, or else start local ones,
 * as `npm start` does (src/bootstrap/local-services.ts); global-teardown stops those.
 */
export default async function globalSetup(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const services: LocalServices = await startLocalServices({
    production: false,
    databaseUrl: process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/13',
    log: (line) => process.stdout.write(`\n${line}\n`),
  });
  (globalThis as Record<string, unknown>)[LOCAL_SERVICES] = services;
  const base = new URL(services.databaseUrl);
  base.pathname = `/contexor_test_${run}`;
  process.env.DATABASE_URL = base.toString();
  process.env.REDIS_URL = services.redisUrl;
  process.env.REDIS_PREFIX = `test-${run}`;

  await ensureDatabaseExists(process.env.DATABASE_URL);
  const dataSource = new DataSource(
    dataSourceOptions(loadConfig({ DATABASE_URL: process.env.DATABASE_URL, NODE_ENV: 'test' }), 'migrations'),
  );
  await dataSource.initialize();
  try {
    await runMigrationsExclusively(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
