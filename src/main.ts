import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { drainOnSignals } from './bootstrap/drain-on-signals';
import { loadConfigOrExit } from './bootstrap/load-config-or-exit';
import { prepareDatabase } from './bootstrap/prepare-database';
import { createHttpApp } from './http-app';
import { startWorker } from './worker';

/** `APP_ROLE=api` serves HTTP, `worker` runs queue processors, `all` (the default) does both. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  await prepareDatabase(config, (message) => process.stdout.write(`${message}\n`));
  if (!config.runsHttp) return startWorker(config);

  const app = await createHttpApp(config);
  const logger = app.get(Logger);
  drainOnSignals(app, config.shutdownTimeoutMs, logger);
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.log(`Listening on http://${config.http.host}:${config.http.port} as APP_ROLE=${config.role}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Contexor failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
