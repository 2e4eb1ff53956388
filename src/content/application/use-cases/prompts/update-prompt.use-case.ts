import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, type Caller } from '#libs/ddd';
import { PromptRepository } from '../../ports/prompt.repository';
import { toPromptView, type PromptView } from './prompt-view';

export interface UpdatePromptInput {
  name?: string;
  category?: string;
  template?: string;
}

/** Contents already rendered from the prompt keep their text: a template change applies to new contents only. */
@Injectable()
export class UpdatePromptUseCase {
  constructor(
    private readonly prompts: PromptRepository,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, promptId: string, input: UpdatePromptInput): Promise<PromptView> {
    const prompt = await this.prompts.findByIdInOrganization(caller.organizationId, promptId);
    if (!prompt) throw new NotFoundError('Prompt');
    prompt.revise(input, this.clock.now());
    await this.prompts.save(prompt);
    return toPromptView(prompt);
  }
}
