import { Logger } from '@nestjs/common';
import {
  InMemoryCompletedCalls,
  InMemoryGenerationEvents,
  InMemoryGenerationSource,
  makeGenerationRequest,
  RecordingGenerationOutcome,
  ScriptedLlmClient,
  type LlmScriptStep,
} from '../../../../test/fakes/ai/in-memory-generation-ports';
import { GenerationFailure, LlmError } from '../../domain/generation.errors';
import { FailGenerationUseCase } from './fail-generation.use-case';
import { GenerateContentUseCase, type GenerateContentInput } from './generate-content.use-case';

const JOB = 'job-1';

function setUp(script: LlmScriptStep[], request = makeGenerationRequest()) {
  const source = new InMemoryGenerationSource(request);
  const llm = new ScriptedLlmClient(script);
  const events = new InMemoryGenerationEvents();
  const outcome = new RecordingGenerationOutcome(source);
  const calls = new InMemoryCompletedCalls();
  const generate = new GenerateContentUseCase(source, llm, events, outcome, calls);
  const fail = new FailGenerationUseCase(outcome, calls, events);
  const input = (attempt = 1, overrides: Partial<GenerateContentInput> = {}): GenerateContentInput => ({
    contentId: request.contentId,
    organizationId: request.organizationId,
    jobId: JOB,
    reservationId: 'reservation-1',
    requestedBy: 'user-1',
    attempt,
    maxAttempts: 5,
    ...overrides,
  });
  const eventTypes = () => events.eventsOf(request.contentId).map((event) => event.type);
  return { request, source, llm, events, outcome, calls, generate, fail, input, eventTypes };
}

const rateLimited = () =>
  new LlmError('transient', 'rate_limited', 'OpenAI 429 error rate_limit_exceeded (rate_limited)', {
    status: 429,
    retryAfterMs: 7000,
  });
const noQuota = () =>
  new LlmError('permanent', 'insufficient_quota', 'OpenAI 429 error insufficient_quota (insufficient_quota)', {
    status: 429,
  });

