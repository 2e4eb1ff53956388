import { makeProject, makePrompt } from '../../../../../test/factories/content.factory';
import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import type { Project } from '../../../domain/project';
import { CreateContentUseCase } from './create-content.use-case';

describe('CreateContentUseCase', () => {
  let ports: ContentPorts;
  let useCase: CreateContentUseCase;
  let project: Project;

  beforeEach(async () => {
    ports = contentPorts();
    useCase = new CreateContentUseCase(ports.contents, ports.projects, ports.prompts, ports.defaults, ports.clock);
    project = makeProject({ organizationId: ports.organizationId, workspaceId: ports.workspaceId });
    await ports.projects.add(project);
  });

  const create = (input: Omit<Parameters<CreateContentUseCase['execute']>[1], 'projectId'>) =>
    useCase.execute(ports.editor.caller, { projectId: project.id, ...input });

  it('creates a DRAFT from a written prompt, with the default model', async () => {
    const view = await create({ title: 'معرفی گوشی', prompt: 'یک متن کوتاه بنویس.' });
    expect(view).toMatchObject({
      status: 'DRAFT',
      title: 'معرفی گوشی',
      prompt: 'یک متن کوتاه بنویس.',
      promptId: null,
      variables: null,
      body: null,
      model: 'gpt-4.1-mini',
      currentVersion: 0,
      projectId: project.id,
      workspaceId: ports.workspaceId,
      organizationId: ports.organizationId,
      createdBy: ports.editor.actor.userId,
      createdAt: ports.clock.now(),
    });
    expect(ports.contents.stored(view.id).status).toBe('DRAFT');
  });

  it('keeps the model, temperature and maxTokens asked for', async () => {
    const view = await create({ title: 'ت', prompt: 'پ', model: 'gpt-4.1', temperature: 0.3, maxTokens: 800 });
    expect(view).toMatchObject({ model: 'gpt-4.1', temperature: 0.3, maxTokens: 800 });
  });

  it('renders a prompt template of the organization with the variables and keeps them', async () => {
    const prompt = makePrompt({
      organizationId: ports.organizationId,
      template: 'برای {{نام_محصول}} با لحن {{ لحن }} بنویس.',
    });
    await ports.prompts.add(prompt);
    const view = await create({
      title: 'معرفی',
      promptId: prompt.id,
      variables: { نام_محصول: 'آوا ۵', لحن: 'صمیمی', اضافه: 'نادیده' },
    });
    expect(view).toMatchObject({
      prompt: 'برای آوا ۵ با لحن صمیمی بنویس.',
      promptId: prompt.id,
      variables: { نام_محصول: 'آوا ۵', لحن: 'صمیمی' },
    });
  });

  it('refuses missing variables with TEMPLATE_VARIABLE_MISSING naming them, and stores nothing', async () => {
    const prompt = makePrompt({ organizationId: ports.organizationId, template: '{{نام_محصول}} {{لحن}} {{مخاطب}}' });
    await ports.prompts.add(prompt);
    await expect(create({ title: 'x', promptId: prompt.id, variables: { لحن: 'رسمی' } })).rejects.toMatchObject({
      code: 'TEMPLATE_VARIABLE_MISSING',
      details: { missing: ['نام_محصول', 'مخاطب'] },
    });
    expect(ports.contents.rows.size).toBe(0);
  });

  it('answers 404 for a prompt template of another organization', async () => {
    const foreign = makePrompt();
    await ports.prompts.add(foreign);
    await expect(create({ title: 'x', promptId: foreign.id, variables: {} })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('answers 404 for a project of another organization', async () => {
    const foreign = makeProject();
    await ports.projects.add(foreign);
    await expect(
      useCase.execute(ports.editor.caller, { projectId: foreign.id, title: 'x', prompt: 'y' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses neither or both of prompt and promptId', async () => {
    await expect(create({ title: 'x' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      create({ title: 'x', prompt: 'y', promptId: '6c0d4b55-8d9d-4a54-9d5c-3b7a2f1e0a11' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(create({ title: 'x', prompt: 'y', variables: { a: 'b' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
