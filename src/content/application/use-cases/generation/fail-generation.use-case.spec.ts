import { Logger } from '@nestjs/common';
import { generationKit } from '../../../../../test/fakes/content/generation-kit';

const call = {
  responseId: 'chatcmpl-done',
  model: 'gpt-4.1-mini',
  body: 'متن',
  finishReason: 'stop',
  usage: { promptTokens: 5, completionTokens: 2, cachedTokens: 0, totalTokens: 7 },
  usageEstimated: false,
};

describe('FailGenerationUseCase', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('returns the content to the state it left with lastError, releases the reservation and tells everyone', async () => {
    const kit = await generationKit(undefined, 'IN_PROGRESS');

    await expect(
      kit.fail.execute({ job: kit.job, jobId: kit.jobId, failure: { code: 'insufficient_quota', kind: 'permanent' } }),
    ).resolves.toEqual({ status: 'DRAFT' });

    expect((await kit.stored())?.snapshot()).toMatchObject({
      status: 'DRAFT',
      lastError: { code: 'INSUFFICIENT_QUOTA', message: expect.stringContaining('quota') },
    });
    expect(kit.budget.statusOf(kit.jobId)).toBe('RELEASED');
    expect(kit.budget.records.size).toBe(0);
    expect(kit.ports.events.published.map((event) => event.type)).toEqual(['content.generation_failed']);
    expect(kit.ai.events.eventsOf(kit.content.id).map((event) => event.type)).toEqual(['error', 'status']);
  });

  it('records a call that did complete instead of releasing its reservation', async () => {
    const kit = await generationKit();
    await kit.calls.remember(kit.jobId, call);
    await kit.fail.execute({ job: kit.job, jobId: kit.jobId, failure: { code: 'internal', kind: 'permanent' } });
    expect(kit.budget.records.has('chatcmpl-done')).toBe(true);
    expect(kit.budget.statusOf(kit.jobId)).toBe('SETTLED');
  });

  it('is harmless the second time: nothing changes and nothing is announced again', async () => {
    const kit = await generationKit();
    const input = { job: kit.job, jobId: kit.jobId, failure: { code: 'worker_lost', kind: 'transient' } } as const;
    await kit.fail.execute(input);
    await kit.fail.execute(input);
    expect(kit.ports.events.published).toHaveLength(1);
    expect((await kit.stored())?.status).toBe('DRAFT');
  });

  it('takes the content out of IN_PROGRESS even when recording the call fails', async () => {
    const kit = await generationKit();
    await kit.calls.remember(kit.jobId, call);
    kit.budget.settleFailures = 1;
    await expect(
      kit.fail.execute({ job: kit.job, jobId: kit.jobId, failure: { code: 'internal', kind: 'permanent' } }),
    ).rejects.toThrow('database unavailable');
    expect((await kit.stored())?.status).toBe('DRAFT');
  });
});
