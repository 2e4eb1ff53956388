import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import { GenerationQueue } from '../ports/generation-queue';
import { RunningGenerations, type RunningGeneration } from '../ports/running-generations';
import { FailGenerationUseCase } from './fail-generation.use-case';
import { errorSummary } from './support';

export interface RecoverLostGenerationsInput {
  /** Generations younger than this are left alone: their job may be held or about to start. */
  graceMs: number;
  /** At most this many contents per run; the next run takes the rest. */
  batchSize?: number;
}

export interface RecoveryReport {
  checked: number;
  recovered: number;
}

/**
 * The safety net under BullMQ's own recovery. A worker that dies mid-job loses its lock and the job
 * is run again by another worker (stall detection), so a content is normally never stuck. What that
 * cannot cover is a job that is gone — removed by hand, lost with a Redis failover or flush — or a
 * job that ended without the content hearing of it. Those contents are failed here with
 * `worker_lost`, which returns them to the state they left and releases or settles their usage.
 */
@Injectable()
export class RecoverLostGenerationsUseCase {
  private readonly logger = new Logger(RecoverLostGenerationsUseCase.name);

  constructor(
    private readonly running: RunningGenerations,
    private readonly queue: GenerationQueue,
    private readonly fail: FailGenerationUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(input: RecoverLostGenerationsInput): Promise<RecoveryReport> {
    const startedBefore = new Date(this.clock.now().getTime() - input.graceMs);
    const candidates = await this.running.startedBefore(startedBefore, input.batchSize ?? 100);
    let recovered = 0;
    for (const generation of candidates) {
      if (await this.recover(generation)) recovered += 1;
    }
    if (recovered > 0)
      this.logger.warn({ checked: candidates.length, recovered }, 'Lost generations returned to their previous state');
    return { checked: candidates.length, recovered };
  }

  private async recover(generation: RunningGeneration): Promise<boolean> {
    try {
      const job = await this.queue.inspect(generation.jobId);
      // Waiting, held or running: BullMQ still owns it (a dead worker's job comes back through stall detection).
      if (job.state !== 'gone' && job.state !== 'completed' && job.state !== 'failed') return false;
      await this.fail.execute({
        contentId: generation.contentId,
        organizationId: generation.organizationId,
        jobId: generation.jobId,
        // Generate requests reserve under the job's id: without the job, that id still finds the reservation.
        reservationId: job.input?.reservationId ?? generation.jobId,
        requestedBy: job.input?.requestedBy ?? generation.createdBy,
        failure: { code: 'worker_lost', kind: 'transient' },
      });
      return true;
    } catch (error) {
      this.logger.error(
        { contentId: generation.contentId, jobId: generation.jobId, err: errorSummary(error) },
        'Could not recover a lost generation',
      );
      return false;
    }
  }
}
