import { makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { DeleteContentUseCase } from './delete-content.use-case';

describe('DeleteContentUseCase', () => {
  let ports: ContentPorts;
  let remove: DeleteContentUseCase;

  beforeEach(() => {
    ports = contentPorts();
    remove = new DeleteContentUseCase(ports.contents);
  });

  it('lets an EDITOR delete their own DRAFT', async () => {
    const content = await ports.store(
      makeContentIn('DRAFT', { organizationId: ports.organizationId, createdBy: ports.editor.actor.userId }),
    );
    await remove.execute(ports.editor.caller, content.id);
    expect(ports.contents.rows.has(content.id)).toBe(false);
  });

  it("refuses an EDITOR another member's DRAFT, and their own content in REVIEW, with FORBIDDEN", async () => {
    const others = await ports.store(makeContentIn('DRAFT', { organizationId: ports.organizationId }));
    const reviewed = await ports.store(
      makeContentIn('REVIEW', { organizationId: ports.organizationId, createdBy: ports.editor.actor.userId }),
    );
    await expect(remove.execute(ports.editor.caller, others.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(remove.execute(ports.editor.caller, reviewed.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(ports.contents.rows.size).toBe(2);
  });

  it('lets an ADMIN delete an APPROVED content, but not one being generated (CONTENT_BUSY)', async () => {
    const approved = await ports.store(makeContentIn('APPROVED', { organizationId: ports.organizationId }));
    const running = await ports.store(makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId }));
    await remove.execute(ports.admin.caller, approved.id);
    await expect(remove.execute(ports.admin.caller, running.id)).rejects.toMatchObject({
      code: 'CONTENT_BUSY',
    });
    expect([...ports.contents.rows.keys()]).toEqual([running.id]);
  });

  it('answers NOT_FOUND for a content of another organization', async () => {
    const content = await ports.store(makeContentIn('DRAFT'));
    await expect(remove.execute(ports.admin.caller, content.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
