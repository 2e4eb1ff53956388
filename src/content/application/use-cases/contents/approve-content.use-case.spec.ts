import { makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { ApproveContentUseCase } from './approve-content.use-case';

describe('ApproveContentUseCase', () => {
  let ports: ContentPorts;
  let approve: ApproveContentUseCase;

  beforeEach(() => {
    ports = contentPorts();
    approve = new ApproveContentUseCase(ports.contents, ports.audit, ports.events, ports.clock, ports.uow);
  });

  it('approves a content in REVIEW, records the approval version, and audits it', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    const view = await approve.execute(ports.admin.caller, content.id, { comment: 'عالی است' });
    expect(view).toMatchObject({
      status: 'APPROVED',
      currentVersion: 2,
      lastReview: { decision: 'APPROVED', by: ports.admin.actor.userId, note: 'عالی است' },
    });
    expect(ports.contents.versions.get(content.id)?.map((v) => v.source)).toEqual(['ai', 'approval']);
    expect(ports.audit.entries).toEqual([
      {
        action: 'content.approved',
        actorId: ports.admin.actor.userId,
        organizationId: ports.organizationId,
        targetType: 'content',
        targetId: content.id,
        metadata: { projectId: view.projectId, version: 2, comment: 'عالی است' },
        requestId: 'req-ADMIN',
        ip: '10.0.0.1',
      },
    ]);
    expect(ports.events.published).toEqual([
      {
        organizationId: ports.organizationId,
        type: 'content.approved',
        data: expect.objectContaining({
          contentId: content.id,
          status: 'APPROVED',
          version: 2,
          approvedBy: ports.admin.actor.userId,
          comment: 'عالی است',
        }),
      },
    ]);
    expect(JSON.stringify(ports.events.published)).not.toContain(view.body ?? '—');
  });

  it('refuses approving a DRAFT with CONTENT_INVALID_TRANSITION, writes nothing and audits nothing', async () => {
    const content = await ports.store(makeContentIn('DRAFT', { organizationId: ports.organizationId }));
    await expect(approve.execute(ports.admin.caller, content.id, {})).rejects.toMatchObject({
      code: 'CONTENT_INVALID_TRANSITION',
    });
    expect(ports.contents.stored(content.id).status).toBe('DRAFT');
    expect(ports.audit.entries).toEqual([]);
    expect(ports.events.published).toEqual([]);
  });

  it('refuses approving twice', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    await approve.execute(ports.admin.caller, content.id, {});
    await expect(approve.execute(ports.admin.caller, content.id, {})).rejects.toMatchObject({
      code: 'CONTENT_INVALID_TRANSITION',
    });
    expect(ports.contents.versions.get(content.id)).toHaveLength(2);
  });

  it('answers NOT_FOUND for a content of another organization', async () => {
    const content = await ports.store(makeContentIn('REVIEW'));
    await expect(approve.execute(ports.admin.caller, content.id, {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(ports.contents.stored(content.id).status).toBe('REVIEW');
  });
});
