import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { drainOnSignals } from './bootstrap/drain-on-signals';
import { loadConfigWithServicesOrExit } from './bootstrap/load-config-or-exit';
import { prepareDatabase } from './bootstrap/prepare-database';
import { createHttpApp } from './http-app';
import { startWorker } from './worker';

/** `APP_ROLE=api` serves HTTP, `worker` runs queue processors, `all` (the default) does both. */
async function main(): Promise<void> {
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const { config, services } = await loadConfigWithServicesOrExit(process.env, log);
  await prepareDatabase(config, log);
  if (!config.runsHttp) return startWorker(config, services.stop);

  const app = await createHttpApp(config);
  const logger = app.get(Logger);
  drainOnSignals(app, config.shutdownTimeoutMs, logger, services.stop);
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.log(`Listening on http://${config.http.host}:${config.http.port} as APP_ROLE=${config.role}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Contexor failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
