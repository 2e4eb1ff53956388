import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, FieldInvalidError, NotFoundError, type Caller } from '#libs/ddd';
import { Content } from '../../../domain/content';
import { toContentView, ContentRepository, type ContentView } from '../../ports/content.repository';
import { GenerationDefaults } from '../../ports/generation-defaults';
import { ProjectRepository } from '../../ports/project.repository';
import { PromptRepository } from '../../ports/prompt.repository';

/** Either a prompt written out, or a prompt template of the organization and values for its variables. */
export interface CreateContentInput {
  projectId: string;
  title: string;
  prompt?: string;
  promptId?: string;
  variables?: Record<string, string>;
  model?: string;
  temperature?: number;
  maxTokens?: number;
}

@Injectable()
export class CreateContentUseCase {
  constructor(
    private readonly contents: ContentRepository,
    private readonly projects: ProjectRepository,
    private readonly prompts: PromptRepository,
    private readonly defaults: GenerationDefaults,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, input: CreateContentInput): Promise<ContentView> {
    const project = await this.projects.findByIdInOrganization(caller.organizationId, input.projectId);
    if (!project) throw new NotFoundError('Project');
    const { prompt, variables } = await this.promptText(caller.organizationId, input);
    const { workspaceId } = project.snapshot();
    const content = Content.create({
      id: randomUUID(),
      organizationId: caller.organizationId,
      workspaceId,
      projectId: input.projectId,
      title: input.title,
      prompt,
      promptId: input.promptId ?? null,
      variables,
      model: input.model ?? this.defaults.defaultModel,
      temperature: input.temperature ?? null,
      maxTokens: input.maxTokens ?? null,
      createdBy: caller.userId,
      now: this.clock.now(),
    });
    await this.contents.add(content);
    return toContentView(content);
  }

  private async promptText(
    organizationId: string,
    input: CreateContentInput,
  ): Promise<{ prompt: string; variables: Record<string, string> | null }> {
    if (input.promptId !== undefined) {
      if (input.prompt !== undefined) throw new FieldInvalidError('prompt', 'send either prompt or promptId, not both');
      const template = await this.prompts.findByIdInOrganization(organizationId, input.promptId);
      if (!template) throw new NotFoundError('Prompt');
      const rendered = template.render(input.variables ?? {});
      return { prompt: rendered.text, variables: rendered.variables };
    }
    if (input.prompt === undefined) throw new FieldInvalidError('prompt', 'send prompt, or promptId with variables');
    if (input.variables !== undefined) throw new FieldInvalidError('variables', 'variables go with promptId');
    return { prompt: input.prompt, variables: null };
  }
}
