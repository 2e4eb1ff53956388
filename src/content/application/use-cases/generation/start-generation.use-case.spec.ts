import { makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import type { ContentStatus } from '../../../domain/content-status';
import { StartGenerationUseCase } from './start-generation.use-case';

describe('StartGenerationUseCase', () => {
  let ports: ContentPorts;
  let start: StartGenerationUseCase;

  beforeEach(() => {
    ports = contentPorts();
    start = new StartGenerationUseCase(ports.contents, ports.policies, ports.clock);
  });

  it.each<ContentStatus>(['DRAFT', 'REVIEW', 'REJECTED'])('moves %s to IN_PROGRESS with the job id', async (from) => {
    const content = await ports.store(makeContentIn(from, { organizationId: ports.organizationId }));
    const view = await start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId: 'job-7' });
    expect(view).toMatchObject({ status: 'IN_PROGRESS', generationJobId: 'job-7' });
    expect(ports.contents.stored(content.id)).toMatchObject({
      status: 'IN_PROGRESS',
      resumeStatus: from,
      generationStartedAt: ports.clock.now(),
    });
  });

  it('refuses a second start with CONTENT_BUSY', async () => {
    const content = await ports.store(makeContentIn('DRAFT', { organizationId: ports.organizationId }));
    await start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId: 'job-7' });
    await expect(
      start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId: 'job-8' }),
    ).rejects.toMatchObject({
      code: 'CONTENT_BUSY',
      details: { jobId: 'job-7' },
    });
    expect(ports.contents.stored(content.id).generationJobId).toBe('job-7');
  });

  it('lets exactly one of two concurrent starts win', async () => {
    const content = await ports.store(makeContentIn('DRAFT', { organizationId: ports.organizationId }));
    const results = await Promise.allSettled(
      ['job-a', 'job-b'].map((jobId) =>
        start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      ['CONTENT_BUSY'],
    );
  });

  it('refuses APPROVED content with CONTENT_INVALID_TRANSITION', async () => {
    const content = await ports.store(makeContentIn('APPROVED', { organizationId: ports.organizationId }));
    await expect(
      start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId: 'job-7' }),
    ).rejects.toMatchObject({ code: 'CONTENT_INVALID_TRANSITION' });
  });

  it('answers NOT_FOUND for a content of another organization', async () => {
    const content = await ports.store(makeContentIn('DRAFT'));
    await expect(
      start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId: 'job-7' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(ports.contents.stored(content.id).status).toBe('DRAFT');
  });

  it("runs inside the caller's transaction when given one", async () => {
    const content = await ports.store(makeContentIn('DRAFT', { organizationId: ports.organizationId }));
    const within = { manager: { name: 'caller transaction' } };
    await start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId: 'job-7' }, within);
    expect(ports.contents.transactionsSeen).toEqual([within]);
  });

  describe('with the organization blocking prompts that contain personal data', () => {
    beforeEach(() =>
      ports.policies.rows.set(ports.organizationId, {
        organizationId: ports.organizationId,
        blockPromptsWithPii: true,
        updatedAt: null,
        updatedBy: null,
      }),
    );

    it('refuses with PROMPT_CONTAINS_PII naming types and offsets, and leaves the content as it was', async () => {
      const content = await ports.store(
        makeContentIn('DRAFT', {
          organizationId: ports.organizationId,
          prompt: 'به مشتری با شماره ۰۹۱۲۳۴۵۶۷۸۹ پیام بده',
        }),
      );

      await expect(
        start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId: 'job-7' }),
      ).rejects.toMatchObject({
        code: 'PROMPT_CONTAINS_PII',
        kind: 'unprocessable',
        details: { findings: [{ type: 'IR_PHONE', start: 18, end: 29 }] },
      });
      expect(ports.contents.stored(content.id)).toMatchObject({ status: 'DRAFT', generationJobId: null });
    });

    it('starts a prompt without personal data', async () => {
      const content = await ports.store(
        makeContentIn('DRAFT', { organizationId: ports.organizationId, prompt: 'یک متن کوتاه درباره پاییز بنویس' }),
      );

      await expect(
        start.execute({ contentId: content.id, organizationId: ports.organizationId, jobId: 'job-7' }),
      ).resolves.toMatchObject({ status: 'IN_PROGRESS' });
    });
  });
});
