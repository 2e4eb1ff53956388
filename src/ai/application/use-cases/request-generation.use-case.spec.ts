import type { EnqueueGenerationUseCase } from './enqueue-generation.use-case';
import type { EstimateGenerationTokensUseCase } from './estimate-generation-tokens.use-case';
import { RequestGenerationUseCase } from './request-generation.use-case';
import type { GetGenerationRequestUseCase, OpenTransaction, StartGenerationUseCase } from '../../../content';
import type { ReleaseGenerationBudgetUseCase, ReserveGenerationBudgetUseCase } from '../../../usage';
import { GenerationAnswers, type AnswerClaim, type RequestedGeneration } from '../ports/generation-answers';
import type { GenerationQueue } from '../ports/generation-queue';
import { GenerationTransactions } from '../ports/generation-transactions';

class InMemoryAnswers extends GenerationAnswers {
  readonly stored = new Map<string, RequestedGeneration | 'pending'>();
  async claim(organizationId: string, key: string): Promise<AnswerClaim> {
    const current = this.stored.get(`${organizationId}:${key}`);
    if (current === undefined) {
      this.stored.set(`${organizationId}:${key}`, 'pending');
      return { claimed: true };
    }
    return { claimed: false, answer: current === 'pending' ? null : current };
  }
  async store(organizationId: string, key: string, answer: RequestedGeneration): Promise<void> {
    this.stored.set(`${organizationId}:${key}`, answer);
  }
  async forget(organizationId: string, key: string): Promise<void> {
    if (this.stored.get(`${organizationId}:${key}`) === 'pending') this.stored.delete(`${organizationId}:${key}`);
  }
}

/** Records whether the work committed or rolled back. */
class RecordingTransactions extends GenerationTransactions {
  outcome: 'committed' | 'rolled back' | undefined;
  async run<T>(work: (transaction: OpenTransaction) => Promise<T>): Promise<T> {
    try {
      const result = await work({ manager: 'tx' });
      this.outcome = 'committed';
      return result;
    } catch (error) {
      this.outcome = 'rolled back';
      throw error;
    }
  }
}

function setUp(status = 'DRAFT') {
  const calls: string[] = [];
  const get = {
    execute: jest.fn(async () => ({
      contentId: 'c1',
      organizationId: 'o1',
      projectId: 'p1',
      prompt: 'Hi',
      model: 'gpt-4.1-mini',
      maxTokens: 100,
      status,
      generationJobId: null,
    })),
  };
  const estimate = {
    execute: jest.fn(async () => ({ promptTokens: 5, maxCompletionTokens: 100, worstCaseTokens: 105 })),
  };
  const start = {
    execute: jest.fn(
      async (_input: { jobId: string }, within?: OpenTransaction) =>
        void calls.push(`start in ${String(within?.manager)}`),
    ),
  };
  const reserve = { execute: jest.fn(async () => (calls.push('reserve'), { reservationId: 'r1' })) };
  const release = { execute: jest.fn(async () => (calls.push('release'), { released: true })) };
  const enqueue = {
    execute: jest.fn(
      async (_input: unknown, options: { jobId?: string }) => (calls.push('enqueue'), { jobId: options.jobId ?? '' }),
    ),
  };
  const queue = {
    release: jest.fn(async () => void calls.push('release job')),
    discard: jest.fn(async () => void calls.push('discard job')),
  };
  const transactions = new RecordingTransactions();
  const answers = new InMemoryAnswers();
  const useCase = new RequestGenerationUseCase(
    get as unknown as GetGenerationRequestUseCase,
    estimate as unknown as EstimateGenerationTokensUseCase,
    start as unknown as StartGenerationUseCase,
    reserve as unknown as ReserveGenerationBudgetUseCase,
    release as unknown as ReleaseGenerationBudgetUseCase,
    enqueue as unknown as EnqueueGenerationUseCase,
    queue as unknown as GenerationQueue,
    transactions,
    answers,
  );
  return { useCase, calls, start, enqueue, reserve, transactions, answers };
}

const actor = { userId: 'u1' };

describe('RequestGenerationUseCase', () => {
  it('reserves, starts in the transaction, queues the same job last and lets it run after the commit', async () => {
    const { useCase, calls, start, enqueue, reserve, transactions } = setUp();

    const answer = await useCase.execute(actor, { contentId: 'c1', organizationId: 'o1' });

    expect(answer).toEqual({ contentId: 'c1', jobId: expect.any(String), status: 'IN_PROGRESS' });
    expect(calls).toEqual(['reserve', 'start in tx', 'enqueue', 'release job']);
    expect(start.execute.mock.calls[0][0].jobId).toBe(answer.jobId);
    // Reserved under the job's id, so that a lost job's reservation can still be found and released.
    expect(reserve.execute).toHaveBeenCalledWith(expect.objectContaining({ reservationId: answer.jobId }));
    expect(enqueue.execute.mock.calls[0][1]).toMatchObject({ jobId: answer.jobId, holdMs: expect.any(Number) });
    expect(transactions.outcome).toBe('committed');
  });

  it('rolls back and releases the reservation when queuing fails', async () => {
    const { useCase, calls, enqueue, transactions } = setUp();
    enqueue.execute.mockRejectedValueOnce(new Error('redis down'));

    await expect(useCase.execute(actor, { contentId: 'c1', organizationId: 'o1' })).rejects.toThrow('redis down');

    expect(transactions.outcome).toBe('rolled back');
    expect(calls).toEqual(['reserve', 'start in tx', 'release']);
  });

  it('releases the reservation when the start is refused', async () => {
    const { useCase, calls, start } = setUp();
    start.execute.mockRejectedValueOnce(Object.assign(new Error('busy'), { code: 'CONTENT_BUSY' }));

    await expect(useCase.execute(actor, { contentId: 'c1', organizationId: 'o1' })).rejects.toThrow('busy');

    expect(calls).toEqual(['reserve', 'release']);
  });

  it('refuses a running content with CONTENT_BUSY before reserving anything', async () => {
    const { useCase, reserve } = setUp('IN_PROGRESS');

    await expect(useCase.execute(actor, { contentId: 'c1', organizationId: 'o1' })).rejects.toMatchObject({
      code: 'CONTENT_BUSY',
    });

    expect(reserve.execute).not.toHaveBeenCalled();
  });

  it('answers a repeated Idempotency-Key with the first answer and starts nothing', async () => {
    const { useCase, start } = setUp();

    const first = await useCase.execute(actor, { contentId: 'c1', organizationId: 'o1', idempotencyKey: 'k' });
    const repeat = await useCase.execute(actor, { contentId: 'c1', organizationId: 'o1', idempotencyKey: 'k' });

    expect(repeat).toEqual(first);
    expect(start.execute).toHaveBeenCalledTimes(1);
  });

  it('frees the key when the first request fails', async () => {
    const { useCase, answers, reserve } = setUp();
    reserve.execute.mockRejectedValueOnce(Object.assign(new Error('limit'), { code: 'USAGE_LIMIT_EXCEEDED' }));

    await expect(
      useCase.execute(actor, { contentId: 'c1', organizationId: 'o1', idempotencyKey: 'k' }),
    ).rejects.toThrow('limit');

    expect(answers.stored.size).toBe(0);
  });
});