describe('GenerateContentUseCase', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('streams the answer, records the outcome with the call and usage, and announces it', async () => {
    const t = setUp([{ pieces: ['سلام ', 'دنیا ', 'زیبا'] }]);

    const result = await t.generate.execute(t.input());

    expect(result).toEqual({ outcome: 'completed', responseId: 'chatcmpl-1', status: 'REVIEW', recovered: false });
    expect(t.llm.requests).toEqual([expect.objectContaining({ model: 'gpt-4.1-mini', messages: t.request.messages })]);
    expect(t.outcome.completions).toEqual([
      {
        contentId: t.request.contentId,
        organizationId: t.request.organizationId,
        jobId: JOB,
        reservationId: 'reservation-1',
        requestedBy: 'user-1',
        body: 'سلام دنیا زیبا',
        model: 'gpt-4.1-mini-2025-04-14',
        responseId: 'chatcmpl-1',
        finishReason: 'stop',
        usage: { promptTokens: 20, completionTokens: 3, cachedTokens: 0, totalTokens: 23 },
      },
    ]);
    expect(t.outcome.usageRecords.size).toBe(1);
  });

  it('publishes the status, then every delta in order, then done and the new status', async () => {
    const t = setUp([{ pieces: ['یک ', 'دو ', 'سه ', 'چهار'] }]);

    await t.generate.execute(t.input());

    const events = t.events.eventsOf(t.request.contentId);
    expect(events.map((event) => event.type)).toEqual(['status', 'delta', 'delta', 'delta', 'delta', 'done', 'status']);
    expect(events[0]).toMatchObject({ status: 'IN_PROGRESS', jobId: JOB, attempt: 1 });
    expect(
      events.filter((event) => event.type === 'delta').map((event) => (event.type === 'delta' ? event.text : '')),
    ).toEqual(['یک ', 'دو ', 'سه ', 'چهار']);
    expect(events[5]).toMatchObject({
      type: 'done',
      jobId: JOB,
      model: 'gpt-4.1-mini-2025-04-14',
      usage: { completionTokens: 4 },
    });
    expect(events[6]).toMatchObject({ type: 'status', status: 'REVIEW', lastError: null });
  });

  it('passes temperature, maxTokens and the abort signal to the model', async () => {
    const t = setUp([{ pieces: ['x'] }], makeGenerationRequest({ temperature: 0.3, maxTokens: 50 }));
    const signal = new AbortController().signal;

    await t.generate.execute(t.input(1, { signal }));

    expect(t.llm.requests[0]).toMatchObject({ temperature: 0.3, maxTokens: 50, signal });
  });

  it('throws a transient error for the queue to retry, tells watchers, then succeeds on the next attempt', async () => {
    const t = setUp([{ error: rateLimited(), piecesFirst: ['نیمه '] }, { pieces: ['کامل'] }]);

    await expect(t.generate.execute(t.input(1))).rejects.toMatchObject({
      kind: 'transient',
      code: 'rate_limited',
      retryAfterMs: 7000,
    });
    expect(t.outcome.completions).toHaveLength(0);
    expect(t.eventTypes()).toEqual(['status', 'delta', 'error']);
    expect(t.events.eventsOf(t.request.contentId)[2]).toMatchObject({
      code: 'RATE_LIMITED',
      retrying: true,
      retryAfterMs: 7000,
    });

    const second = await t.generate.execute(t.input(2));

    expect(second).toMatchObject({ outcome: 'completed', status: 'REVIEW' });
    expect(t.outcome.completions.map((c) => c.body)).toEqual(['کامل']);
    expect(t.events.eventsOf(t.request.contentId).slice(3)[0]).toMatchObject({
      type: 'status',
      status: 'IN_PROGRESS',
      attempt: 2,
    });
    expect(t.outcome.failures).toHaveLength(0);
  });

  it('throws a permanent error without announcing a retry; failing the generation puts the content back', async () => {
    const t = setUp([{ error: noQuota() }]);

    const error = await t.generate.execute(t.input(1)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'permanent', code: 'insufficient_quota' });
    expect(t.eventTypes()).toEqual(['status']);

    const settled = await t.fail.execute({ ...t.input(1), failure: { code: 'insufficient_quota', kind: 'permanent' } });

    expect(settled).toEqual({
      status: 'DRAFT',
      lastError: { code: 'INSUFFICIENT_QUOTA', message: expect.stringContaining('quota') },
    });
    expect(t.outcome.failures).toEqual([
      expect.objectContaining({
        jobId: JOB,
        reservationId: 'reservation-1',
        error: {
          code: 'INSUFFICIENT_QUOTA',
          message: settled.lastError?.message,
          kind: 'permanent',
          reason: 'insufficient_quota',
        },
      }),
    ]);
    expect(t.outcome.failures[0]).not.toHaveProperty('unrecordedCall');
    expect(t.eventTypes()).toEqual(['status', 'error', 'status']);
    expect(t.events.eventsOf(t.request.contentId)[1]).toMatchObject({ code: 'INSUFFICIENT_QUOTA', retrying: false });
    expect(t.events.eventsOf(t.request.contentId)[2]).toMatchObject({ status: 'DRAFT', lastError: settled.lastError });
  });

  it('does not announce a retry after the last attempt', async () => {
    const t = setUp([{ error: rateLimited() }]);

    await expect(t.generate.execute(t.input(5))).rejects.toBeInstanceOf(LlmError);

    expect(t.eventTypes()).toEqual(['status']);
  });

  it('fails permanently when the content no longer exists', async () => {
    const t = setUp([{ pieces: ['x'] }]);
    t.source.requests.clear();

    await expect(t.generate.execute(t.input())).rejects.toEqual(
      expect.objectContaining({ kind: 'permanent', code: 'content_not_found' }),
    );
    expect(t.llm.requests).toHaveLength(0);
    expect(t.calls.calls.size).toBe(0);
    await expect(t.generate.execute(t.input())).rejects.toBeInstanceOf(GenerationFailure);
  });

  it('does nothing for a content that no longer waits for a generation, or waits for another job', async () => {
    const settled = setUp([{ pieces: ['x'] }], makeGenerationRequest({ status: 'REVIEW', inProgress: false }));
    await expect(settled.generate.execute(settled.input())).resolves.toEqual({
      outcome: 'skipped',
      reason: 'not_in_progress',
    });

    const other = setUp([{ pieces: ['x'] }], makeGenerationRequest({ jobId: 'job-2' }));
    await expect(other.generate.execute(other.input())).resolves.toEqual({ outcome: 'skipped', reason: 'stale_job' });

    expect([...settled.llm.requests, ...other.llm.requests]).toHaveLength(0);
    expect([...settled.outcome.completions, ...other.outcome.completions]).toHaveLength(0);
  });

  it('re-records a call that completed before a crash instead of calling the model again', async () => {
    const t = setUp([{ pieces: ['یک ', 'بار'] }]);
    t.outcome.failCompletedTimes = 1; // the worker "dies" while writing the outcome

    await expect(t.generate.execute(t.input(1))).rejects.toThrow('database unavailable');
    const retried = await t.generate.execute(t.input(2));

    expect(retried).toEqual({ outcome: 'completed', responseId: 'chatcmpl-1', status: 'REVIEW', recovered: true });
    expect(t.llm.requests).toHaveLength(1);
    expect(t.outcome.completions.map((c) => c.responseId)).toEqual(['chatcmpl-1', 'chatcmpl-1']);
    expect(t.outcome.usageRecords.size).toBe(1);
  });

  it('hands a completed but unrecorded call to the final failure, so its usage is still recorded', async () => {
    const t = setUp([{ pieces: ['متن'] }]);
    t.outcome.failCompletedTimes = 5;
    for (let attempt = 1; attempt <= 5; attempt++) await expect(t.generate.execute(t.input(attempt))).rejects.toThrow();

    await t.fail.execute({ ...t.input(5), failure: { code: 'internal', kind: 'transient' } });

    expect(t.llm.requests).toHaveLength(1);
    expect(t.outcome.failures[0]?.unrecordedCall).toMatchObject({ responseId: 'chatcmpl-1', body: 'متن' });
    expect([...t.outcome.usageRecords.keys()]).toEqual(['chatcmpl-1']);
  });

  it('keeps generating when live events cannot be published', async () => {
    const t = setUp([{ pieces: ['a', 'b'] }]);
    t.events.failPublishing = true;

    await expect(t.generate.execute(t.input())).resolves.toMatchObject({ outcome: 'completed' });
    expect(t.outcome.completions).toHaveLength(1);
  });
});
