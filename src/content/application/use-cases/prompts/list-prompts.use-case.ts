import { Injectable } from '@nestjs/common';
import type { OrganizationAccess } from '../../../../accounts';
import { PromptRepository } from '../../ports/prompt.repository';
import { toPromptView, type PromptView } from './prompt-view';

@Injectable()
export class ListPromptsUseCase {
  constructor(private readonly prompts: PromptRepository) {}

  async execute(access: OrganizationAccess, workspaceId: string, category?: string): Promise<PromptView[]> {
    return (await this.prompts.listForWorkspace(access.organizationId, workspaceId, category?.trim() || undefined)).map(
      toPromptView,
    );
  }
}
