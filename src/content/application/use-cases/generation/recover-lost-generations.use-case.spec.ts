import { Logger } from '@nestjs/common';
import { generationKit } from '../../../../../test/fakes/content/generation-kit';

const GRACE = 120_000;

describe('RecoverLostGenerationsUseCase', () => {
  beforeAll(() => Logger.overrideLogger(false));

  async function lostKit() {
    const kit = await generationKit();
    kit.ports.clock.advance(GRACE + 1);
    return kit;
  }

  it('leaves a generation younger than the grace period alone, whatever its job', async () => {
    const kit = await generationKit();
    await expect(kit.recover.execute({ graceMs: GRACE })).resolves.toEqual({ checked: 0, recovered: 0, released: 0 });
    expect((await kit.stored())?.status).toBe('IN_PROGRESS');
  });

  it('fails a generation whose job is gone as worker_lost, releasing its reservation', async () => {
    const kit = await lostKit();
    await expect(kit.recover.execute({ graceMs: GRACE })).resolves.toMatchObject({ checked: 1, recovered: 1 });
    expect((await kit.stored())?.snapshot()).toMatchObject({ status: 'DRAFT', lastError: { code: 'WORKER_LOST' } });
    expect(kit.budget.statusOf(kit.jobId)).toBe('RELEASED');
  });

  it('leaves a generation whose job still waits in the queue, however long, and its reservation holds', async () => {
    const kit = await lostKit();
    await kit.queue.enqueue(kit.jobId, kit.job);
    kit.ports.clock.advance(24 * 3_600_000);
    await expect(kit.recover.execute({ graceMs: GRACE })).resolves.toEqual({ checked: 1, recovered: 0, released: 0 });
    expect((await kit.stored())?.status).toBe('IN_PROGRESS');
    expect(kit.budget.statusOf(kit.jobId)).toBe('RESERVED');
  });

  it('uses the payload of a job that ended without the content hearing of it', async () => {
    const kit = await lostKit();
    await kit.queue.enqueue(kit.jobId, kit.job);
    kit.queue.jobs.get(kit.jobId)!.state = 'completed';
    await kit.recover.execute({ graceMs: GRACE });
    expect((await kit.stored())?.status).toBe('DRAFT');
  });

  it('releases a reservation whose generation never started and whose job will never run', async () => {
    const kit = await lostKit();
    await kit.budget.reserve.execute({
      reservationId: 'orphan',
      organizationId: kit.ports.organizationId,
      userId: kit.job.requestedBy,
      model: 'gpt-4.1-mini',
      promptTokens: 1,
      maxTokens: 1,
    });
    await kit.budget.reserve.execute({
      reservationId: 'queued',
      organizationId: kit.ports.organizationId,
      userId: kit.job.requestedBy,
      model: 'gpt-4.1-mini',
      promptTokens: 1,
      maxTokens: 1,
    });
    await kit.queue.enqueue('queued', { ...kit.job, reservationId: 'queued' });
    await kit.queue.enqueue(kit.jobId, kit.job);

    await expect(kit.recover.execute({ graceMs: GRACE })).resolves.toMatchObject({ released: 1 });
    expect(kit.budget.statusOf('orphan')).toBe('RELEASED');
    expect(kit.budget.statusOf('queued')).toBe('RESERVED');
    // The running content's own reservation holds: its content still waits for the job.
    expect(kit.budget.statusOf(kit.jobId)).toBe('RESERVED');
  });
});
