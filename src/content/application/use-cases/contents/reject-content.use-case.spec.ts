import { makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { RejectContentUseCase } from './reject-content.use-case';

describe('RejectContentUseCase', () => {
  let ports: ContentPorts;
  let reject: RejectContentUseCase;

  beforeEach(() => {
    ports = contentPorts();
    reject = new RejectContentUseCase(ports.contents, ports.audit, ports.events, ports.clock, ports.uow);
  });

  it('rejects a content in REVIEW with the reason and audits it', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    const view = await reject.execute(ports.admin.caller, content.id, { reason: 'لحن رسمی نیست' });
    expect(view).toMatchObject({ status: 'REJECTED', lastReview: { decision: 'REJECTED', note: 'لحن رسمی نیست' } });
    expect(ports.audit.entries).toEqual([
      expect.objectContaining({
        action: 'content.rejected',
        targetId: content.id,
        metadata: expect.objectContaining({ reason: 'لحن رسمی نیست' }),
      }),
    ]);
  });

  it('keeps the category, in the audit entry and the event too; OTHER when none is given', async () => {
    const pii = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    const view = await reject.execute(ports.admin.caller, pii.id, {
      reason: 'ایمیل مشتری',
      category: 'PII',
      version: 1,
    });
    expect(view.lastReview).toMatchObject({ category: 'PII', version: 1 });
    expect(ports.audit.entries.at(-1)?.metadata).toMatchObject({ category: 'PII' });
    expect(ports.events.published.at(-1)?.data).toMatchObject({ category: 'PII' });

    const plain = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    expect((await reject.execute(ports.admin.caller, plain.id, { reason: 'x' })).lastReview).toMatchObject({
      category: 'OTHER',
    });
  });

  it('refuses a stale version with CONTENT_VERSION_STALE and writes nothing', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    await expect(reject.execute(ports.admin.caller, content.id, { reason: 'x', version: 2 })).rejects.toMatchObject({
      code: 'CONTENT_VERSION_STALE',
      details: { version: 2, currentVersion: 1 },
    });
    expect(ports.contents.stored(content.id).status).toBe('REVIEW');
    expect(ports.audit.entries).toEqual([]);
  });

  it('refuses rejecting an APPROVED content', async () => {
    const content = await ports.store(makeContentIn('APPROVED', { organizationId: ports.organizationId }));
    await expect(reject.execute(ports.admin.caller, content.id, { reason: 'دیر شد' })).rejects.toMatchObject({
      code: 'CONTENT_INVALID_TRANSITION',
    });
  });

  it('answers NOT_FOUND for a content of another organization', async () => {
    const content = await ports.store(makeContentIn('REVIEW'));
    await expect(reject.execute(ports.admin.caller, content.id, { reason: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(ports.contents.stored(content.id).status).toBe('REVIEW');
  });
});
