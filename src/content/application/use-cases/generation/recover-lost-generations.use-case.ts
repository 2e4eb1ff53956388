import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '#libs/ddd';
import { errorSummary } from '#libs/logging';
import { ListHeldReservationsUseCase, ReleaseGenerationBudgetUseCase } from '../../../../usage';
import { ContentRepository, type RunningGeneration } from '../../ports/content.repository';
import { GenerationQueue, isOver } from '../../ports/generation-queue';
import { FailGenerationUseCase } from './fail-generation.use-case';

export interface RecoverLostGenerationsInput {
  /** Generations and reservations younger than this are left alone: their job may be on its way. */
  graceMs: number;
  /** At most this many of each per run; the next run takes the rest. */
  batchSize?: number;
}

export interface RecoveryReport {
  checked: number;
  recovered: number;
  /** Reservations of generations that never started (e.g. a crash between reserving and starting). */
  released: number;
}

/**
 * The safety net under BullMQ's own recovery. A worker that dies mid-job loses its lock and the job
 * runs again elsewhere (stall detection), so a content is normally never stuck, and a reservation
 * holds for as long as its job can still run, however long it waits. What that cannot cover:
 * - a job that is gone (removed by hand, lost with a Redis failover or flush) or ended without the
 *   content hearing of it: the content is failed with `worker_lost`, which returns it to the state
 *   it left and ends its reservation;
 * - a reservation whose generation never started and whose job will never run: released.
 */
@Injectable()
export class RecoverLostGenerationsUseCase {
  private readonly logger = new Logger(RecoverLostGenerationsUseCase.name);

  constructor(
    private readonly contents: ContentRepository,
    private readonly queue: GenerationQueue,
    private readonly fail: FailGenerationUseCase,
    private readonly listHeld: ListHeldReservationsUseCase,
    private readonly releaseBudget: ReleaseGenerationBudgetUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(input: RecoverLostGenerationsInput): Promise<RecoveryReport> {
    const before = new Date(this.clock.now().getTime() - input.graceMs);
    const limit = input.batchSize ?? 100;
    const running = await this.contents.findRunningGenerations(before, limit);
    let recovered = 0;
    for (const generation of running) if (await this.recover(generation)) recovered += 1;
    const released = await this.releaseOrphans(before, limit);
    if (recovered > 0 || released > 0)
      this.logger.warn({ checked: running.length, recovered, released }, 'Lost generations ended');
    return { checked: running.length, recovered, released };
  }

  private async recover(generation: RunningGeneration): Promise<boolean> {
    try {
      const queued = await this.queue.inspect(generation.jobId);
      // Waiting, delayed or running: BullMQ still owns it (a dead worker's job comes back through stall detection).
      if (!isOver(queued.state)) return false;
      await this.fail.execute({
        jobId: generation.jobId,
        job: queued.job ?? {
          contentId: generation.contentId,
          organizationId: generation.organizationId,
          reservationId: generation.jobId,
          requestedBy: generation.createdBy,
        },
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

  private async releaseOrphans(before: Date, limit: number): Promise<number> {
    const held = await this.listHeld.execute({ createdBefore: before, limit });
    if (!held.length) return 0;
    const running = await this.contents.findRunningJobIds(held.map((reservation) => reservation.reservationId));
    let released = 0;
    for (const { reservationId } of held) {
      if (running.has(reservationId)) continue;
      try {
        if (!isOver((await this.queue.inspect(reservationId)).state)) continue;
        if ((await this.releaseBudget.execute(reservationId)).released) released += 1;
      } catch (error) {
        this.logger.error({ reservationId, err: errorSummary(error) }, 'Could not release an orphaned reservation');
      }
    }
    return released;
  }
}
