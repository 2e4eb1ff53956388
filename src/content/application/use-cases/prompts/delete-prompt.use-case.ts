import { Injectable } from '@nestjs/common';
import { NotFoundError, type Caller } from '#libs/ddd';
import { PromptRepository } from '../../ports/prompt.repository';

/** Contents rendered from the prompt keep their prompt text; their `promptId` becomes null. */
@Injectable()
export class DeletePromptUseCase {
  constructor(private readonly prompts: PromptRepository) {}

  async execute(caller: Caller, promptId: string): Promise<void> {
    if (!(await this.prompts.delete(caller.organizationId, promptId))) throw new NotFoundError('Prompt');
  }
}
