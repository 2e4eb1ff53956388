import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#libs/config';
import { rootModuleFor } from './app.module';
import { drainOnSignals } from './bootstrap/drain-on-signals';
import { loadConfigWithServicesOrExit } from './bootstrap/load-config-or-exit';
import { prepareDatabase } from './bootstrap/prepare-database';

/** Runs the queue processors with no HTTP server (`APP_ROLE=worker`); `afterClose` runs once they have drained. */
export async function startWorker(config: AppConfig, afterClose?: () => Promise<void>): Promise<void> {
  const app = await NestFactory.createApplicationContext(rootModuleFor(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  drainOnSignals(app, config.shutdownTimeoutMs, logger, afterClose);
  await app.init();
  logger.log('Worker started', 'Bootstrap');
}

if (require.main === module) {
  const log = (message: string) => process.stdout.write(`${message}\n`);
  loadConfigWithServicesOrExit({ ...process.env, APP_ROLE: 'worker' }, log)
    .then(async ({ config, services }) => {
      await prepareDatabase(config, log);
      await startWorker(config, services.stop);
    })
    .catch((error: unknown) => {
      process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
