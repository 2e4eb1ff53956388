import { requireText } from './content.errors';
import { renderTemplate, templateVariables, type RenderedTemplate } from './prompt-template';

export const PROMPT_LIMITS = { name: 200, category: 64, template: 20_000 } as const;

export interface PromptState {
  id: string;
  organizationId: string;
  workspaceId: string;
  name: string;
  category: string;
  template: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A reusable prompt template of a workspace, with `{{variable}}` placeholders. */
export class Prompt {
  private constructor(private state: PromptState) {}

  static create(input: {
    id: string;
    organizationId: string;
    workspaceId: string;
    name: string;
    category: string;
    template: string;
    createdBy: string;
    now: Date;
  }): Prompt {
    return new Prompt({
      id: input.id,
      organizationId: input.organizationId,
      workspaceId: input.workspaceId,
      name: requireText('name', input.name, PROMPT_LIMITS.name),
      category: requireText('category', input.category, PROMPT_LIMITS.category),
      template: requireText('template', input.template, PROMPT_LIMITS.template),
      createdBy: input.createdBy,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(state: PromptState): Prompt {
    return new Prompt({ ...state });
  }

  get id(): string {
    return this.state.id;
  }

  /** Unique, in order of first appearance. */
  get variables(): string[] {
    return templateVariables(this.state.template);
  }

  snapshot(): PromptState {
    return { ...this.state };
  }

  revise(change: { name?: string; category?: string; template?: string }, now: Date): void {
    if (change.name !== undefined) this.state.name = requireText('name', change.name, PROMPT_LIMITS.name);
    if (change.category !== undefined)
      this.state.category = requireText('category', change.category, PROMPT_LIMITS.category);
    if (change.template !== undefined)
      this.state.template = requireText('template', change.template, PROMPT_LIMITS.template);
    this.state.updatedAt = now;
  }

  /** Throws TemplateVariableMissingError naming every variable without a value. */
  render(values: Record<string, string>): RenderedTemplate {
    return renderTemplate(this.state.template, values);
  }
}
