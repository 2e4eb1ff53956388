import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { PromptRepository } from '../../ports/prompt.repository';
import { toPromptView, type PromptView } from './prompt-view';

@Injectable()
export class GetPromptUseCase {
  constructor(private readonly prompts: PromptRepository) {}

  async execute(caller: Caller, promptId: string): Promise<PromptView> {
    const prompt = await this.prompts.findByIdInOrganization(caller.organizationId, promptId);
    if (!prompt) throw new NotFoundError('Prompt');
    return toPromptView(prompt);
  }
}
