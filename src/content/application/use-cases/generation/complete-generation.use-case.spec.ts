import { AI_BODY, makeContentIn, SAMPLE_USAGE } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { CompleteGenerationUseCase } from './complete-generation.use-case';

describe('CompleteGenerationUseCase', () => {
  let ports: ContentPorts;
  let complete: CompleteGenerationUseCase;
  const input = (contentId: string, jobId = 'job-running') => ({
    contentId,
    jobId,
    body: AI_BODY,
    model: 'gpt-4.1-mini-2025-04-14',
    usage: SAMPLE_USAGE,
    byUserId: ports.editor.actor.userId,
  });

  beforeEach(() => {
    ports = contentPorts();
    complete = new CompleteGenerationUseCase(ports.contents, ports.events, ports.clock);
  });

  it('stores the "ai" version and moves the content to REVIEW', async () => {
    const content = await ports.store(makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId }));
    const result = await complete.execute(input(content.id));
    expect(result.outcome).toBe('completed');
    expect(result.content).toMatchObject({ status: 'REVIEW', body: AI_BODY, currentVersion: 1, lastError: null });
    expect(ports.contents.versions.get(content.id)).toEqual([
      expect.objectContaining({
        number: 1,
        source: 'ai',
        usage: SAMPLE_USAGE,
        model: 'gpt-4.1-mini-2025-04-14',
        createdBy: ports.editor.actor.userId,
        generationJobId: 'job-running',
      }),
    ]);
    expect(ports.events.published).toEqual([
      {
        organizationId: ports.organizationId,
        type: 'content.generated',
        data: expect.objectContaining({ contentId: content.id, status: 'REVIEW', version: 1, jobId: 'job-running' }),
      },
    ]);
  });

  it('is idempotent: a repeat of the same job changes nothing and makes no second version', async () => {
    const content = await ports.store(makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId }));
    await complete.execute(input(content.id));
    const repeat = await complete.execute({ ...input(content.id), body: 'متن دیگر' });
    expect(repeat.outcome).toBe('duplicate');
    expect(ports.contents.versions.get(content.id)).toHaveLength(1);
    expect(ports.events.published).toHaveLength(1);
    expect(ports.contents.stored(content.id).body).toBe(AI_BODY);
  });

  it('writes one version when the same completion arrives twice at once', async () => {
    const content = await ports.store(makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId }));
    const outcomes = await Promise.all([complete.execute(input(content.id)), complete.execute(input(content.id))]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['completed', 'duplicate']);
    expect(ports.contents.versions.get(content.id)).toHaveLength(1);
  });

  it('ignores a job that is not the running one (stale)', async () => {
    const content = await ports.store(makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId }));
    expect((await complete.execute(input(content.id, 'job-old'))).outcome).toBe('stale');
    expect(ports.contents.stored(content.id).status).toBe('IN_PROGRESS');
  });

  it('ignores a content that is not being generated, or is gone', async () => {
    const content = await ports.store(makeContentIn('DRAFT', { organizationId: ports.organizationId }));
    expect((await complete.execute(input(content.id))).outcome).toBe('stale');
    expect((await complete.execute(input('4f3b1c5e-0000-4000-8000-000000000000'))).outcome).toBe('stale');
    expect(ports.contents.versions.get(content.id)).toEqual([]);
  });

  it('scopes the write to organizationId when given', async () => {
    const content = await ports.store(makeContentIn('IN_PROGRESS'));
    expect((await complete.execute({ ...input(content.id), organizationId: ports.organizationId })).outcome).toBe(
      'stale',
    );
    expect(ports.contents.stored(content.id).status).toBe('IN_PROGRESS');
  });
});
