import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/ddd';
import type { OrganizationAccess } from '../../../../accounts';
import { PromptRepository } from '../../ports/prompt.repository';
import { toPromptView, type PromptView } from './prompt-view';

@Injectable()
export class GetPromptUseCase {
  constructor(private readonly prompts: PromptRepository) {}

  async execute(access: OrganizationAccess, promptId: string): Promise<PromptView> {
    const prompt = await this.prompts.findByIdInOrganization(access.organizationId, promptId);
    if (!prompt) throw new NotFoundError('Prompt');
    return toPromptView(prompt);
  }
}
