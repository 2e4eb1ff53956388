import { Logger } from '@nestjs/common';
import { DomainError } from '#libs/ddd';
import { makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts } from '../../../../../test/fakes/content/content-ports';
import {
  FakeBudget,
  fakeAiGateway,
  InMemoryGenerationAnswers,
  InMemoryGenerationQueue,
} from '../../../../../test/fakes/content/generation-fakes';
import type { ContentStatus } from '../../../domain/content-status';
import { GenerationQueueUnavailableError, RequestGenerationUseCase } from './request-generation.use-case';

describe('RequestGenerationUseCase', () => {
  beforeAll(() => Logger.overrideLogger(false));

  async function setUp(status: ContentStatus = 'DRAFT') {
    const ports = contentPorts();
    const budget = new FakeBudget();
    const queue = new InMemoryGenerationQueue();
    const answers = new InMemoryGenerationAnswers();
    const ai = fakeAiGateway();
    const content = await ports.store(makeContentIn(status, { organizationId: ports.organizationId }));
    const useCase = new RequestGenerationUseCase(
      ports.contents,
      ports.policies,
      ai.estimate,
      budget.reserve,
      budget.release,
      queue,
      answers,
      ai.publish,
      ports.clock,
    );
    const request = (idempotencyKey?: string) =>
      useCase.execute(ports.editor.actor, {
        contentId: content.id,
        organizationId: ports.organizationId,
        idempotencyKey,
      });
    const stored = () => ports.contents.findByIdInOrganization(ports.organizationId, content.id);
    return { ports, budget, queue, answers, ai, content, request, stored };
  }

  it('reserves under the job id, starts the content for that job, then queues it with the same id', async () => {
    const { budget, queue, ai, content, request, stored } = await setUp('REJECTED');

    const answer = await request();

    expect(answer).toEqual({ contentId: content.id, jobId: expect.any(String), status: 'IN_PROGRESS' });
    expect(budget.statusOf(answer.jobId)).toBe('RESERVED');
    expect((await stored())?.isRunningJob(answer.jobId)).toBe(true);
    expect(queue.jobs.get(answer.jobId)?.job).toEqual({
      contentId: content.id,
      organizationId: content.organizationId,
      reservationId: answer.jobId,
      requestedBy: expect.any(String),
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ai.events.eventsOf(content.id)).toEqual([
      { type: 'status', status: 'IN_PROGRESS', lastError: null, jobId: answer.jobId, id: '1-0' },
    ]);
  });

  it('reads the content once, beside the policy, and starts it over that read before anything is reserved', async () => {
    const { ports, request } = await setUp();
    await request();
    expect(ports.contents.calls).toEqual({ findByIdInOrganization: 1, findForGeneration: 0, update: 1 });
    expect(ports.contents.rowReads).toBe(1);
  });

  it('takes the start back and releases the reservation when the queue does not answer: 503, content unchanged', async () => {
    const { budget, queue, request, stored, ai, content } = await setUp('REVIEW');
    queue.failWith = new Error('Command timed out');

    const error = await request().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GenerationQueueUnavailableError);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', kind: 'unavailable', retryAfterSeconds: 5 });
    expect((await stored())?.snapshot()).toMatchObject({ status: 'REVIEW', lastError: null, resumeStatus: null });
    expect([...budget.reservations.values()].map((r) => r.status)).toEqual(['RELEASED']);
    expect(ai.events.eventsOf(content.id)).toEqual([]);
  });

  it('refuses a running or approved content before reserving anything', async () => {
    for (const [status, code] of [
      ['IN_PROGRESS', 'CONTENT_BUSY'],
      ['APPROVED', 'CONTENT_INVALID_TRANSITION'],
    ] as const) {
      const { budget, queue, request } = await setUp(status);
      await expect(request()).rejects.toMatchObject({ code });
      expect(budget.reservations.size).toBe(0);
      expect(queue.jobs.size).toBe(0);
    }
  });

  it('refuses a prompt with personal data where the policy says so, before reserving anything', async () => {
    const { ports, budget, request, content } = await setUp();
    await ports.policies.save({ ...(await ports.policies.find(ports.organizationId)), blockPromptsWithPii: true });
    await ports.contents.update(ports.organizationId, content.id, (c) =>
      c.editManually({ prompt: 'به ۰۹۱۲۳۴۵۶۷۸۹ زنگ بزن و یک متن بنویس' }, 'u', new Date()),
    );
    await expect(request()).rejects.toMatchObject({ code: 'PROMPT_CONTAINS_PII' });
    expect(budget.reservations.size).toBe(0);
  });

  it('takes the start back when the reservation is refused, leaving the content as it was', async () => {
    const { budget, queue, request, stored } = await setUp('REJECTED');
    budget.refuseWith = new DomainError('USAGE_LIMIT_EXCEEDED', 'limit', 'over the limit');
    await expect(request()).rejects.toMatchObject({ code: 'USAGE_LIMIT_EXCEEDED' });
    expect((await stored())?.snapshot()).toMatchObject({ status: 'REJECTED', lastError: null });
    expect(queue.jobs.size).toBe(0);
  });

  it('answers a repeated Idempotency-Key with the first answer and starts nothing', async () => {
    const { queue, request } = await setUp();
    const first = await request('key-1');
    const again = await request('key-1');
    expect(again).toEqual(first);
    expect(queue.jobs.size).toBe(1);
  });

  it('frees the key when the first request fails, so that it can be used again', async () => {
    const { queue, answers, request } = await setUp();
    queue.failWith = new Error('Connection is closed.');
    await expect(request('key-2')).rejects.toBeInstanceOf(GenerationQueueUnavailableError);
    expect(answers.stored.size).toBe(0);
    queue.failWith = undefined;
    await expect(request('key-2')).resolves.toMatchObject({ status: 'IN_PROGRESS' });
  });
});
