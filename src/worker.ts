import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#libs/config';
import { rootModuleFor } from './app.module';
import { drainOnSignals } from './bootstrap/drain-on-signals';
import { loadConfigOrExit } from './bootstrap/load-config-or-exit';
import { prepareDatabase } from './bootstrap/prepare-database';

/** Runs the queue processors with no HTTP server (`APP_ROLE=worker`). */
export async function startWorker(config: AppConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(rootModuleFor(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  drainOnSignals(app, config.shutdownTimeoutMs, logger);
  await app.init();
  logger.log('Worker started', 'Bootstrap');
}

if (require.main === module) {
  const config = loadConfigOrExit({ ...process.env, APP_ROLE: 'worker' });
  prepareDatabase(config, (message) => process.stdout.write(`${message}\n`))
    .then(() => startWorker(config))
    .catch((error: unknown) => {
      process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
