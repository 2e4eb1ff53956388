import type { Caller } from '#libs/ddd';
import { Injectable } from '@nestjs/common';
import { PromptRepository } from '../../ports/prompt.repository';
import { toPromptView, type PromptView } from './prompt-view';

@Injectable()
export class ListPromptsUseCase {
  constructor(private readonly prompts: PromptRepository) {}

  async execute(caller: Caller, workspaceId: string, category?: string): Promise<PromptView[]> {
    return (await this.prompts.listForWorkspace(caller.organizationId, workspaceId, category?.trim() || undefined)).map(
      toPromptView,
    );
  }
}
