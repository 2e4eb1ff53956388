import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { AppConfig } from '#libs/config';
import {
  RecoverLostGenerationsUseCase,
  type RecoveryReport,
} from '../../application/use-cases/generation/recover-lost-generations.use-case';
import { GENERATION_MAINTENANCE_QUEUE, RECOVER_LOST_GENERATIONS_JOB } from './generation.queue';
import { GenerationMetrics } from '../prometheus/generation-metrics';

/**
 * Runs the recovery of lost generations every `AI_RECOVERY_INTERVAL_MS`. A BullMQ job scheduler,
 * so that however many worker processes run, one recovery runs per interval. The generations it
 * fails count as failed (`worker_lost`).
 */
@Processor(GENERATION_MAINTENANCE_QUEUE)
export class GenerationRecoveryProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(GenerationRecoveryProcessor.name);
  private readonly metrics: GenerationMetrics;

  constructor(
    @InjectQueue(GENERATION_MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly recover: RecoverLostGenerationsUseCase,
    private readonly config: AppConfig,
    registry: Registry,
  ) {
    super();
    this.metrics = new GenerationMetrics(registry);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RECOVER_LOST_GENERATIONS_JOB,
      { every: this.config.ai.recoveryIntervalMs },
      { name: RECOVER_LOST_GENERATIONS_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  async process(job: Job): Promise<RecoveryReport | undefined> {
    if (job.name !== RECOVER_LOST_GENERATIONS_JOB) {
      this.logger.warn({ job: job.name }, 'Unknown generation maintenance job ignored');
      return undefined;
    }
    const report = await this.recover.execute({ graceMs: this.config.ai.recoveryGraceMs });
    this.metrics.lost(report.recovered);
    return report;
  }
}
