import { Logger } from '@nestjs/common';
import { GenerationFailure } from '../../../../ai';
import { generationKit } from '../../../../../test/fakes/content/generation-kit';

const rateLimited = () => new GenerationFailure('transient', 'rate_limited', 'OpenAI 429', 2_000);

describe('GenerateContentUseCase', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('streams the answer, records the call once against its reservation and moves the content to REVIEW', async () => {
    const kit = await generationKit([{ pieces: ['سلام', ' دنیا'] }]);

    await expect(kit.run()).resolves.toEqual({
      outcome: 'completed',
      responseId: 'chatcmpl-1',
      status: 'REVIEW',
      recovered: false,
    });

    expect([...kit.budget.records.entries()]).toEqual([
      ['chatcmpl-1', { reservationId: 'job-running', model: 'gpt-4.1-mini-2025-04-14', usageEstimated: false }],
    ]);
    expect(kit.budget.statusOf('job-running')).toBe('SETTLED');
    const content = (await kit.stored())?.snapshot();
    expect(content).toMatchObject({ status: 'REVIEW', body: 'سلام دنیا', lastError: null });
    const versions = await kit.ports.contents.listVersions(kit.ports.organizationId, kit.content.id);
    expect(versions.at(-1)).toMatchObject({
      source: 'ai',
      body: 'سلام دنیا',
      usage: { promptTokens: 20, completionTokens: 2, costUsd: '0.000420' },
      createdBy: kit.job.requestedBy,
    });
    expect(kit.ports.events.published.map((event) => event.type)).toEqual(['content.generated']);
  });

  it('reads the contents row once: before the call, and completes it over that read', async () => {
    const kit = await generationKit();
    const before = kit.ports.contents.rowReads;
    await kit.run();
    expect(kit.ports.contents.calls).toMatchObject({ findForGeneration: 1, update: 1 });
    expect(kit.ports.contents.rowReads - before).toBe(1);
  });

  it('tells watchers the status, the text in coalesced deltas, then done and the new status', async () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `و${i} `);
    const kit = await generationKit([{ pieces }]);
    await kit.run();

    const events = kit.ai.events.eventsOf(kit.content.id);
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('status');
    expect(types.slice(-2)).toEqual(['done', 'status']);
    const deltas = events.filter((event) => event.type === 'delta');
    expect(deltas.map((event) => (event.type === 'delta' ? event.text : '')).join('')).toBe(pieces.join(''));
    // 1 000 tokens, streamed in one burst: a handful of publishes, not one per token.
    expect(deltas.length).toBeLessThanOrEqual(3);
    expect(events.at(-1)).toMatchObject({ type: 'status', status: 'REVIEW', lastError: null, jobId: 'job-running' });
  });

  it('asks the model with the content’s prompt and settings and passes the abort signal', async () => {
    const kit = await generationKit();
    const signal = new AbortController().signal;
    await kit.run(1, 5, signal);
    const [request] = kit.ai.llm.requests;
    expect(request).toMatchObject({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: expect.any(String) }] });
    expect(request?.signal).toBe(signal);
  });

  it('throws a transient failure for the queue to retry, and tells watchers a retry follows', async () => {
    const kit = await generationKit([{ error: rateLimited(), piecesFirst: ['نیمه'] }, { pieces: ['کامل'] }]);

    await expect(kit.run(1)).rejects.toBeInstanceOf(GenerationFailure);
    expect(kit.ai.events.eventsOf(kit.content.id).at(-1)).toMatchObject({
      type: 'error',
      code: 'RATE_LIMITED',
      retrying: true,
      retryAfterMs: 2_000,
    });
    expect((await kit.stored())?.status).toBe('IN_PROGRESS');
    expect(kit.budget.statusOf('job-running')).toBe('RESERVED');

    await expect(kit.run(2)).resolves.toMatchObject({ outcome: 'completed' });
    expect((await kit.stored())?.snapshot().body).toBe('کامل');
  });

  it('announces no retry after the last attempt (the final failure is FailGeneration’s)', async () => {
    const kit = await generationKit([{ error: rateLimited() }]);
    await expect(kit.run(5, 5)).rejects.toBeInstanceOf(GenerationFailure);
    expect(kit.ai.events.eventsOf(kit.content.id).map((event) => event.type)).toEqual(['status']);
  });

  it('does not call the model once the reservation has ended: a permanent reservation_lost', async () => {
    const kit = await generationKit();
    await kit.budget.release.execute('job-running');
    await expect(kit.run()).rejects.toMatchObject({ code: 'reservation_lost', kind: 'permanent' });
    expect(kit.ai.llm.requests).toHaveLength(0);
  });

  it('fails permanently when the content is gone', async () => {
    const kit = await generationKit();
    kit.ports.contents.rows.delete(kit.content.id);
    await expect(kit.run()).rejects.toMatchObject({ code: 'content_not_found', kind: 'permanent' });
  });

  it('does nothing for a content that no longer waits for this job', async () => {
    const finished = await generationKit(undefined, 'REVIEW');
    await expect(finished.run()).resolves.toEqual({ outcome: 'skipped', reason: 'not_in_progress' });
    expect(finished.ai.llm.requests).toHaveLength(0);
  });

  it('re-records a call that completed before a crash instead of calling the model again', async () => {
    const kit = await generationKit();
    await kit.calls.remember('job-running', {
      responseId: 'chatcmpl-earlier',
      model: 'gpt-4.1-mini',
      body: 'متن قبلی',
      finishReason: 'stop',
      usage: { promptTokens: 5, completionTokens: 2, cachedTokens: 0, totalTokens: 7 },
      usageEstimated: true,
    });
    await expect(kit.run(2)).resolves.toMatchObject({ outcome: 'completed', recovered: true });
    expect(kit.ai.llm.requests).toHaveLength(0);
    expect(kit.budget.records.get('chatcmpl-earlier')).toMatchObject({ usageEstimated: true });
    expect((await kit.stored())?.snapshot().body).toBe('متن قبلی');
  });

  it('records the call before the content: a settle that fails is retried with the same call, never a new one', async () => {
    const kit = await generationKit();
    kit.budget.settleFailures = 1;
    await expect(kit.run(1)).rejects.toThrow('database unavailable');
    await expect(kit.run(2)).resolves.toMatchObject({ outcome: 'completed', recovered: true });
    expect(kit.ai.llm.requests).toHaveLength(1);
    expect(kit.budget.records.size).toBe(1);
  });

  it('keeps generating when live events cannot be published', async () => {
    const kit = await generationKit();
    kit.ai.events.failPublishing = true;
    await expect(kit.run()).resolves.toMatchObject({ outcome: 'completed', status: 'REVIEW' });
  });
});
