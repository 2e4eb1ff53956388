import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '#libs/config';
import { AnnounceOverdueReviewsUseCase } from '../../application/use-cases/reviews/announce-overdue-reviews.use-case';
import { ANNOUNCE_OVERDUE_REVIEWS_JOB, REVIEW_MAINTENANCE_QUEUE } from './review.queue';

/**
 * Announces overdue reviews every `REVIEW_OVERDUE_POLL_MS`. A BullMQ job scheduler, so one scan runs
 * per interval however many worker processes run; the scan's claim makes each announcement once even
 * if two did run at the same time.
 */
@Processor(REVIEW_MAINTENANCE_QUEUE)
export class ReviewOverdueProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReviewOverdueProcessor.name);

  constructor(
    @InjectQueue(REVIEW_MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly announce: AnnounceOverdueReviewsUseCase,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ANNOUNCE_OVERDUE_REVIEWS_JOB,
      { every: this.config.reviews.overduePollMs },
      { name: ANNOUNCE_OVERDUE_REVIEWS_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  async process(job: Job): Promise<{ announced: number } | undefined> {
    if (job.name !== ANNOUNCE_OVERDUE_REVIEWS_JOB) {
      this.logger.warn({ job: job.name }, 'Unknown review maintenance job ignored');
      return undefined;
    }
    const report = await this.announce.execute();
    if (report.announced) this.logger.log({ announced: report.announced }, 'Overdue reviews announced');
    return report;
  }
}
