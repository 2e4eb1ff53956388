import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '#libs/config';
import { ensureDatabaseExists } from '#libs/database';
import { prepareDatabase } from '../../src/bootstrap/prepare-database';
import { createHttpApp } from '../../src/http-app';
import { benchSettings } from './settings';

export interface BenchApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Creates and migrates the bench database once per process. */
let prepared: Promise<void> | undefined;
function prepareBenchDatabase(): Promise<void> {
  prepared ??= (async () => {
    await ensureDatabaseExists(benchSettings.databaseUrl);
    await prepareDatabase(loadConfig({ ...benchSettings.appEnv(), DB_MIGRATE_ON_START: 'true' }), () => undefined);
  })();
  return prepared;
}

/**
 * Boots the application as production builds it (createHttpApp: Fastify, helmet, CORS, metrics,
 * guards, pipes, filters, PostgreSQL, Redis) on a free port of 127.0.0.1.
 */
export async function bootBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  await prepareBenchDatabase();
  const config = loadConfig({ ...benchSettings.appEnv(), ...env });
  const app = await createHttpApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('The app is not listening on a TCP port');
  return { app, config, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
