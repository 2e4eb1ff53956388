import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * SIGTERM/SIGINT: stop accepting requests, let in-flight requests and jobs finish, close
 * connections, then `afterClose` (the local PostgreSQL and Redis that start-up started, if any), exit 0.
 * A drain that outlives `timeoutMs` exits 1 rather than hang forever.
 */
export function drainOnSignals(
  app: INestApplicationContext,
  timeoutMs: number,
  logger: LoggerService,
  afterClose: () => Promise<void> = () => Promise.resolve(),
): void {
  let draining = false;
  const drain = async (signal: NodeJS.Signals): Promise<void> => {
    if (draining) return;
    draining = true;
    logger.log(`${signal} received: draining`, 'Shutdown');
    const deadline = setTimeout(() => {
      logger.error(`Drain did not finish within ${timeoutMs} ms; exiting`, undefined, 'Shutdown');
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    try {
      await app.close();
      await afterClose();
      logger.log('Stopped cleanly', 'Shutdown');
      process.exit(0);
    } catch (error) {
      logger.error('Shutdown failed', error instanceof Error ? error.stack : String(error), 'Shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void drain(signal));
  process.once('SIGINT', (signal) => void drain(signal));
}
