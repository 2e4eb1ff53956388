import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#libs/config';
import { runApiCluster } from './bootstrap/api-cluster';
import { drainOnSignals } from './bootstrap/drain-on-signals';
import { loadConfigOrExit, loadConfigWithServicesOrExit } from './bootstrap/load-config-or-exit';
import { prepareDatabase } from './bootstrap/prepare-database';
import { createHttpApp } from './http-app';
import { startWorker } from './worker';

/**
 * `APP_ROLE=api` serves HTTP, `worker` runs queue processors, `all` (the default) does both.
 * `API_WORKERS` above 1 (api role only): this process becomes the primary of that many HTTP
 * processes (bootstrap/api-cluster.ts), after it alone has started the local services and migrated.
 */
async function main(): Promise<void> {
  const log = (message: string) => process.stdout.write(`${message}\n`);
  // A worker of the API cluster: its primary has prepared everything and set its environment.
  if (cluster.isWorker) return serveHttp(loadConfigOrExit(process.env));

  const { config, services } = await loadConfigWithServicesOrExit(process.env, log);
  await prepareDatabase(config, log);
  if (!config.runsHttp) return startWorker(config, services.stop);
  if (config.http.workers > 1)
    return runApiCluster({
      workers: config.http.workers,
      // The URLs of the local services when start-up started some; migrations are done.
      env: { DATABASE_URL: config.database.url, REDIS_URL: config.redis.url, DB_MIGRATE_ON_START: 'false' },
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      log,
      afterStop: services.stop,
    });
  return serveHttp(config, services.stop);
}

async function serveHttp(config: AppConfig, afterClose?: () => Promise<void>): Promise<void> {
  const app = await createHttpApp(config);
  const logger = app.get(Logger);
  drainOnSignals(app, config.shutdownTimeoutMs, logger, afterClose);
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.log(`Listening on http://${config.http.host}:${config.http.port} as APP_ROLE=${config.role}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Contexor failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
