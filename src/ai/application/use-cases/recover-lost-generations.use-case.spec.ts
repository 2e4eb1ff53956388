import type { Clock } from '#libs/ddd';
import type { GenerationQueue, QueuedGeneration } from '../ports/generation-queue';
import { RunningGenerations, type RunningGeneration } from '../ports/running-generations';
import type { FailGenerationUseCase } from './fail-generation.use-case';
import { RecoverLostGenerationsUseCase } from './recover-lost-generations.use-case';

const NOW = new Date('2026-11-24T12:00:00Z');

class ListedGenerations extends RunningGenerations {
  asked: { moment: Date; limit: number } | undefined;
  constructor(private readonly generations: RunningGeneration[]) {
    super();
  }
  async startedBefore(moment: Date, limit: number): Promise<RunningGeneration[]> {
    this.asked = { moment, limit };
    return this.generations.filter((generation) => generation.startedAt < moment).slice(0, limit);
  }
}

const running = (jobId: string, minutesAgo: number): RunningGeneration => ({
  contentId: `content-${jobId}`,
  organizationId: 'org-1',
  jobId,
  startedAt: new Date(NOW.getTime() - minutesAgo * 60_000),
  createdBy: 'author-1',
});

function setUp(generations: RunningGeneration[], jobs: Record<string, QueuedGeneration>) {
  const listed = new ListedGenerations(generations);
  const queue = { inspect: jest.fn(async (jobId: string) => jobs[jobId] ?? { state: 'gone' }) };
  const fail = { execute: jest.fn(async () => ({ status: 'DRAFT' })) };
  const clock: Clock = { now: () => NOW };
  const useCase = new RecoverLostGenerationsUseCase(
    listed,
    queue as unknown as GenerationQueue,
    fail as unknown as FailGenerationUseCase,
    clock,
  );
  return { useCase, listed, queue, fail };
}

describe('RecoverLostGenerationsUseCase', () => {
  it('asks only for generations older than the grace period', async () => {
    const { useCase, listed } = setUp([], {});

    await useCase.execute({ graceMs: 120_000, batchSize: 50 });

    expect(listed.asked).toEqual({ moment: new Date(NOW.getTime() - 120_000), limit: 50 });
  });

  it('fails a generation whose job is gone as worker_lost, releasing the reservation named after the job', async () => {
    const { useCase, fail } = setUp([running('job-gone', 10)], {});

    const report = await useCase.execute({ graceMs: 120_000 });

    expect(report).toEqual({ checked: 1, recovered: 1 });
    expect(fail.execute).toHaveBeenCalledWith({
      contentId: 'content-job-gone',
      organizationId: 'org-1',
      jobId: 'job-gone',
      reservationId: 'job-gone',
      requestedBy: 'author-1',
      failure: { code: 'worker_lost', kind: 'transient' },
    });
  });

  it('uses the payload of a job that ended without the content hearing of it', async () => {
    const input = {
      contentId: 'content-job-done',
      organizationId: 'org-1',
      reservationId: 'reservation-9',
      requestedBy: 'editor-7',
    };
    const { useCase, fail } = setUp([running('job-done', 10)], { 'job-done': { state: 'completed', input } });

    await useCase.execute({ graceMs: 120_000 });

    expect(fail.execute).toHaveBeenCalledWith(
      expect.objectContaining({ jobId: 'job-done', reservationId: 'reservation-9', requestedBy: 'editor-7' }),
    );
  });

  it.each(['waiting', 'delayed', 'active'] as const)('leaves a %s job to BullMQ', async (state) => {
    const { useCase, fail } = setUp([running('job-1', 10)], { 'job-1': { state } });

    const report = await useCase.execute({ graceMs: 120_000 });

    expect(report).toEqual({ checked: 1, recovered: 0 });
    expect(fail.execute).not.toHaveBeenCalled();
  });

  it('goes on with the others when one cannot be recovered', async () => {
    const { useCase, fail } = setUp([running('job-a', 20), running('job-b', 10)], {});
    fail.execute.mockRejectedValueOnce(new Error('database down'));

    const report = await useCase.execute({ graceMs: 120_000 });

    expect(report).toEqual({ checked: 2, recovered: 1 });
    expect(fail.execute).toHaveBeenCalledTimes(2);
  });
});
