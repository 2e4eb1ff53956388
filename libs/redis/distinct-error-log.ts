import { Logger } from '@nestjs/common';

/**
 * Logs connection errors once per distinct message while an outage lasts, instead of once per
 * reconnect attempt and connection; `recovered()` ends the outage with one line, so that the next
 * one is logged again.
 */
export class DistinctErrorLog {
  private readonly logger: Logger;
  private readonly seen = new Set<string>();

  constructor(context: string) {
    this.logger = new Logger(context);
  }

  report(source: string, error: Error): void {
    if (this.seen.has(error.message)) return;
    this.seen.add(error.message);
    this.logger.error(
      { source, err: { message: error.message, code: (error as Error & { code?: string }).code } },
      `Redis error in ${source}`,
    );
  }

  recovered(source: string): void {
    if (this.seen.size === 0) return;
    this.seen.clear();
    this.logger.log({ source }, `Redis reachable again (${source})`);
  }
}
