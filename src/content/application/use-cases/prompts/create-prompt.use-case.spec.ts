import { contentPorts, type ContentPorts } from '../../../../../test/fakes/content/content-ports';
import { CreatePromptUseCase } from './create-prompt.use-case';
import { ListPromptsUseCase } from './list-prompts.use-case';

describe('CreatePromptUseCase', () => {
  let ports: ContentPorts;
  let create: CreatePromptUseCase;

  beforeEach(() => {
    ports = contentPorts();
    create = new CreatePromptUseCase(ports.prompts, ports.clock);
  });

  it('stores the template and lists its variables, each once, in order', async () => {
    const view = await create.execute(ports.editor.caller, {
      workspaceId: ports.workspaceId,
      name: ' معرفی محصول ',
      category: 'تبلیغات',
      template: 'برای {{نام_محصول}} با لحن {{ لحن }}؛ باز هم {{نام_محصول}}',
    });
    expect(view).toMatchObject({
      name: 'معرفی محصول',
      category: 'تبلیغات',
      variables: ['نام_محصول', 'لحن'],
      organizationId: ports.organizationId,
      createdBy: ports.editor.actor.userId,
    });
    expect(ports.prompts.rows.get(view.id)?.template).toContain('{{ لحن }}');
  });

  it('lists by category', async () => {
    const input = { workspaceId: ports.workspaceId, name: 'n', template: 't' };
    await create.execute(ports.editor.caller, { ...input, category: 'تبلیغات' });
    await create.execute(ports.editor.caller, { ...input, category: 'وبلاگ' });
    const list = new ListPromptsUseCase(ports.prompts);
    expect((await list.execute(ports.viewer.caller, ports.workspaceId, 'وبلاگ')).map((p) => p.category)).toEqual([
      'وبلاگ',
    ]);
    expect(await list.execute(ports.viewer.caller, ports.workspaceId)).toHaveLength(2);
  });
});
