import { AI_BODY, makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { EditContentUseCase } from './edit-content.use-case';

describe('EditContentUseCase', () => {
  let ports: ContentPorts;
  let edit: EditContentUseCase;

  beforeEach(() => {
    ports = contentPorts();
    edit = new EditContentUseCase(ports.contents, ports.clock);
  });

  it('stores a changed body as a new "manual" version by the editor', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    const view = await edit.execute(ports.editor.caller, content.id, { body: 'متن بهتر' });
    expect(view).toMatchObject({ status: 'REVIEW', body: 'متن بهتر', currentVersion: 2 });
    expect(ports.contents.versions.get(content.id)?.at(-1)).toMatchObject({
      number: 2,
      source: 'manual',
      createdBy: ports.editor.actor.userId,
      model: null,
    });
  });

  it('makes no version for a title change or an unchanged body', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    await edit.execute(ports.editor.caller, content.id, { title: 'عنوان تازه', body: AI_BODY });
    expect(ports.contents.stored(content.id).title).toBe('عنوان تازه');
    expect(ports.contents.versions.get(content.id)).toHaveLength(1);
  });

  it('refuses APPROVED content with CONTENT_INVALID_TRANSITION and IN_PROGRESS with CONTENT_BUSY', async () => {
    const approved = await ports.store(makeContentIn('APPROVED', { organizationId: ports.organizationId }));
    const running = await ports.store(makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId }));
    await expect(edit.execute(ports.editor.caller, approved.id, { body: 'x' })).rejects.toMatchObject({
      code: 'CONTENT_INVALID_TRANSITION',
    });
    await expect(edit.execute(ports.editor.caller, running.id, { title: 'x' })).rejects.toMatchObject({
      code: 'CONTENT_BUSY',
    });
  });

  it('answers NOT_FOUND for a content of another organization', async () => {
    const content = await ports.store(makeContentIn('DRAFT'));
    await expect(edit.execute(ports.editor.caller, content.id, { title: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
