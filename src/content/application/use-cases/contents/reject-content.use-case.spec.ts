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
