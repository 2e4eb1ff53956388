import { makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { FailGenerationUseCase } from './fail-generation.use-case';
import { StartGenerationUseCase } from './start-generation.use-case';

describe('FailGenerationUseCase', () => {
  let ports: ContentPorts;
  let fail: FailGenerationUseCase;
  let start: StartGenerationUseCase;

  beforeEach(() => {
    ports = contentPorts();
    fail = new FailGenerationUseCase(ports.contents, ports.events, ports.clock);
    start = new StartGenerationUseCase(ports.contents, ports.policies, ports.clock);
  });

  it('returns the content to the status it left, with lastError', async () => {
    const content = await ports.store(makeContentIn('REJECTED', { organizationId: ports.organizationId }));
    await start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId: 'job-2' });
    const result = await fail.execute({
      contentId: content.id,
      jobId: 'job-2',
      error: { code: 'OPENAI_TIMEOUT', message: 'پاسخی از مدل نرسید' },
    });
    expect(result.outcome).toBe('failed');
    expect(ports.contents.stored(content.id)).toMatchObject({
      status: 'REJECTED',
      lastError: { code: 'OPENAI_TIMEOUT', message: 'پاسخی از مدل نرسید', at: ports.clock.now() },
    });
  });

  it('takes a plain message as a GENERATION_FAILED error', async () => {
    const content = await ports.store(makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId }));
    await fail.execute({ contentId: content.id, jobId: 'job-running', error: 'quota exceeded' });
    expect(ports.contents.stored(content.id)).toMatchObject({
      status: 'DRAFT',
      lastError: { code: 'GENERATION_FAILED', message: 'quota exceeded' },
    });
  });

  it('is idempotent: a repeat is a duplicate and changes nothing', async () => {
    const content = await ports.store(makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId }));
    await fail.execute({ contentId: content.id, jobId: 'job-running', error: 'first' });
    ports.clock.advance(1000);
    expect((await fail.execute({ contentId: content.id, jobId: 'job-running', error: 'second' })).outcome).toBe(
      'duplicate',
    );
    expect(ports.contents.stored(content.id).lastError?.message).toBe('first');
  });

  it('is a no-op when the job is not the current one', async () => {
    const content = await ports.store(makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId }));
    expect((await fail.execute({ contentId: content.id, jobId: 'job-old', error: 'late' })).outcome).toBe('stale');
    expect(ports.contents.stored(content.id)).toMatchObject({ status: 'IN_PROGRESS', lastError: null });
  });

  it('is a no-op for a content that is gone', async () => {
    expect(
      (await fail.execute({ contentId: '4f3b1c5e-0000-4000-8000-000000000000', jobId: 'j', error: 'x' })).outcome,
    ).toBe('stale');
  });
});
