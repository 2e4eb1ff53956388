import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { CleanUpExpiredAuthStateUseCase } from '../../application/use-cases/clean-up-expired-auth-state.use-case';
import { ACCOUNTS_MAINTENANCE_QUEUE, CLEAN_UP_EVERY_MS, CLEAN_UP_EXPIRED_AUTH_JOB } from './accounts.queue';

/**
 * Hourly clean-up of expired auth state. A BullMQ job scheduler rather than a cron timer, so that
 * with several worker processes it still runs once per hour, not once per process.
 */
@Processor(ACCOUNTS_MAINTENANCE_QUEUE)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectQueue(ACCOUNTS_MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly cleanUp: CleanUpExpiredAuthStateUseCase,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      CLEAN_UP_EXPIRED_AUTH_JOB,
      { every: CLEAN_UP_EVERY_MS },
      { name: CLEAN_UP_EXPIRED_AUTH_JOB },
    );
  }

  async process(job: Job): Promise<number> {
    if (job.name !== CLEAN_UP_EXPIRED_AUTH_JOB) return 0;
    const deleted = await this.cleanUp.execute();
    this.logger.log({ deleted }, 'Expired refresh tokens removed');
    return deleted;
  }
}
