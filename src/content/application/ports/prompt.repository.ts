import type { Prompt } from '../../domain/prompt';

export abstract class PromptRepository {
  abstract add(prompt: Prompt): Promise<void>;
  abstract findByIdInOrganization(organizationId: string, promptId: string): Promise<Prompt | undefined>;
  /** Newest first; `category` matches exactly. */
  abstract listForWorkspace(organizationId: string, workspaceId: string, category?: string): Promise<Prompt[]>;
  abstract save(prompt: Prompt): Promise<void>;
  /** Contents rendered from the prompt keep their text and lose the link. False when not found. */
  abstract delete(organizationId: string, promptId: string): Promise<boolean>;
}
