import { makeContentIn } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { GetGenerationRequestUseCase } from './get-generation-request.use-case';

describe('GetGenerationRequestUseCase', () => {
  let ports: ContentPorts;
  let get: GetGenerationRequestUseCase;

  beforeEach(() => {
    ports = contentPorts();
    get = new GetGenerationRequestUseCase(ports.contents);
  });

  it('gives what a generation job needs, by content id alone', async () => {
    const content = await ports.store(
      makeContentIn('IN_PROGRESS', { organizationId: ports.organizationId, temperature: 0.7, maxTokens: 600 }),
    );
    const state = content.snapshot();
    expect(await get.execute(content.id)).toEqual({
      contentId: content.id,
      organizationId: ports.organizationId,
      workspaceId: state.workspaceId,
      projectId: state.projectId,
      createdBy: state.createdBy,
      prompt: state.prompt,
      model: 'gpt-4.1-mini',
      temperature: 0.7,
      maxTokens: 600,
      status: 'IN_PROGRESS',
      generationJobId: 'job-running',
      lastError: null,
    });
  });

  it('scopes the read to an organization when given one', async () => {
    const content = await ports.store(makeContentIn('DRAFT'));
    await expect(get.execute(content.id, ports.organizationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND for a content that does not exist', async () => {
    await expect(get.execute('4f3b1c5e-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
