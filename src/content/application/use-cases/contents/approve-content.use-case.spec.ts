import { createHash } from 'node:crypto';
import { AI_BODY, makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { ApproveContentUseCase } from './approve-content.use-case';

describe('ApproveContentUseCase', () => {
  let ports: ContentPorts;
  let approve: ApproveContentUseCase;

  beforeEach(() => {
    ports = contentPorts();
    approve = new ApproveContentUseCase(
      ports.contents,
      ports.policies,
      ports.audit,
      ports.events,
      ports.clock,
      ports.uow,
    );
  });

  it('approves a content in REVIEW, records the approval version, and audits it', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    const view = await approve.execute(ports.admin.caller, content.id, { version: 1, comment: 'عالی است' });
    const sha256 = createHash('sha256').update(AI_BODY, 'utf8').digest('hex');
    expect(view).toMatchObject({
      status: 'APPROVED',
      currentVersion: 2,
      lastReview: {
        decision: 'APPROVED',
        by: ports.admin.actor.userId,
        note: 'عالی است',
        version: 1,
        bodySha256: sha256,
      },
    });
    expect(ports.contents.versions.get(content.id)?.map((v) => v.source)).toEqual(['ai', 'approval']);
    expect(ports.audit.entries).toEqual([
      {
        action: 'content.approved',
        actorId: ports.admin.actor.userId,
        organizationId: ports.organizationId,
        targetType: 'content',
        targetId: content.id,
        metadata: {
          projectId: view.projectId,
          version: 2,
          approvedVersion: 1,
          bodySha256: sha256,
          comment: 'عالی است',
        },
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
          approvedVersion: 1,
          bodySha256: sha256,
          comment: 'عالی است',
        }),
      },
    ]);
    expect(JSON.stringify(ports.events.published)).not.toContain(view.body ?? '—');
  });

  it('refuses approving a DRAFT with CONTENT_INVALID_TRANSITION, writes nothing and audits nothing', async () => {
    const content = await ports.store(makeContentIn('DRAFT', { organizationId: ports.organizationId }));
    await expect(approve.execute(ports.admin.caller, content.id, { version: 1 })).rejects.toMatchObject({
      code: 'CONTENT_INVALID_TRANSITION',
    });
    expect(ports.contents.stored(content.id).status).toBe('DRAFT');
    expect(ports.audit.entries).toEqual([]);
    expect(ports.events.published).toEqual([]);
  });

  it('refuses approving twice', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    await approve.execute(ports.admin.caller, content.id, { version: 1 });
    await expect(approve.execute(ports.admin.caller, content.id, { version: 1 })).rejects.toMatchObject({
      code: 'CONTENT_INVALID_TRANSITION',
    });
    expect(ports.contents.versions.get(content.id)).toHaveLength(2);
  });

  it('refuses the ADMIN who generated the version with SELF_APPROVAL_FORBIDDEN, changes nothing, and audits the refusal', async () => {
    const content = await ports.store(
      makeContentIn('REVIEW', { organizationId: ports.organizationId, createdBy: ports.admin.actor.userId }),
    );
    await expect(approve.execute(ports.admin.caller, content.id, { version: 1 })).rejects.toMatchObject({
      code: 'SELF_APPROVAL_FORBIDDEN',
      kind: 'forbidden',
    });
    expect(ports.contents.stored(content.id).status).toBe('REVIEW');
    expect(ports.events.published).toEqual([]);
    expect(ports.audit.entries).toEqual([
      expect.objectContaining({
        action: 'content.self_approval_refused',
        actorId: ports.admin.actor.userId,
        organizationId: ports.organizationId,
        targetId: content.id,
        metadata: { version: 1 },
      }),
    ]);
  });

  it('lets the writer approve when the policy allows self-approval', async () => {
    const content = await ports.store(
      makeContentIn('REVIEW', { organizationId: ports.organizationId, createdBy: ports.admin.actor.userId }),
    );
    await ports.policies.save({
      ...(await ports.policies.find(ports.organizationId)),
      allowSelfApproval: true,
    });
    expect((await approve.execute(ports.admin.caller, content.id, { version: 1 })).status).toBe('APPROVED');
  });

  it('refuses a stale version with CONTENT_VERSION_STALE and audits nothing', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    await expect(approve.execute(ports.admin.caller, content.id, { version: 2 })).rejects.toMatchObject({
      code: 'CONTENT_VERSION_STALE',
      details: { currentVersion: 1 },
    });
    expect(ports.audit.entries).toEqual([]);
  });

  it('answers NOT_FOUND for a content of another organization', async () => {
    const content = await ports.store(makeContentIn('REVIEW'));
    await expect(approve.execute(ports.admin.caller, content.id, { version: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(ports.contents.stored(content.id).status).toBe('REVIEW');
  });
});
