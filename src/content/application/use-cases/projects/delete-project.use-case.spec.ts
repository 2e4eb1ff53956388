import { makeContentIn, makeProject } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { DeleteProjectUseCase } from './delete-project.use-case';

describe('DeleteProjectUseCase', () => {
  let ports: ContentPorts;
  let remove: DeleteProjectUseCase;

  beforeEach(() => {
    ports = contentPorts();
    remove = new DeleteProjectUseCase(ports.projects);
  });

  it('deletes the project with its contents', async () => {
    const project = makeProject({ organizationId: ports.organizationId });
    await ports.projects.add(project);
    await ports.store(makeContentIn('APPROVED', { organizationId: ports.organizationId, projectId: project.id }));
    await remove.execute(ports.admin.caller, project.id);
    expect(ports.projects.rows.size).toBe(0);
    expect(ports.contents.rows.size).toBe(0);
  });

  it('refuses while one of its contents is being generated (CONTENT_BUSY)', async () => {
    const project = makeProject({ organizationId: ports.organizationId });
    await ports.projects.add(project);
    const running = await ports.store(
      makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId, projectId: project.id }),
    );
    await expect(remove.execute(ports.admin.caller, project.id)).rejects.toMatchObject({
      code: 'CONTENT_BUSY',
      details: { contentId: running.id },
    });
    expect(ports.projects.rows.size).toBe(1);
  });

  it('answers NOT_FOUND for a project of another organization', async () => {
    const project = makeProject();
    await ports.projects.add(project);
    await expect(remove.execute(ports.admin.caller, project.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
