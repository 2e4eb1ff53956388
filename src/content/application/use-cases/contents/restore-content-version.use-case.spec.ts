import { AI_BODY, makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import type { ContentStatus } from '../../../domain/content-status';
import { RestoreContentVersionUseCase } from './restore-content-version.use-case';

describe('RestoreContentVersionUseCase', () => {
  let ports: ContentPorts;
  let restore: RestoreContentVersionUseCase;

  beforeEach(() => {
    ports = contentPorts();
    restore = new RestoreContentVersionUseCase(ports.contents, ports.clock);
  });

  it.each<ContentStatus>(['REVIEW', 'REJECTED'])(
    'brings back version 1 of a %s content as a new "restore" version by the caller, the content in REVIEW',
    async (status) => {
      const content = makeContentIn(status, { organizationId: ports.organizationId });
      content.editManually({ body: 'متن دوم' }, ports.editor.actor.userId, ports.clock.now());
      await ports.store(content);

      const version = await restore.execute(ports.editor.caller, content.id, 1);

      expect(version).toMatchObject({
        number: 3,
        source: 'restore',
        body: AI_BODY,
        restoredFrom: 1,
        createdBy: ports.editor.actor.userId,
      });
      expect(ports.contents.stored(content.id)).toMatchObject({ status: 'REVIEW', body: AI_BODY, currentVersion: 3 });
      expect(ports.contents.versions.get(content.id)?.map((v) => v.source)).toEqual(['ai', 'manual', 'restore']);
    },
  );

  it.each<ContentStatus>(['APPROVED', 'IN_PROGRESS'])('refuses %s with CONTENT_INVALID_TRANSITION', async (status) => {
    // IN_PROGRESS with a version to restore: a REVIEW content generating again.
    const content = makeContentIn(status === 'IN_PROGRESS' ? 'REVIEW' : status, {
      organizationId: ports.organizationId,
    });
    if (status === 'IN_PROGRESS') content.startGeneration('job-2', ports.clock.now());
    await ports.store(content);
    const before = ports.contents.versions.get(content.id)?.length ?? 0;
    await expect(restore.execute(ports.editor.caller, content.id, 1)).rejects.toMatchObject({
      code: 'CONTENT_INVALID_TRANSITION',
    });
    expect(ports.contents.versions.get(content.id)?.length ?? 0).toBe(before);
  });

  it('answers NOT_FOUND for a number the content does not have, and for a content of another organization', async () => {
    const content = await ports.store(makeContentIn('REVIEW', { organizationId: ports.organizationId }));
    await expect(restore.execute(ports.editor.caller, content.id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const foreign = await ports.store(makeContentIn('REVIEW'));
    await expect(restore.execute(ports.editor.caller, foreign.id, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
